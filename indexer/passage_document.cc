#include "indexer/passage_document.h"

#include <nlohmann/json.hpp>

#include "indexer/compounds.h"
#include "indexer/index_schema.h"

namespace kamerzoek {
namespace {

using corpus::Language;

void add_boolean(Xapian::Document& xdoc, std::string_view prefix, std::string_view value) {
    if (value.empty()) return;
    std::string term = schema::term(prefix, value);
    if (term.size() <= schema::kMaxTermLength) xdoc.add_boolean_term(term);
}

// The Dutch stems of the parts of a compound word, so that "financiering
// van terrorisme" finds "terrorismefinanciering" (weighted below the whole).
void index_compound_parts(Xapian::Document& xdoc, const std::string& folded,
                          const corpus::Document& document, Analyzer& analyzer) {
    for (const std::string& part : analyzer.compound_parts(folded, document)) {
        xdoc.add_term(schema::term(kCompoundPartPrefix, analyzer.stem(part, Language::kDutch)));
    }
}

// Folded words with positions, plus their stems in the passage's language
// (both languages when it is unknown, so either kind of query finds it), and
// the parts of Dutch compounds.
void index_text(Xapian::Document& xdoc, const corpus::Document& document, const std::string& text,
                Language language, Analyzer& analyzer, Xapian::termpos& position) {
    for (const Analyzer::Token& token : analyzer.tokenize(text)) {
        ++position;
        if (token.folded.size() + 1 > schema::kMaxTermLength) continue;
        xdoc.add_posting(token.folded, position);
        if (language != Language::kEnglish) {
            xdoc.add_term(
                schema::term(schema::kStem, analyzer.stem(token.folded, Language::kDutch)));
            index_compound_parts(xdoc, token.folded, document, analyzer);
        }
        if (language != Language::kDutch) {
            xdoc.add_term(
                schema::term(schema::kStem, analyzer.stem(token.folded, Language::kEnglish)));
        }
    }
}

void index_field_words(Xapian::Document& xdoc, std::string_view prefix, const std::string& text,
                       Analyzer& analyzer) {
    for (const Analyzer::Token& token : analyzer.tokenize(text)) {
        if (token.folded.size() + prefix.size() <= schema::kMaxTermLength) {
            xdoc.add_term(schema::term(prefix, token.folded));
        }
    }
}

// The dossier a Kamerstuk id belongs to ("kst-34300-V-30" -> "34300-V"); a
// dossier id is its own dossier; other ids have none.
std::string dossier_of(const std::string& id) {
    if (!id.starts_with("kst-")) {
        return !id.empty() && std::isdigit(static_cast<unsigned char>(id[0])) ? id : std::string();
    }
    const std::size_t last = id.rfind('-');
    return last > 4 ? id.substr(4, last - 4) : std::string();
}

nlohmann::json references_json(const corpus::Passage& passage) {
    nlohmann::json refs = nlohmann::json::array();
    for (const corpus::Reference& ref : passage.references) {
        refs.push_back({{"id", ref.id},
                        {"type", corpus::to_string(ref.type)},
                        {"cited_as", ref.cited_as},
                        {"begin", ref.begin},
                        {"end", ref.end}});
    }
    for (const std::string& id : passage.linked_ids) {
        const std::vector<corpus::Reference> parsed = corpus::parse_citation(id);
        const std::string type =
            parsed.empty() ? "kamerstuk" : std::string(corpus::to_string(parsed.front().type));
        refs.push_back({{"id", parsed.empty() ? id : parsed.front().id},
                        {"type", type},
                        {"cited_as", id},
                        {"linked", true}});
    }
    return refs;
}

// What a hit shows, stored with the passage so a search needs no other read.
std::string stored_data(const corpus::Document& document, const corpus::Passage& passage) {
    nlohmann::json data{{"doc_id", document.id},
                        {"title", document.title},
                        {"kind", corpus::kind_name(document.kind)},
                        {"date", document.date},
                        {"lang", corpus::language_code(passage.language)},
                        {"section", passage.section},
                        {"passage", passage.ordinal},
                        {"text", passage.text},
                        {"speaker", passage.speaker},
                        {"party", passage.party},
                        {"parent_id", document.parent_id},
                        {"footnote", passage.is_footnote},
                        {"label", passage.label},
                        {"refs", references_json(passage)},
                        {"source", document.source_path}};
    return data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

std::string passage_id_term(const std::string& doc_id, int ordinal) {
    return schema::term(schema::kPassageId, doc_id + "#" + std::to_string(ordinal));
}

std::string compact_date(const std::string& iso_date) {
    if (iso_date.size() != 10 || iso_date[4] != '-' || iso_date[7] != '-') return {};
    return iso_date.substr(0, 4) + iso_date.substr(5, 2) + iso_date.substr(8, 2);
}

std::string name_term(Analyzer& analyzer, const std::string& name) {
    std::string joined;
    for (const Analyzer::Token& token : analyzer.tokenize(name)) {
        if (!joined.empty()) joined.push_back('_');
        joined.append(token.folded);
    }
    return joined;
}

Xapian::Document make_passage_document(const corpus::Document& document,
                                       const corpus::Passage& passage, Analyzer& analyzer) {
    Xapian::Document xdoc;
    Xapian::termpos position = 0;
    index_text(xdoc, document, passage.text, passage.language, analyzer, position);
    index_field_words(xdoc, schema::kTitleWord, document.title, analyzer);
    index_field_words(xdoc, schema::kSectionWord, passage.section, analyzer);

    xdoc.add_boolean_term(passage_id_term(document.id, passage.ordinal));
    add_boolean(xdoc, schema::kDocId, document.id);
    add_boolean(xdoc, schema::kParentId, document.parent_id);
    add_boolean(xdoc, schema::kSourcePath, document.source_path);
    add_boolean(xdoc, schema::kKind, corpus::kind_name(document.kind));
    add_boolean(xdoc, schema::kLanguage, corpus::language_code(passage.language));
    add_boolean(xdoc, schema::kYear,
                document.date.substr(0, std::min<std::size_t>(4, document.date.size())));
    add_boolean(xdoc, schema::kDossier, document.dossier);
    add_boolean(xdoc, schema::kSpeaker, name_term(analyzer, passage.speaker));
    add_boolean(xdoc, schema::kParty, name_term(analyzer, passage.party));
    for (const corpus::Reference& ref : passage.references) {
        add_boolean(xdoc, schema::kReference, ref.id);
        add_boolean(xdoc, schema::kDossier, dossier_of(ref.id));
    }
    for (const std::string& id : passage.linked_ids) {
        add_boolean(xdoc, schema::kReference, id);
        add_boolean(xdoc, schema::kDossier, dossier_of(id));
    }

    xdoc.add_value(schema::kSlotDocId, document.id);
    xdoc.add_value(schema::kSlotDate, compact_date(document.date));
    xdoc.add_value(schema::kSlotKind, std::string(corpus::kind_name(document.kind)));
    xdoc.add_value(schema::kSlotLanguage, std::string(corpus::language_code(passage.language)));
    xdoc.add_value(schema::kSlotOrdinal, Xapian::sortable_serialise(passage.ordinal));
    xdoc.set_data(stored_data(document, passage));
    return xdoc;
}

}  // namespace kamerzoek
