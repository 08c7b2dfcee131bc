// Value types of the public API: plain structs, no library types inside.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "kamerzoek/export.h"

namespace kamerzoek {

/// An official identifier a passage cites, e.g. "h-tk-20152016-26-5".
struct Reference {
    std::string id;
    std::string type;      // "handelingen", "aanhangsel", "kamerstuk" or "dossier"
    std::string cited_as;  // the text it was found as
    std::string url;       // official URL, empty for a dossier
    std::string in_index;  // doc id of the cited document when it is indexed
};

/// One ranked passage.
struct Hit {
    int rank = 0;  // 1-based
    double score = 0;
    std::string doc_id;
    std::string title;
    /// What the document is: a lower-case word from the list in
    /// docs/FORMATS.md ("kamerbrief", "bijlage", "handelingen", "motie",
    /// "kamerstuk", "debate", "other", ...). An open set: a document's
    /// metadata may state a kind not listed, so treat unknown ones as "other".
    std::string kind;
    std::string date;  // ISO 8601, empty when unknown
    std::string lang;  // exactly one of "nl", "en", "und" (undetermined)
    std::string section;
    int passage = 0;  // ordinal of the passage in its document
    std::string text;
    std::string snippet;  // with matches marked by \x01 ... \x02 (see highlight())
    std::string speaker;
    std::string party;
    std::string parent_id;  // for an annex: its letter
    std::vector<Reference> refs;
    std::string source;  // path of the file it came from
};

/// Options of one search. Defaults are what the command line uses.
/// Fields may be added in a minor version (docs/API.md): set them by
/// name, never by position.
struct SearchOptions {
    std::size_t limit = 10;
    std::size_t offset = 0;
    /// "nl" or "en" pins query analysis to one language; empty uses both.
    std::string lang;
    /// At most this many passages per document; 0 means no cap.
    unsigned per_document = 2;
    /// A match still running after this many seconds is stopped and the
    /// search throws QueryTooExpensive; 0 means no limit.
    double time_limit_seconds = 10;
    /// Asked now and then while the match runs; when it returns true (say,
    /// the client that asked has gone) the search stops with
    /// QueryTooExpensive. Empty: never.
    std::function<bool()> cancelled;
};

struct SearchResults {
    std::string query;
    std::size_t total = 0;      // estimated number of matching passages
    std::size_t documents = 0;  // estimated number of documents those passages are in
    std::vector<Hit> hits;
    std::string suggestion;  // "did you mean": a corrected query, or empty
};

/// One passage of a document as `Searcher::show` returns it.
struct DocumentPassage {
    int ordinal = 0;  // 0-based position in the document
    std::string section;
    std::string text;
    std::string lang;  // "nl", "en" or "und"
    std::string speaker;
    std::string party;
    std::string label;      // footnote number or motion id
    bool footnote = false;  // a footnote rather than running text
    std::vector<Reference> refs;
};

/// A document in the index that cites another, and where.
struct CitingDocument {
    std::string doc_id;
    std::string title;
    std::string kind;
    std::string date;
    std::vector<std::string> cited_ids;  // the ids it cites them by
    std::vector<int> passages;           // ordinals of the citing passages
};

/// A whole indexed document: metadata, passages, what it cites and what
/// in the index cites it.
struct DocumentView {
    std::string doc_id;
    std::string title;
    std::string kind;
    std::string date;  // ISO 8601, empty when unknown
    std::string lang;  // the language most of its text is in
    std::string source;
    std::string parent_id;               // for an annex: its letter
    std::optional<std::string> dossier;  // "34300-V" when known
    std::vector<std::string> annexes;    // doc ids of the annexes that name it as parent, in order
    std::string published;               // ISO 8601 date of publication, when its metadata says
    std::string kenmerk;                 // the sender's own reference ("Ons kenmerk"), when printed
    std::vector<std::string> authors;    // indieners, or the ministry that wrote it
    std::vector<std::string> alternates;  // paths of the publication's other renditions
    std::vector<DocumentPassage> passages;
    std::vector<Reference> cites;  // every distinct id it cites, in order of first citation
    std::vector<CitingDocument> cited_by;
};

/// Options of `Searcher::cites`.
struct CitesOptions {
    /// Optional free text: when given, the citing passages that also match
    /// it are ranked by its BM25 weight.
    std::string text;
    std::size_t limit = 50;  // passages
    std::size_t offset = 0;
};

/// The passages of one document that cite what was asked for.
struct CitesGroup {
    std::string doc_id;
    std::string title;
    std::string kind;
    std::string date;
    std::vector<Hit> passages;
};

/// Every passage that cites a paper or a dossier, grouped by document.
struct CitesResults {
    std::string ref;                    // as asked
    std::vector<Reference> looked_for;  // the canonical ids (or dossier) it stands for
    std::string text;                   // the free-text part, if any
    std::size_t total = 0;              // number of citing passages (exact)
    std::vector<CitesGroup> documents;
};

/// Marks used in Hit::snippet around matched words.
inline constexpr char kHighlightBegin = '\x01';
inline constexpr char kHighlightEnd = '\x02';

/// Replaces the highlight marks of a snippet by `begin` and `end` (e.g. ANSI
/// colours, or "<mark>" and "</mark>").
KAMERZOEK_EXPORT std::string highlight(const std::string& snippet, const std::string& begin,
                                       const std::string& end);

/// The results as the JSON document the command line and the HTTP service
/// print (schema in docs/JSON.md).
KAMERZOEK_EXPORT std::string to_json(const SearchResults& results, int indent = 2);
KAMERZOEK_EXPORT std::string to_json(const DocumentView& document, int indent = 2);
KAMERZOEK_EXPORT std::string to_json(const CitesResults& results, int indent = 2);

}  // namespace kamerzoek
