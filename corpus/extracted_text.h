// Text as it comes out of PDF extraction: hard line breaks, words hyphenated
// across lines, footnote markers glued to words, running headers and page
// numbers. Shared by the plain-text and PDF readers.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/document.h"

namespace kamerzoek::corpus {

struct ExtractedText {
    std::vector<Block> blocks;  // headings, paragraphs, footnotes in order
    std::string date;           // ISO date from a "Den Haag, 9 februari 2016" line
};

/// Rebuilds paragraphs, headings and footnotes from extracted text (UTF-8,
/// LF line ends). Pages may be separated by form feeds.
ExtractedText parse_extracted_text(std::string_view text);

/// Joins two halves of a word split at a line-break hyphen ("samen-" +
/// "werking"), keeping hyphens Dutch spelling requires ("re-" + "integratie").
/// `vocabulary` holds words seen elsewhere in the document, folded to lower
/// case, and settles doubtful cases.
std::string join_hyphenated(std::string_view head, std::string_view tail,
                            const std::vector<std::string>& vocabulary);

/// Appends one wrapped line to a paragraph: a space between them, or the
/// word broken at the line end rejoined (join_hyphenated).
void append_wrapped_line(std::string& paragraph, std::string_view line,
                         const std::vector<std::string>& vocabulary);

/// The words of `lines`, folded to lower case, sorted: the vocabulary
/// join_hyphenated expects.
std::vector<std::string> sorted_vocabulary(const std::vector<std::string>& lines);

/// Removes footnote markers glued to the word before them ("brief1." ->
/// "brief.") for the footnote numbers given.
std::string detach_footnote_markers(std::string_view text, const std::set<int>& footnotes);

/// Parses a Dutch date such as "9 februari 2016" or "9-2-2016" to ISO
/// 8601; empty when it is not a date.
std::string parse_dutch_date(std::string_view text);

}  // namespace kamerzoek::corpus
