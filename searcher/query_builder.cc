#include "searcher/query_builder.h"

#include <array>

#include "indexer/index_schema.h"
#include "kamerzoek/error.h"

namespace kamerzoek {
namespace {

using corpus::Language;

// Leaves the word as it is: the parser marks the words it would stem with
// the stem prefix, and stem_leaves() replaces each by its real stems.
class MarkingStemmer final : public Xapian::StemImplementation {
public:
    std::string operator()(const std::string& word) override { return word; }
    std::string get_description() const override { return "marking"; }
};

constexpr std::array<std::string_view, 6> kOperators{"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};

bool is_operator(std::string_view word) {
    for (const std::string_view op : kOperators) {
        if (word == op) return true;
    }
    return false;
}

// Operators whose subqueries can be rebuilt without knowing a parameter.
bool is_plain_combination(Xapian::Query::op op) {
    switch (op) {
        case Xapian::Query::OP_AND:
        case Xapian::Query::OP_OR:
        case Xapian::Query::OP_AND_NOT:
        case Xapian::Query::OP_XOR:
        case Xapian::Query::OP_AND_MAYBE:
        case Xapian::Query::OP_FILTER:
        case Xapian::Query::OP_SYNONYM:
        case Xapian::Query::OP_MAX:
            return true;
        default:
            return false;
    }
}

// Ids, codes and dates after "ref:", "kind:" and the like are matched as
// written, so their words are not folded.
bool is_verbatim_filter_value(std::string_view text, std::size_t at) {
    static constexpr std::array<std::string_view, 7> kVerbatimFields{"ref", "dossier", "doc", "date",
                                                                      "kind", "lang", "year"};
    const std::size_t chunk = text.find_last_of(" \t(", at);
    const std::size_t chunk_start = chunk == std::string_view::npos ? 0 : chunk + 1;
    const std::size_t colon = text.find(':', chunk_start);
    if (colon == std::string_view::npos || colon >= at) return false;
    const std::string_view field = text.substr(chunk_start, colon - chunk_start);
    for (const std::string_view verbatim : kVerbatimFields) {
        if (field == verbatim) return true;
    }
    return false;
}

// Free text is an OR of its words, so that a passage missing one word still
// counts; a passage that has every word scores its match twice, which keeps
// short passages with some of the words below one that has them all.
Xapian::Query reward_all_terms(const Xapian::Query& query) {
    if (query.get_type() != Xapian::Query::OP_OR || query.get_num_subqueries() < 2) return query;
    std::vector<Xapian::Query> words;
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) words.push_back(query.get_subquery(i));
    return Xapian::Query(Xapian::Query::OP_OR, query,
                         Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end()));
}

}  // namespace

QueryBuilder::QueryBuilder(const Xapian::Database& db, Analyzer& analyzer) : analyzer_(analyzer) {
    parser_.set_database(db);
    parser_.set_stemmer(Xapian::Stem(new MarkingStemmer));
    parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser_.set_default_op(Xapian::Query::OP_OR);
    parser_.add_prefix("title", std::string(schema::kTitleWord));
    parser_.add_prefix("section", std::string(schema::kSectionWord));
    parser_.add_boolean_prefix("kind", std::string(schema::kKind));
    parser_.add_boolean_prefix("lang", std::string(schema::kLanguage));
    parser_.add_boolean_prefix("year", std::string(schema::kYear));
    parser_.add_boolean_prefix("ref", std::string(schema::kReference));
    parser_.add_boolean_prefix("dossier", std::string(schema::kDossier));
    parser_.add_boolean_prefix("doc", std::string(schema::kDocId));
    parser_.add_boolean_prefix("party", std::string(schema::kParty));
    parser_.add_boolean_prefix("speaker", std::string(schema::kSpeaker));
    parser_.add_rangeprocessor(new Xapian::DateRangeProcessor(schema::kSlotDate, "date:"));
}

std::string QueryBuilder::fold_query_text(const std::string& text) {
    std::string out;
    std::size_t copied = 0;
    for (const Analyzer::Token& token : analyzer_.tokenize(text)) {
        const std::string_view word = std::string_view(text).substr(token.begin, token.end - token.begin);
        out.append(text, copied, token.begin - copied);
        const bool field_name = token.end < text.size() && text[token.end] == ':';
        if (is_operator(word) || field_name || is_verbatim_filter_value(text, token.begin)) {
            out.append(word);
        } else {
            out.append(token.folded);
        }
        copied = token.end;
    }
    out.append(text, copied);
    return out;
}

Xapian::Query QueryBuilder::stem_leaves(const Xapian::Query& query, const std::string& lang,
                                        BuiltQuery& built) {
    const auto type = query.get_type();
    if (type == Xapian::Query::LEAF_TERM) {
        const std::string term = *query.get_terms_begin();
        if (!term.starts_with(schema::kStem)) {
            if (!term.empty() && std::islower(static_cast<unsigned char>(term[0]))) built.words.insert(term);
            return query;
        }
        const std::string word = term.substr(schema::kStem.size());
        built.words.insert(word);
        std::set<std::string> stems;
        if (lang != "en") stems.insert(analyzer_.stem(word, Language::kDutch));
        if (lang != "nl") stems.insert(analyzer_.stem(word, Language::kEnglish));
        std::vector<Xapian::Query> alternatives;
        for (const std::string& stem : stems) {
            built.stems.insert(stem);
            alternatives.emplace_back(schema::term(schema::kStem, stem));
        }
        return Xapian::Query(Xapian::Query::OP_SYNONYM, alternatives.begin(), alternatives.end());
    }
    if (!is_plain_combination(type)) {
        // Phrases and proximity use unstemmed words; remember them for highlighting.
        for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) {
            if (!(*it).empty() && std::islower(static_cast<unsigned char>((*it)[0]))) built.words.insert(*it);
        }
        return query;
    }
    std::vector<Xapian::Query> subqueries;
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
        subqueries.push_back(stem_leaves(query.get_subquery(i), lang, built));
    }
    return Xapian::Query(type, subqueries.begin(), subqueries.end());
}

BuiltQuery QueryBuilder::build(const std::string& text, const std::string& lang) {
    const std::string folded = fold_query_text(text);
    const unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD;
    Xapian::Query parsed;
    try {
        parsed = parser_.parse_query(folded, flags);
    } catch (const Xapian::QueryParserError&) {
        // A stray quote or bracket: take the words as they stand.
        try {
            parsed = parser_.parse_query(folded, 0);
        } catch (const Xapian::QueryParserError& e) {
            throw QueryError("cannot understand the query \"" + text + "\": " + e.get_msg());
        }
    }
    BuiltQuery built;
    built.query = reward_all_terms(stem_leaves(parsed, lang, built));
    return built;
}

}  // namespace kamerzoek
