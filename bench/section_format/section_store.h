// What a section document stores of its passages: one compact record per
// section (no JSON), read back without copying the text. The passage
// boundaries are term position ranges, so that the searcher can tell from
// a term's positions which passages hold it.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

namespace kamerzoek::sections {

struct StoredPassage {
    int ordinal = 0;
    std::string lang;           // nl, en, und
    Xapian::termpos begin = 0;  // first and last term position of its words
    Xapian::termpos end = 0;    // (end < begin: a passage without words)
    std::string_view text;      // into the record it was decoded from
    std::string section;        // heading it falls under
    std::string speaker, party, label;
    bool footnote = false;
    std::vector<std::string> refs;  // canonical ids cited or linked
    // Its length as Xapian counts a document's: the wdf of all its terms
    // (words, stems, compound parts, heading and title words).
    Xapian::termcount length = 0;

    bool holds(Xapian::termpos position) const { return position >= begin && position <= end; }
};

struct StoredSection {
    std::string doc_id;
    std::vector<StoredPassage> passages;
};

/// One record: a header line per passage (fields separated by 0x1f, the
/// text's byte count among them), then all the texts back to back.
std::string encode_section(const std::string& doc_id, const std::vector<StoredPassage>& passages,
                           const std::vector<std::string>& texts);

/// The record's passages; their text views point into `record`, which must
/// outlive the result. Throws std::runtime_error on a malformed record.
StoredSection decode_section(const std::string& record);

}  // namespace kamerzoek::sections
