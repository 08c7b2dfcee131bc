// Files that are not publications: tables, records, source code,
// spreadsheets, images, archives. A run names them ("unsupported format:
// CSV table") and passes over them instead of reading them as text; plain
// text and Markdown always stay readable.
#pragma once

#include <string>
#include <string_view>

namespace kamerzoek::corpus {

/// What the file's name says it is, when no reader handles that ("CSV
/// table", "Python source", "PNG image"); "" when it may be a publication.
/// ODT is named here too: read it only through a better rendition beside it.
std::string unsupported_format_by_name(std::string_view path);

/// What the first bytes or the shape of the content say the file is, when
/// no reader handles that: archives, images, Office files, JSON and JSON
/// Lines records; "" otherwise. Conservative: text that merely contains a
/// JSON line or two, or commas, stays text.
std::string unsupported_format_by_content(std::string_view bytes);

/// The name of an XML file's first element, skipping the declaration,
/// comments and doctype ("TEI", "owms-metadata", "kamerstuk"); "" when
/// `head` shows none. Readers look at the first few KB only.
std::string xml_root_element(std::string_view head);

}  // namespace kamerzoek::corpus
