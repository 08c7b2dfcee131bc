// Everything the index stores and how it is named: term prefixes, value
// slots and metadata keys. docs/INDEX_FORMAT.md describes the same; keep
// the two in step. Shared by the indexer and the searcher.
#pragma once

#include <xapian.h>

#include <string_view>

#include "analysis/term_prefixes.h"

namespace kamerzoek::schema {

// One Xapian document per passage; its data is the passage's record
// (indexer/passage_record.h).
// Unprefixed terms: folded words with positions (phrases, exact matches).
inline constexpr std::string_view kStem = kStemPrefix;  // stems (Dutch or English), no positions
inline constexpr std::string_view kTitleWord = "XT";    // folded words of the document title
inline constexpr std::string_view kSectionWord = "XS";  // folded words of the section heading

// Boolean terms.
inline constexpr std::string_view kPassageId = "Q";       // "<doc id>#<ordinal>", unique
inline constexpr std::string_view kDocId = "XDOC";        // the document's own id
inline constexpr std::string_view kParentId = "XPARENT";  // an annex's letter
inline constexpr std::string_view kKind = "K";            // kamerbrief, bijlage, ...
inline constexpr std::string_view kLanguage = "L";        // nl, en, und
inline constexpr std::string_view kYear = "Y";            // 2016
inline constexpr std::string_view kReference = "XREF";    // ids the passage cites
inline constexpr std::string_view kDossier = "XDOSSIER";  // dossiers it cites or belongs to
inline constexpr std::string_view kSpeaker =
    "XSPEAKER";                                       // folded speaker name, words joined by '_'
inline constexpr std::string_view kParty = "XPARTY";  // folded party name

// Value slots.
inline constexpr Xapian::valueno kSlotDocId = 0;  // also the per-document collapse key
inline constexpr Xapian::valueno kSlotDate = 1;   // "YYYYMMDD", empty when unknown
inline constexpr Xapian::valueno kSlotKind = 2;
inline constexpr Xapian::valueno kSlotLanguage = 3;
inline constexpr Xapian::valueno kSlotOrdinal = 4;  // sortable_serialise(ordinal)
// On a document's first passage only: JSON of what belongs to the whole
// document {title, kind, date, parent_id, source, dossier}, empty members
// left out. A value rather than data: a hit on any passage reads it without
// decompressing and parsing the first passage's text.
inline constexpr Xapian::valueno kSlotDocument = 5;
// 16 hex digits: a hash of the passage's terms (with their frequencies),
// values and data. A reindexed file leaves a passage whose fingerprint is
// unchanged alone instead of rewriting it.
inline constexpr Xapian::valueno kSlotFingerprint = 6;

// Metadata keys.
inline constexpr std::string_view kMetaFormat = "kamerzoek.format";      // kFormatVersion
inline constexpr std::string_view kMetaAnalysis = "kamerzoek.analysis";  // Analyzer::signature()
inline constexpr std::string_view kMetaLastRun = "kamerzoek.last_run";   // JSON summary
// 1: passage data as JSON. 2: passage data as a PassageRecord
// (indexer/passage_record.h) with the spans of its words.
inline constexpr std::string_view kFormatVersion = "2";
// Per source file (key: prefix + absolute path, or "#" + hash of a long
// path): JSON {path, size, mtime_ns, hash, docs, passages}.
inline constexpr std::string_view kMetaFilePrefix = "kamerzoek.file:";
// A file that could not be read, with the size and time it had then: it is
// not read again until it changes (or a run retries failed files).
inline constexpr std::string_view kMetaFailedPrefix = "kamerzoek.failed:";

// Xapian refuses terms longer than this many bytes.
inline constexpr std::size_t kMaxTermLength = 240;

template <typename Prefix>
std::string term(Prefix prefix, std::string_view value) {
    std::string t(prefix);
    t.append(value);
    return t;
}

}  // namespace kamerzoek::schema
