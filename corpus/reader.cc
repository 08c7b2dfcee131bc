#include "corpus/reader.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <regex>
#include <set>

#include "corpus/encoding.h"
#include "corpus/file_format.h"
#include "corpus/language.h"
#include "corpus/official_id.h"
#include "corpus/passages.h"
#include "corpus/publication.h"
#include "corpus/publication_metadata.h"
#include "corpus/readers/readers.h"

namespace kamerzoek::corpus {

// A stable id from the file name when the document does not state its own:
// lower case, runs of other characters turned into single hyphens. Only a
// document extension is dropped, so "debates.nl" and "debates.en" differ.
std::string id_from_path(const std::string& path) {
    static const std::set<std::string> kDocumentExtensions{".txt", ".xml", ".pdf",      ".html",
                                                           ".htm", ".md",  ".markdown", ".odt"};
    const std::filesystem::path file = std::filesystem::path(path).filename();
    std::string extension = file.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const std::string name =
        kDocumentExtensions.count(extension) ? file.stem().string() : file.string();
    std::string id;
    for (const char c : name) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || u >= 0x80) {
            id.push_back(static_cast<char>(std::tolower(u)));
        } else if (!id.empty() && id.back() != '-') {
            id.push_back('-');
        }
    }
    while (!id.empty() && id.back() == '-') id.pop_back();
    return id.empty() ? "document" : id;
}

namespace {

// Metadata beside a rendition states what a reader could only guess from
// its text (a PDF's first line, a file name); the official XML reader
// weighs it against the XML's own metadata itself.
void apply_companion_metadata(Document& document, const SourceFile& file) {
    const std::string own = document.id.empty() ? id_from_path(file.path) : document.id;
    const Metadata metadata = companion_metadata(
        file.metadata, looks_like_official_id(own) ? own : "", document.warnings);
    override_from_metadata(document, metadata);
}

// An official XML's title is built from its heading ("Wet- en regelgeving
// financiële markten; MOTIE VAN DE LEDEN ..."); the publication's metadata
// names the document itself ("Motie van de leden ... over ...").
void prefer_metadata_title(Document& document, const SourceFile& file) {
    std::vector<std::string> ignored;  // the reader already reported them
    const std::string title =
        metadata_title(companion_metadata(file.metadata, document.id, ignored));
    if (!title.empty()) document.title = title;
}

// A title is never empty: the first heading or line of the text, else the id.
void ensure_title(Document& document) {
    if (!collapse_whitespace(document.title).empty()) return;
    document.title = document.id;
    for (const Block& block : document.blocks) {
        const std::string text = collapse_whitespace(block.text);
        if (text.empty()) continue;
        document.title = text.substr(0, 120);
        break;
    }
}

std::string lower_id(std::string id) {
    for (char& c : id) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return id;
}

// "Bijlage B - Advies Autoriteit Persoonsgegevens.pdf": the name the sender
// gave an annex is how the letter lists it, and says more than a report's
// first heading ("Openbare versie"); empty when the name is only a label
// ("bijlage-1.pdf").
std::string annex_title_from_name(const std::string& path) {
    std::string stem = std::filesystem::path(path).stem().string();
    std::replace(stem.begin(), stem.end(), '_', ' ');
    stem = collapse_whitespace(stem);
    static const std::regex labelled(
        R"(^(bijlagen?|bijl\.|annexe?|appendix|attachment)\s*[A-Za-z0-9]{0,3}\s*[-–:.]?\s*(\S+\s+\S+.*)$)",
        std::regex::icase);
    std::smatch m;
    return std::regex_match(stem, m, labelled) ? stem : "";
}

// The words of `text`, ASCII-folded, split at anything not a letter or digit
// ("BNC-fiche" -> "bnc", "fiche").
std::vector<std::string> folded_words(std::string_view text) {
    std::vector<std::string> words(1);
    for (const char c : text) {
        if (std::isalnum(static_cast<unsigned char>(c))) {
            words.back().push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        } else if (!words.back().empty()) {
            words.emplace_back();
        }
    }
    if (words.back().empty()) words.pop_back();
    return words;
}

// What a document no reader or metadata could name is, from what its title
// or file name calls it: "Fiche 5: Herziening ..." or "fiche-5-....pdf" (a
// BNC-fiche), "Duidingsrapportage Coronamelder", "Eindrapport", "Final
// report". A rapporteur is a person, not a report.
DocumentKind kind_named_by(std::string_view title, std::string_view path) {
    const std::string stem = std::filesystem::path(path).stem().string();
    for (const std::string_view text : {title, std::string_view(stem)}) {
        for (const std::string& word : folded_words(text)) {
            if (word == "fiche" || word == "fiches" || word == "bncfiche")
                return DocumentKind::kFiche;
        }
    }
    for (const std::string_view text : {title, std::string_view(stem)}) {
        for (const std::string& word : folded_words(text)) {
            if ((word.find("rapport") != std::string::npos &&
                 word.find("rapporteur") == std::string::npos) ||
                word == "report" || word == "reports")
                return DocumentKind::kRapport;
        }
    }
    return DocumentKind::kOther;
}

void finish_document(Document& document, const SourceFile& file, bool reads_metadata_itself) {
    if (!file.metadata.empty()) {
        if (reads_metadata_itself) {
            prefer_metadata_title(document, file);
        } else {
            apply_companion_metadata(document, file);
        }
    }
    if (document.id.empty()) document.id = id_from_path(file.path);
    document.alternates = file.alternates;
    // Metadata naming a parent wins over the file's name.
    if (document.parent_id.empty() && !file.annex_of_id.empty() &&
        lower_id(document.id) != lower_id(file.annex_of_id)) {
        document.parent_id = file.annex_of_id;
        document.kind = DocumentKind::kBijlage;
        const std::string named = annex_title_from_name(file.path);
        if (!named.empty() && !OfficialId::parse(document.id)) document.title = named;
    }
    ensure_title(document);
    if (document.kind == DocumentKind::kOther)
        document.kind = kind_named_by(document.title, file.path);
    if (document.source_path.empty()) document.source_path = file.path;
    if (document.language == Language::kUnknown) {
        std::string all_text;
        for (const Block& block : document.blocks) all_text.append(block.text).append("\n");
        document.language = detect_language(all_text);
    }
    split_into_passages(document);
    const ReferenceContext context{document.dossier};
    // A document never cites itself: its own printed id ("35 538, nr. 4" in
    // its footer) is no citation.
    const auto own_id = OfficialId::parse(document.id);
    for (Passage& passage : document.passages) {
        passage.language = detect_language(passage.text, document.language);
        passage.references = find_references(passage.text, context);
        if (own_id) {
            std::erase_if(passage.references,
                          [&](const Reference& ref) { return ref.id == own_id->str(); });
        }
    }
}

}  // namespace

