#include "corpus/publication_metadata.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>

#include "corpus/encoding.h"
#include "corpus/file_format.h"
#include "corpus/official_id.h"

namespace kamerzoek::corpus {
namespace {

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

void add_metadata(Metadata& metadata, std::string_view name, std::string value) {
    value = collapse_whitespace(value);
    if (!name.empty() && !value.empty()) metadata.emplace(lower(name), std::move(value));
}

// ".../h-tk-20172018-61-10/metadata.xml" -> "h-tk-20172018-61-10".
std::string id_from_url(std::string_view url) {
    std::size_t end = url.size();
    while (end > 0) {
        const std::size_t slash = url.rfind('/', end - 1);
        const std::size_t start = slash == std::string_view::npos ? 0 : slash + 1;
        const std::string id = canonical_doc_id(url.substr(start, end - start));
        if (looks_like_official_id(id)) return id;
        if (slash == std::string_view::npos) break;
        end = slash;
    }
    return {};
}
}  // namespace

// "kst-34775-V-48.xml#p12" -> "kst-34775-V-48".
std::string canonical_doc_id(std::string_view doc) {
    doc = doc.substr(0, doc.find_first_of("#?"));
    for (const std::string_view ext : {".xml", ".html", ".pdf", ".odt"}) {
        if (doc.size() > ext.size() && doc.ends_with(ext)) doc.remove_suffix(ext.size());
    }
    const std::size_t slash = doc.rfind('/');
    if (slash != std::string_view::npos) doc.remove_prefix(slash + 1);
    return std::string(doc);
}

bool looks_like_official_id(std::string_view id) {
    const std::optional<OfficialId> parsed = OfficialId::parse(id);
    return parsed && parsed->kind() != OfficialIdKind::kDossier;
}

// "Donderdag 5 april 2018", "Den Haag, 9 februari 2016", "2018-04-05" -> ISO.
std::string parse_date(std::string_view text) {
    static constexpr std::array<std::string_view, 12> kMonths = {
        "januari", "februari", "maart",     "april",   "mei",      "juni",
        "juli",    "augustus", "september", "oktober", "november", "december"};
    std::string lower;
    for (const char c : text)
        lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    if (lower.size() >= 10 && std::isdigit(static_cast<unsigned char>(lower[0])) &&
        lower[4] == '-' && lower[7] == '-') {
        return lower.substr(0, 10);
    }
    for (std::size_t m = 0; m < kMonths.size(); ++m) {
        const std::size_t at = lower.find(kMonths[m]);
        if (at == std::string::npos) continue;
        std::size_t d_end = at;
        while (d_end > 0 && lower[d_end - 1] == ' ') --d_end;
        std::size_t d_start = d_end;
        while (d_start > 0 && std::isdigit(static_cast<unsigned char>(lower[d_start - 1])))
            --d_start;
        std::size_t y_start = at + kMonths[m].size();
        while (y_start < lower.size() && lower[y_start] == ' ') ++y_start;
        std::size_t y_end = y_start;
        while (y_end < lower.size() && std::isdigit(static_cast<unsigned char>(lower[y_end])))
            ++y_end;
        if (d_start == d_end || d_end - d_start > 2 || y_end - y_start != 4) continue;
        const int day = std::stoi(lower.substr(d_start, d_end - d_start));
        if (day < 1 || day > 31) continue;
        auto two_digits = [](std::size_t n) {
            return std::string(n < 10 ? "0" : "") + std::to_string(n);
        };
        return lower.substr(y_start, 4) + "-" + two_digits(m + 1) + "-" +
               two_digits(static_cast<std::size_t>(day));
    }
    return {};
}

// "2015–2016", "2015/16", "20152016", "Vergaderjaar 2015-2016" -> "2015-2016".
std::string normalise_vergaderjaar(std::string_view text) {
    std::string digits;
    for (const char c : text) {
        if (std::isdigit(static_cast<unsigned char>(c))) digits.push_back(c);
    }
    if (digits.size() == 8) return digits.substr(0, 4) + "-" + digits.substr(4);
    if (digits.size() == 6)
        return digits.substr(0, 4) + "-" + digits.substr(0, 2) + digits.substr(4);
    return {};
}

// Both forms in use: <meta name="DC.type" content="Kamerstuk"/> (also as
// <metadata name=...>) and element form <dcterms:identifier>...</...>.
void collect_metadata(pugi::xml_node root, Metadata& metadata) {
    for (pugi::xml_node node = root; node;) {
        if (node.type() == pugi::node_element) {
            if (node.attribute("name") && node.attribute("content")) {
                add_metadata(metadata, node.attribute("name").value(),
                             node.attribute("content").value());
            } else if (!node.first_element_by_path("*") && node.text()) {
                std::string name = node.name();
                std::replace(name.begin(), name.end(), ':', '.');
                add_metadata(metadata, name, node.text().get());
            }
        }
        if (node.first_child()) {
            node = node.first_child();
            continue;
        }
        while (node && node != root && !node.next_sibling()) node = node.parent();
        if (!node || node == root) break;
        node = node.next_sibling();
    }
}

std::string meta(const Metadata& metadata, std::initializer_list<std::string_view> names) {
    for (const std::string_view name : names) {
        // The first stated: equal names keep their order of insertion.
        const auto it = metadata.lower_bound(lower(name));
        if (it != metadata.end() && it->first == lower(name)) return it->second;
    }
    return {};
}

std::vector<std::string> meta_all(const Metadata& metadata, std::string_view name) {
    std::vector<std::string> values;
    const auto [begin, end] = metadata.equal_range(lower(name));
    for (auto it = begin; it != end; ++it) {
        if (std::find(values.begin(), values.end(), it->second) == values.end())
            values.push_back(it->second);
    }
    return values;
}

std::string chamber_code(std::string_view text) {
    const std::string folded = lower(text);
    if (folded == "tk" || folded.find("tweede kamer") != std::string::npos) return "tk";
    if (folded == "ek" || folded.find("eerste kamer") != std::string::npos) return "ek";
    if (folded.find("verenigde vergadering") != std::string::npos) return "vv";
    return {};
}

namespace {

DocumentKind kind_of_type(const std::string& type, const std::string& sub) {
    if (type.find("bijlage") != std::string::npos) return DocumentKind::kBijlage;
    if (type.find("handelingen") != std::string::npos) return DocumentKind::kHandelingen;
    if (type.find("brief") != std::string::npos || sub.find("brief") != std::string::npos) {
        return DocumentKind::kKamerbrief;
    }
    // The repository states a Kamerstuk's own type first ("Motie", then "Kamerstuk").
    if (type == "motie" || type == "gewijzigde motie") return DocumentKind::kMotie;
    if (type.find("amendement") != std::string::npos) return DocumentKind::kAmendement;
    if (type.find("kamerstuk") != std::string::npos) return DocumentKind::kKamerstuk;
    if (type.find("rapport") != std::string::npos || type == "report")
        return DocumentKind::kRapport;
    if (type.find("fiche") != std::string::npos) return DocumentKind::kFiche;
    return DocumentKind::kOther;
}

// The people who submitted a paper (indieners), else the ministry or body
// that wrote it; a chamber is not an author.
std::vector<std::string> authors_of(const Metadata& metadata) {
    std::vector<std::string> authors = meta_all(metadata, "OVERHEIDop.indiener");
    if (!authors.empty()) return authors;
    for (const std::string_view name : {"DCTERMS.creator", "DC.creator", "OVERHEID.authority"}) {
        for (const std::string& value : meta_all(metadata, name)) {
            if (chamber_code(value).empty() && lower(value) != "overige") return {value};
        }
    }
    return {};
}

std::string dossier_of(const Metadata& metadata) {
    std::string dossier = meta(metadata, {"OVERHEIDop.dossiernummer"});
    if (dossier.empty()) dossier = meta(metadata, {"OVERHEIDop.behandeldDossier"});
    return dossier.substr(0, dossier.find_first_of(";, "));
}

std::string title_of(const Metadata& metadata) {
    return meta(metadata, {"OVERHEIDop.documenttitel", "DC.title", "DCTERMS.title", "title"});
}

// The date of the document itself (a sitting, a signature), before the date
// it was made public.
std::string document_date_of(const Metadata& metadata) {
    return parse_date(meta(
        metadata, {"OVERHEIDop.datumVergadering", "OVERHEIDop.datumOndertekening", "DCTERMS.issued",
                   "DCTERMS.available", "DC.date", "DCTERMS.date", "issued"}));
}

std::string parent_of(const Metadata& metadata) {
    return canonical_doc_id(meta(
        metadata, {"OVERHEIDop.hoofddocument", "OVERHEIDop.isBijlageBij", "DCTERMS.isPartOf"}));
}

}  // namespace

// Fills what the file itself did not state from its metadata.
void apply_metadata(Document& document, const Metadata& metadata) {
    auto fill = [](std::string& field, const std::string& value) {
        if (field.empty()) field = value;
    };
    fill(document.title, title_of(metadata));
    fill(document.date, document_date_of(metadata));
    fill(document.published, parse_date(meta(metadata, {"DCTERMS.available"})));
    fill(document.vergaderjaar,
         normalise_vergaderjaar(meta(metadata, {"OVERHEIDop.vergaderjaar"})));
    fill(document.chamber,
         chamber_code(meta(metadata, {"OVERHEIDop.kamer", "DC.creator", "creator"})));
    fill(document.dossier, dossier_of(metadata));
    fill(document.number, meta(metadata, {"OVERHEIDop.ondernummer"}));
    fill(document.parent_id, parent_of(metadata));
    if (document.authors.empty()) document.authors = authors_of(metadata);
}

std::string metadata_id(const Metadata& metadata) {
    std::string id =
        canonical_doc_id(meta(metadata, {"DC.identifier", "DCTERMS.identifier", "identifier"}));
    if (looks_like_official_id(id)) return id;
    return id_from_url(meta(metadata, {"OVERHEIDop.externMetadataRecord", "DC.source",
                                       "OVERHEIDop.publicatieURL", "preferred-url"}));
}

std::string publication_id(const Metadata& metadata) {
    const std::string official = metadata_id(metadata);
    if (!official.empty()) return official;
    // A publisher's own record id: one token of letters, digits and hyphens.
    const std::string id = meta(metadata, {"DC.identifier", "DCTERMS.identifier"});
    const bool token = !id.empty() && id.size() <= 80 && id.find('-') != std::string::npos &&
                       std::all_of(id.begin(), id.end(), [](char c) {
                           return std::isalnum(static_cast<unsigned char>(c)) || c == '-';
                       });
    return token ? id : std::string();
}

std::string metadata_title(const Metadata& metadata) { return title_of(metadata); }

DocumentKind kind_from_metadata(const Metadata& metadata) {
    const std::string sub =
        lower(meta(metadata, {"OVERHEIDop.documenttype", "OVERHEIDop.subrubriek",
                              "OVERHEIDop.documentsoort"}));
    for (const std::string_view name : {"DC.type", "DCTERMS.type", "type"}) {
        for (const std::string& type : meta_all(metadata, name)) {
            const DocumentKind kind = kind_of_type(lower(type), sub);
            if (kind != DocumentKind::kOther) return kind;
        }
    }
    // The gazette or series it appeared in ("Staatsblad", "Provinciaal blad").
    std::string series = lower(meta(metadata, {"OVERHEIDop.publicationName"}));
    std::erase(series, ' ');
    if (const DocumentKind kind = kind_from_name(series); kind != DocumentKind::kOther) return kind;
    return kind_of_type("", sub);
}

void override_from_metadata(Document& document, const Metadata& metadata) {
    auto set = [](std::string& field, std::string value) {
        if (!value.empty()) field = std::move(value);
    };
    set(document.id, publication_id(metadata));
    set(document.title, title_of(metadata));
    set(document.date, document_date_of(metadata));
    set(document.published, parse_date(meta(metadata, {"DCTERMS.available"})));
    set(document.vergaderjaar, normalise_vergaderjaar(meta(metadata, {"OVERHEIDop.vergaderjaar"})));
    set(document.chamber,
        chamber_code(meta(metadata, {"OVERHEIDop.kamer", "DC.creator", "DCTERMS.creator"})));
    set(document.dossier, dossier_of(metadata));
    set(document.number, meta(metadata, {"OVERHEIDop.ondernummer"}));
    set(document.parent_id, parent_of(metadata));
    const DocumentKind kind = kind_from_metadata(metadata);
    if (kind != DocumentKind::kOther) document.kind = kind;
    if (std::vector<std::string> authors = authors_of(metadata); !authors.empty())
        document.authors = std::move(authors);
}

std::string metadata_record_kind(std::string_view bytes) {
    const std::string_view head = bytes.substr(0, 4096);
    const std::string root = xml_root_element(head);
    const std::string local = lower(root.substr(root.find(':') + 1));
    // Not "meta": Markdown saved from the web opens with <meta http-equiv>.
    if (local == "metadata_gegevens" || local == "owms-metadata")
        return "metadata record (" + root + ")";
    if (local == "searchretrieveresponse") return "search-API answer (" + root + ")";
    // PLOOI's manifest: <work> with Dublin Core metadata.
    if (local == "work" && head.find("dcterms") != std::string_view::npos)
        return "publication manifest (" + root + ")";
    return {};
}

Metadata companion_metadata(const std::vector<CompanionFile>& files, const std::string& id,
                            std::vector<std::string>& warnings) {
    Metadata merged;
    for (const CompanionFile& file : files) {
        const std::string name = std::filesystem::path(file.path).filename().string();
        Metadata metadata;
        try {
            const DecodedText decoded = decode_text(file.bytes);
            pugi::xml_document document;
            if (!document.load_buffer(decoded.utf8.data(), decoded.utf8.size())) {
                warnings.push_back("could not parse " + name);
                continue;
            }
            collect_metadata(document, metadata);
        } catch (const ReadError&) {
            warnings.push_back("could not read " + name);
            continue;
        }
        // A metadata.xml shared by a folder belongs to one publication only.
        const std::string described = metadata_id(metadata);
        if (!id.empty() && !described.empty() && lower(described) != lower(id)) continue;
        metadata.emplace("kamerzoek.source", name);
        merged.merge(metadata);  // equal names go after those already there
    }
    return merged;
}

}  // namespace kamerzoek::corpus
