#include "corpus/reader.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "corpus/language.h"
#include "corpus/passages.h"
#include "corpus/readers/readers.h"

namespace kamerzoek::corpus {
namespace {

// A stable id from the file name when the document does not state its own:
// lower case, runs of other characters turned into single hyphens. Only a
// document extension is dropped, so "debates.nl" and "debates.en" differ.
std::string id_from_path(const std::string& path) {
    static const std::set<std::string> kDocumentExtensions{".txt", ".xml", ".pdf",     ".html",
                                                           ".htm", ".md",  ".markdown"};
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

void finish_document(Document& document, const SourceFile& file) {
    if (document.id.empty()) document.id = id_from_path(file.path);
    if (document.source_path.empty()) document.source_path = file.path;
    if (document.language == Language::kUnknown) {
        std::string all_text;
        for (const Block& block : document.blocks) all_text.append(block.text).append("\n");
        document.language = detect_language(all_text);
    }
    split_into_passages(document);
    const ReferenceContext context{document.dossier};
    for (Passage& passage : document.passages) {
        passage.language = detect_language(passage.text, document.language);
        passage.references = find_references(passage.text, context);
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
        list.push_back(make_html_reader());
        list.push_back(make_markdown_reader());
        list.push_back(make_plain_text_reader());
        return list;
    }();
    return readers;
}

std::vector<Document> read_file(const SourceFile& file) {
    for (const auto& reader : all_readers()) {
        if (!reader->accepts(file)) continue;
        std::vector<Document> documents = reader->read(file);
        if (documents.empty()) throw ReadError("no text found");
        for (Document& document : documents) finish_document(document, file);
        return documents;
    }
    throw ReadError("unrecognised format");
}

bool is_companion_or_hidden(std::string_view path) {
    const std::string name = std::filesystem::path(path).filename().string();
    // Metadata files are read through the publication they describe.
    const bool metadata = name == "metadata.xml" || name.ends_with(".metadata.xml") ||
                          name.ends_with("_metadata.xml") || name.ends_with("-metadata.xml");
    return name.empty() || name.front() == '.' || name.back() == '~' || metadata;
}

}  // namespace kamerzoek::corpus
