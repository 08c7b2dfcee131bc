#include "indexer/passage_document.h"

#include <cstdio>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <unordered_set>

#include "corpus/official_id.h"
#include "indexer/file_state.h"
#include "indexer/index_schema.h"
#include "indexer/passage_record.h"

namespace kamerzoek {
namespace {

using corpus::Language;

void add_boolean(Xapian::Document& xdoc, std::string_view prefix, std::string_view value) {
    if (value.empty()) return;
    std::string term = schema::term(prefix, value);
    if (term.size() <= schema::kMaxTermLength) xdoc.add_boolean_term(term);
}

// The terms each word of a document contributes, worked out once per
// document: documents repeat their words, and their passages share the
// title and the vocabulary that compound splitting is judged against.
class DocumentTerms {
  public:
    DocumentTerms(const corpus::Document& document, Analyzer& analyzer) : analyzer_(analyzer) {
        // The tokens of a long document are not kept for passage_tokens():
        // they take ten times the text's bytes. Its passages are tokenised
        // again instead, so memory grows with its vocabulary, not its length.
        constexpr std::size_t kMaxCachedTextBytes = 4 << 20;
        std::size_t text_bytes = 0;
        for (const corpus::Passage& passage : document.passages) text_bytes += passage.text.size();
        const bool cache = text_bytes <= kMaxCachedTextBytes;
        if (cache) tokens_.reserve(document.passages.size());
        for (const corpus::Passage& passage : document.passages) {
            std::vector<Analyzer::Token> tokens = analyzer.tokenize(passage.text);
            for (const Analyzer::Token& token : tokens) vocabulary_.insert(token.folded);
            if (cache) tokens_.push_back(std::move(tokens));
        }
        title_terms_ = field_terms(schema::kTitleWord, document.title);
    }

    // The words of passage `index` as the analyzer found them: cached, or
    // found again (valid until the next call).
    const std::vector<Analyzer::Token>& passage_tokens(std::size_t index,
                                                       const corpus::Passage& passage) {
        if (index < tokens_.size()) return tokens_[index];
        uncached_ = analyzer_.tokenize(passage.text);
        return uncached_;
    }

    // Folded words with positions, plus their stems in the passage's
    // language (both when it is unknown, so either kind of query finds it),
    // the parts of Dutch compounds, the section words, and on the first
    // passage the title words.
    void index_passage(Xapian::Document& xdoc, std::size_t index, const corpus::Passage& passage,
                       const std::vector<Analyzer::Token>& tokens) {
        Xapian::termpos position = 0;
        for (const Analyzer::Token& token : tokens) {
            ++position;
            if (token.folded.size() + 1 > schema::kMaxTermLength) continue;
            xdoc.add_posting(token.folded, position);
            const WordTerms& terms = terms_of(token.folded, passage.language);
            if (passage.language != Language::kEnglish) {
                xdoc.add_term(terms.dutch);
                for (const std::string& part : terms.parts) xdoc.add_term(part);
            }
            if (passage.language != Language::kDutch) xdoc.add_term(terms.english);
        }
        // The title once per document, with its first passage: on every
        // passage it was a quarter of all postings, and ranked no better.
        if (index == 0) {
            for (const std::string& term : title_terms_) xdoc.add_term(term);
        }
        for (const std::string& term : field_terms(schema::kSectionWord, passage.section))
            xdoc.add_term(term);
    }

  private:
    struct WordTerms {
        std::string dutch;               // Z + Dutch stem, once asked for
        std::string english;             // Z + English stem, once asked for
        std::vector<std::string> parts;  // XP + Dutch stems of its compound parts
    };

    // Each distinct word is analysed once per document, in the languages its
    // passages are in so far.
    const WordTerms& terms_of(const std::string& folded, Language language) {
        WordTerms& terms = words_[folded];
        if (language != Language::kEnglish && terms.dutch.empty()) {
            terms.dutch = analyzer_.word_terms(folded, Language::kDutch).dutch_stem;
            // "financiering van terrorisme" finds "terrorismefinanciering".
            terms.parts = analyzer_.compound_part_terms(folded, vocabulary_);
        }
        if (language != Language::kDutch && terms.english.empty())
            terms.english = analyzer_.word_terms(folded, Language::kEnglish).english_stem;
        return terms;
    }

    std::vector<std::string> field_terms(std::string_view prefix, const std::string& text) {
        std::vector<std::string> terms;
        for (const Analyzer::Token& token : analyzer_.tokenize(text)) {
            if (token.folded.size() + prefix.size() <= schema::kMaxTermLength)
                terms.push_back(schema::term(prefix, token.folded));
        }
        return terms;
    }

