// The official XML of officielebekendmakingen.nl (op-xsd, root
// `officiele-publicatie`): Handelingen, Kamerstukken (letters, moties,
// amendementen), bijlagen, written questions and their answers, and the
// gazettes (Staatsblad, Staatscourant, Tractatenblad, Gemeenteblad,
// Provinciaal blad, Waterschapsblad, Blad gemeenschappelijke regeling).
//
// This file recognises the format, finds the publication's metadata and
// id, and hands the publication's own element to the reader of its type
// (officiele_publicatie/types.h). Text rendering (text.h), the walk over
// the body (body.h) and the repair of damaged files (repair.h) are shared
// by every type.
#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <pugixml.hpp>
#include <sstream>

#include "corpus/encoding.h"
#include "corpus/file_format.h"
#include "corpus/official_id.h"
#include "corpus/publication_metadata.h"
#include "corpus/readers/officiele_publicatie/repair.h"
#include "corpus/readers/officiele_publicatie/text.h"
#include "corpus/readers/officiele_publicatie/types.h"
#include "corpus/readers/readers.h"

namespace kamerzoek::corpus {
namespace {

namespace fs = std::filesystem;
using op::named;
using op::plain_text;

constexpr std::array<std::string_view, 6> kRootNames = {
    "officiele-publicatie", "handelingen", "kamerstuk", "bijlage", "kamerwrk", "kamervragen"};

// ------------------------------------------------------ ids and files

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::optional<std::string> read_small_file(const fs::path& path) {
    std::error_code error;
    if (!fs::is_regular_file(path, error) || fs::file_size(path, error) > (8u << 20)) return {};
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

// What an official id says by itself: h-tk-20172018-61-10 is an item of
// the Tweede Kamer in 2017-2018; kst-34775-V-48 is number 48 in 34775-V.
void fill_from_id(Document& document) {
    const std::optional<OfficialId> id = OfficialId::parse(document.id);
    if (!id) return;
    const auto fill = [](std::string& field, const std::string& value) {
        if (field.empty()) field = value;
    };
    switch (id->kind()) {
        case OfficialIdKind::kHandelingen:
        case OfficialIdKind::kAanhangsel:
            fill(document.chamber, id->chamber());
            fill(document.vergaderjaar, normalise_vergaderjaar(id->session()));
            break;
        case OfficialIdKind::kKamerstuk:
            fill(document.dossier, id->dossier());
            fill(document.number, id->number());
            break;
        default:
            break;
    }
}

// --------------------------------------------------------- documents

struct FileContext {
    std::string path;
    std::string id;
    Metadata metadata;
    std::vector<std::string> warnings;
};

// What every document of the file starts from: its id, path and the
// repairs made while reading.
Document base_document(const FileContext& context) {
    Document document;
    document.id = context.id;
    document.source_path = context.path;
    document.warnings = context.warnings;
    return document;
}

// Only the opening item of a sitting (h-tk-20172018-70-1) states its date;
// the other items of the sitting take it from that file when it lies beside
// them. Empty when it is not there or says no date.
std::string sitting_date_from_opening_item(const std::string& path, const std::string& id) {
    const std::optional<OfficialId> item = OfficialId::parse(id);
    if (!item || item->kind() != OfficialIdKind::kHandelingen) return {};
    const OfficialId issue =
        OfficialId::handelingen(item->chamber(), item->session(), item->number());
    const OfficialId opening =
        OfficialId::handelingen(item->chamber(), item->session(), item->number(), "1");
    if (*item == issue || *item == opening) return {};
    const fs::path opening_file = fs::path(path).parent_path() / (opening.str() + ".xml");
    const std::optional<std::string> bytes = read_small_file(opening_file);
    if (!bytes) return {};
    try {
        const DecodedText decoded = decode_text(*bytes);
        pugi::xml_document xml;
        if (!xml.load_buffer(decoded.utf8.data(), decoded.utf8.size())) return {};
        return op::date_of(xml.select_node("//vergaderdatum").node());
    } catch (const ReadError&) {
        return {};
    }
}

void date_from_sitting(Document& document, const std::string& path) {
    if (document.kind != DocumentKind::kHandelingen || !document.date.empty()) return;
    document.date = sitting_date_from_opening_item(path, document.id);
}

// The publication's own element below officiele-publicatie: not its
// metadata, and not the masthead a gazette puts before it (<kop><titel>
// Staatsblad</titel>...</kop>).
pugi::xml_node content_root(pugi::xml_node root) {
    if (!named(root, "officiele-publicatie")) return root;
    for (pugi::xml_node child : root.children()) {
        if (child.type() == pugi::node_element && !op::is_skipped(child) && !named(child, "kop"))
            return child;
    }
    return {};
}

std::string file_stem(const std::string& path) { return fs::path(path).stem().string(); }

FileContext file_context(const SourceFile& file, pugi::xml_node root,
                         std::vector<std::string> warnings) {
    FileContext context{file.path, {}, {}, std::move(warnings)};
    collect_metadata(root.child("metadata"), context.metadata);
    // Ids keep their case: the official ones have capitals ("kst-34300-V-7").
    const std::string stem = file_stem(file.path);
    context.id = metadata_id(context.metadata);
    if (context.id.empty() && looks_like_official_id(lower(stem))) context.id = stem;
    Metadata companion = companion_metadata(file.metadata, context.id, context.warnings);
    if (context.id.empty()) context.id = metadata_id(companion);
    context.metadata.merge(companion);
    return context;
}

void finish(Document& document, const FileContext& context) {
    apply_metadata(document, context.metadata);
    fill_from_id(document);
    const DocumentKind stated = kind_from_metadata(context.metadata);
    if (document.kind == DocumentKind::kOther) {
        document.kind = stated;
    } else if (stated == DocumentKind::kKamerbrief && document.kind == DocumentKind::kKamerstuk) {
        document.kind = stated;
    } else if (stated == DocumentKind::kBijlage) {
        document.kind = stated;
    }
    if (document.title.empty() && !document.blocks.empty()) {
        document.title = document.blocks.front().text.substr(0, 120);
    }
}

bool has_text(const std::vector<Document>& documents) {
    return std::any_of(documents.begin(), documents.end(),
                       [](const Document& d) { return !d.blocks.empty(); });
}

// ------------------------------------------------------------- sniffing

class OfficielePublicatieReader final : public Reader {
  public:
    std::string_view name() const override { return "officiele-publicatie"; }

    bool accepts(const SourceFile& file) const override {
        const std::string root = xml_root_element(std::string_view(file.bytes).substr(0, 8192));
        return std::find(kRootNames.begin(), kRootNames.end(), root) != kRootNames.end();
    }

    std::vector<Document> read(const SourceFile& file) const override {
        DecodedText decoded = decode_text(file.bytes);
        std::vector<std::string> warnings = decoded.repairs;
        op::blank_text_before_markup(decoded.utf8, warnings);
        op::replace_html_entities(decoded.utf8);
        pugi::xml_document xml;
        const std::optional<op::ParseFailure> failure =
            op::parse_xml(std::move(decoded.utf8), xml, warnings);
        const pugi::xml_node root = xml.document_element();
        const FileContext context = file_context(file, root, std::move(warnings));
        std::vector<Document> documents = read_root(root, context);
        for (Document& document : documents) {
            finish(document, context);
            date_from_sitting(document, file.path);
        }
        if (!has_text(documents)) {
            if (failure)
                throw ReadError("not well-formed XML: " + failure->description, failure->line,
                                failure->column);
            throw ReadError("no text found in the publication");
        }
        return documents;
    }

  private:
    static std::vector<Document> read_root(pugi::xml_node root, const FileContext& context) {
        const pugi::xml_node content = content_root(root);
        if (!content) return {};
        const Document base = base_document(context);
        if (named(content, "handelingen")) return op::read_handelingen(content, base);
        if (named(content, "kamervragen")) return {op::read_kamervragen(content, base)};
        if (op::is_gazette(content)) return {op::read_gazette(content, base)};
        return {op::read_paper(content, base)};
    }
};

}  // namespace

std::unique_ptr<Reader> make_officiele_publicatie_reader() {
    return std::make_unique<OfficielePublicatieReader>();
}

}  // namespace kamerzoek::corpus
