// The stored record of a passage: what a hit shows (its document id, text,
// section, speaker, references, ...) and the byte spans of the words the
// analyzer found in its text, so that a snippet is cut without breaking the
// text into words again. Written by the indexer as a passage's Xapian data,
// read by the searcher; the layout is in docs/INDEX_FORMAT.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kamerzoek {

/// A citation in a passage, or an id its source links to.
struct StoredReference {
    std::string id;         // canonical id ("kst-34300-V-30")
    std::string type;       // corpus::to_string() of its type
    std::string cited_as;   // as the text (or the link) has it
    std::size_t begin = 0;  // byte span in the text; 0, 0 for a link
    std::size_t end = 0;
    bool linked = false;  // from the source's links, not the text
};

/// A word of the text as the analyzer found it: bytes [begin, end).
struct WordSpan {
    std::size_t begin = 0;
    std::size_t end = 0;
};

struct PassageRecord {
    std::string doc_id;
    int ordinal = 0;
    std::string lang;  // corpus::language_code()
    std::string text;
    std::string section;
    std::string speaker;
    std::string party;
    std::string label;
    bool footnote = false;
    std::vector<StoredReference> refs;
    std::vector<WordSpan> words;  // in order, not overlapping, within text
};

/// The record as bytes: a leading layout version, then varints and
/// length-prefixed strings; of the word spans, only those a simple rule
/// would not find again in the text are stored (docs/INDEX_FORMAT.md).
std::string encode_passage_record(const PassageRecord& record);

/// The record `bytes` hold; nullopt when they are not a record of this
/// layout (another version, or damaged).
std::optional<PassageRecord> decode_passage_record(std::string_view bytes);

}  // namespace kamerzoek
