// The document model shared by every reader, the passage splitter and the
// indexer: a file becomes a Document made of Blocks; the splitter turns the
// blocks into Passages, the unit that is indexed and returned as a hit.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/references.h"

namespace kamerzoek::corpus {

enum class Language { kUnknown, kDutch, kEnglish };

/// "nl", "en" or "und".
std::string_view language_code(Language language);
Language language_from_code(std::string_view code);

// What a document is, named as its publication calls it. Kinds are
// stored in the index by name (kind_name()), so adding one needs no index
// change; docs/FORMATS.md lists them.
enum class DocumentKind {
    kOther,
    kKamerbrief,       // a letter to the Kamer (published as a Kamerstuk)
    kKamerstuk,        // any other parliamentary paper
    kMotie,            // a motion, published as a Kamerstuk
    kAmendement,       // an amendment to a bill, published as a Kamerstuk
    kBijlage,          // an annex to a letter or paper
    kHandelingen,      // one item of the official record of a sitting
    kAanhangsel,       // written questions with the government's answers (Aanhangsel)
    kKamervragen,      // written questions not yet answered (Kamervragen zonder antwoord)
    kBesluitenlijst,   // a committee's list of decisions
    kDebate,           // a debate transcript from another source (ParlaMint TEI)
    kStaatsblad,       // laws and decrees
    kStaatscourant,    // the government gazette
    kTractatenblad,    // treaties
    kGemeenteblad,     // a municipality's gazette
    kProvinciaalblad,  // a province's gazette
    kWaterschapsblad,  // a water board's gazette
    kBladGemeenschappelijkeRegeling,  // the gazette of a joint arrangement of authorities
    kEmail,                           // an e-mail or e-mail thread (as released under the Woo)
    kNota,     // a ministry's internal note to its minister (nota ter beslissing, ...)
    kRapport,  // a report: research, evaluation, a "duidingsrapportage" sent to the Kamer
    kFiche,    // a BNC-fiche: the government's assessment of a new EU proposal
};

/// "kamerbrief", "kamerstuk", "motie", "amendement", "bijlage",
/// "handelingen", "aanhangsel", "kamervragen", "besluitenlijst", "debate",
/// "staatsblad", "staatscourant", "tractatenblad", "gemeenteblad",
/// "provinciaalblad", "waterschapsblad", "bladgemeenschappelijkeregeling",
/// "email", "nota", "rapport", "fiche" or "other".
std::string_view kind_name(DocumentKind kind);
DocumentKind kind_from_name(std::string_view name);

/// The kind names a `kind:` filter for `name` matches: the name itself,
/// and for "kamerstuk" every kind published as a Kamerstuk (kamerbrief,
/// motie, amendement), so that kind:kamerstuk finds the whole series.
std::vector<std::string_view> kinds_matched_by(std::string_view name);

/// A structural unit as a reader finds it: a heading, a paragraph, a
/// footnote, a speech turn or a motion. Text is clean UTF-8 (NFC, words
/// rejoined, whitespace tidied).
struct Block {
    enum class Role { kParagraph, kHeading, kFootnote, kSpeech, kMotion };
    Role role = Role::kParagraph;
    std::string text;
    std::string label;    // footnote number, or a motion's own id
    std::string speaker;  // speech turns: "Van Bommel"
    std::string party;    // speech turns: "SP"
    /// Links the source states explicitly (XML extref, motion ids), as
    /// canonical ids; found in addition to citations in the text.
    std::vector<std::string> linked_ids;
};

/// What is indexed and returned: a stretch of a document a reader would quote.
struct Passage {
    int ordinal = 0;        // 0-based position in the document
    std::string section;    // heading of the section it belongs to
    std::string text;       // as a reader should see it
    std::size_t begin = 0;  // byte offsets into Document::text()
    std::size_t end = 0;
    Language language = Language::kUnknown;
    bool is_footnote = false;
    std::string label;  // footnote number or motion id
    std::string speaker;
    std::string party;
    std::vector<Reference> references;    // citations found in `text`
    std::vector<std::string> linked_ids;  // explicit links from the source
};

struct Document {
    std::string id;  // stable: official id when known, else from the file name
    std::string title;
    std::string date;       // ISO 8601 "2016-02-09", or empty: the document's own date
    std::string published;  // ISO 8601: when it was made public, when its metadata says
    DocumentKind kind = DocumentKind::kOther;
    Language language = Language::kUnknown;
    std::string source_path;
    std::string parent_id;                // for an annex: the document it belongs to
    std::string dossier;                  // "34300-V"
    std::string number;                   // ondernummer / stuknummer
    std::string vergaderjaar;             // "2015-2016"
    std::string chamber;                  // "tk" or "ek"
    std::string kenmerk;                  // the sender's own reference ("Ons kenmerk")
    std::vector<std::string> authors;     // indieners, or the ministry that wrote it
    std::vector<std::string> alternates;  // paths of the publication's other renditions
    std::vector<std::string> warnings;    // repairs made while reading
    std::vector<Block> blocks;
    std::vector<Passage> passages;  // filled by split_into_passages()

    /// The whole text: the passages joined by blank lines, which is what the
    /// passages' offsets point into.
    std::string text() const;
};

}  // namespace kamerzoek::corpus