    Analyzer& analyzer_;
    std::vector<std::vector<Analyzer::Token>> tokens_;
    std::vector<Analyzer::Token> uncached_;
    std::unordered_set<std::string> vocabulary_;
    std::vector<std::string> title_terms_;
    std::unordered_map<std::string, WordTerms> words_;
};

// The dossier a Kamerstuk id belongs to ("kst-34300-V-30" -> "34300-V"); a
// dossier id is its own dossier; other ids have none.
std::string dossier_of(const std::string& id) {
    const auto parsed = corpus::OfficialId::parse(id);
    return parsed ? parsed->dossier() : std::string();
}

std::vector<StoredReference> stored_references(const corpus::Passage& passage) {
    std::vector<StoredReference> refs;
    refs.reserve(passage.references.size() + passage.linked_ids.size());
    for (const corpus::Reference& ref : passage.references) {
        refs.push_back({ref.id, std::string(corpus::to_string(ref.type)), ref.cited_as, ref.begin,
                        ref.end, false});
    }
    for (const std::string& id : passage.linked_ids) {
        const std::vector<corpus::Reference> parsed = corpus::parse_citation(id);
        const std::string type =
            parsed.empty() ? "kamerstuk" : std::string(corpus::to_string(parsed.front().type));
        refs.push_back({parsed.empty() ? id : parsed.front().id, type, id, 0, 0, true});
    }
    return refs;
}

void set_unless_empty(nlohmann::json& data, const char* key, const std::string& value) {
    if (!value.empty()) data[key] = value;
}

std::string document_fields(const corpus::Document& document) {
    nlohmann::json doc{{"kind", corpus::kind_name(document.kind)}};
    set_unless_empty(doc, "title", document.title);
    set_unless_empty(doc, "date", document.date);
    set_unless_empty(doc, "parent_id", document.parent_id);
    set_unless_empty(doc, "source", document.source_path);
    set_unless_empty(doc, "dossier", document.dossier);
    set_unless_empty(doc, "published", document.published);
    set_unless_empty(doc, "kenmerk", document.kenmerk);
    if (!document.authors.empty()) doc["authors"] = document.authors;
    if (!document.alternates.empty()) doc["alternates"] = document.alternates;
    return doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// What a hit shows, stored with the passage so that a search reads nothing
// else, with the spans of the words `tokens` found in its text so that a
// snippet needs no word breaking. What belongs to the whole document is
// stored once, in a value of its first passage (document_fields()).
std::string stored_data(const corpus::Document& document, const corpus::Passage& passage,
                        const std::vector<Analyzer::Token>& tokens) {
    PassageRecord record;
    record.doc_id = document.id;
    record.ordinal = passage.ordinal;
    record.lang = corpus::language_code(passage.language);
    record.text = passage.text;
    record.section = passage.section;
    record.speaker = passage.speaker;
    record.party = passage.party;
    record.label = passage.label;
    record.footnote = passage.is_footnote;
    record.refs = stored_references(passage);
    record.words.reserve(tokens.size());
    for (const Analyzer::Token& token : tokens) record.words.push_back({token.begin, token.end});
    return encode_passage_record(record);
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

namespace {

void add_filter_terms(Xapian::Document& xdoc, const corpus::Document& document,
                      const corpus::Passage& passage, Analyzer& analyzer) {
    xdoc.add_boolean_term(passage_id_term(document.id, passage.ordinal));
    add_boolean(xdoc, schema::kDocId, document.id);
    add_boolean(xdoc, schema::kParentId, document.parent_id);
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
}

void add_values(Xapian::Document& xdoc, const corpus::Document& document,
                const corpus::Passage& passage) {
    xdoc.add_value(schema::kSlotDocId, document.id);
    xdoc.add_value(schema::kSlotDate, compact_date(document.date));
    xdoc.add_value(schema::kSlotKind, std::string(corpus::kind_name(document.kind)));
    xdoc.add_value(schema::kSlotLanguage, std::string(corpus::language_code(passage.language)));
    xdoc.add_value(schema::kSlotOrdinal, Xapian::sortable_serialise(passage.ordinal));
    if (&passage == &document.passages.front())
        xdoc.add_value(schema::kSlotDocument, document_fields(document));
}

// Positions and word spans follow from the text, which the data holds; the
// terms and their frequencies cover what else the text's words became
// (stems, compound parts judged against the whole document, filters).
std::string fingerprint(const Xapian::Document& xdoc) {
    std::string content = xdoc.get_data();
    for (auto term = xdoc.termlist_begin(); term != xdoc.termlist_end(); ++term) {
        content += '\n' + *term + ' ' + std::to_string(term.get_wdf());
    }
    for (auto value = xdoc.values_begin(); value != xdoc.values_end(); ++value) {
        content += '\n' + std::to_string(value.get_valueno()) + ' ' + *value;
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx",
                  static_cast<unsigned long long>(content_hash(content)));
    return hex;
}

}  // namespace

void for_each_passage_document(
    const corpus::Document& document, Analyzer& analyzer,
    const std::function<void(std::size_t index, const Xapian::Document& xdoc)>& visit) {
    DocumentTerms terms(document, analyzer);
    for (std::size_t i = 0; i < document.passages.size(); ++i) {
        const corpus::Passage& passage = document.passages[i];
        const std::vector<Analyzer::Token>& tokens = terms.passage_tokens(i, passage);
        Xapian::Document xdoc;
        terms.index_passage(xdoc, i, passage, tokens);
        add_filter_terms(xdoc, document, passage, analyzer);
        add_values(xdoc, document, passage);
        xdoc.set_data(stored_data(document, passage, tokens));
        xdoc.add_value(schema::kSlotFingerprint, fingerprint(xdoc));
        visit(i, xdoc);
    }
}

std::vector<Xapian::Document> make_passage_documents(const corpus::Document& document,
                                                     Analyzer& analyzer) {
    std::vector<Xapian::Document> xdocs;
    xdocs.reserve(document.passages.size());
    for_each_passage_document(document, analyzer, [&](std::size_t, const Xapian::Document& xdoc) {
        xdocs.push_back(xdoc);
    });
    return xdocs;
}

}  // namespace kamerzoek
