// Official XML as it is found, not only as it was published: files
// re-saved by other tools carry HTML entities, text before the declaration,
// stray end tags and stray '<', or end in the middle. They are repaired
// where a local repair is safe, and read up to where they break off.
#pragma once

#include <optional>
#include <pugixml.hpp>
#include <string>
#include <vector>

namespace kamerzoek::corpus::op {

/// Named character entities of HTML that turn up in hand-edited files are
/// replaced by their characters; XML knows only the five it predefines.
void replace_html_entities(std::string& text);

/// Text before the first tag (a byte-order mark saved as text that could
/// not be repaired, stray characters) is blanked, keeping line numbers.
void blank_text_before_markup(std::string& text, std::vector<std::string>& warnings);

struct ParseFailure {
    std::string description;
    int line = 0;
    int column = 0;
};

/// Parses leniently: a document pugixml rejects is repaired step by step
/// (stray end tags dropped, stray '<' escaped), and a truncated one is read
/// up to where it breaks off; each repair is noted in `warnings`. Returns
/// the first error, if there was one.
std::optional<ParseFailure> parse_xml(std::string text, pugi::xml_document& document,
                                      std::vector<std::string>& warnings);

}  // namespace kamerzoek::corpus::op