const std::vector<std::unique_ptr<Reader>>& all_readers() {
    // Most specific first: the later readers sniff more loosely.
    static const auto readers = [] {
        std::vector<std::unique_ptr<Reader>> list;
        list.push_back(make_officiele_publicatie_reader());
        list.push_back(make_parlamint_reader());
        list.push_back(make_pdf_reader());
        list.push_back(make_odt_reader());
        list.push_back(make_html_reader());
        list.push_back(make_markdown_reader());
        list.push_back(make_plain_text_reader());
        return list;
    }();
    return readers;
}

std::vector<Document> read_file(const SourceFile& file) {
    if (const std::string record = metadata_record_kind(file.bytes); !record.empty())
        throw NotAPublication(record + ", not a publication");
    if (const std::string format = unsupported_format_by_content(file.bytes); !format.empty())
        throw NotAPublication("unsupported format: " + format);
    for (const auto& reader : all_readers()) {
        if (!reader->accepts(file)) continue;
        std::vector<Document> documents = reader->read(file);
        if (documents.empty()) throw ReadError("no text found");
        const bool reads_metadata_itself = reader->name() == "officiele-publicatie";
        for (Document& document : documents) finish_document(document, file, reads_metadata_itself);
        return documents;
    }
    throw ReadError("unrecognised format");
}

std::vector<Document> read_publication_file(const std::string& path, std::string bytes) {
    const Publication publication = publication_of(path);
    const std::string parent =
        publication.annex_of.empty() ? "" : id_from_path(publication.annex_of);
    return read_file(source_file_of(publication, std::move(bytes), parent));
}

bool is_hidden_or_backup(std::string_view path) {
    const std::string name = std::filesystem::path(path).filename().string();
    return name.empty() || name.front() == '.' || name.back() == '~';
}

bool is_companion_or_hidden(std::string_view path) {
    return is_hidden_or_backup(path) || is_metadata_file(path);
}

}  // namespace kamerzoek::corpus
