#include "searcher/query_builder.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <set>

#include "analysis/compounds.h"
#include "analysis/function_words.h"
#include "analysis/lexicon.h"
#include "indexer/index_schema.h"
#include "kamerzoek/error.h"
#include "searcher/field_processors.h"
#include "searcher/id_query.h"
#include "searcher/query_limits.h"
#include "searcher/ranking.h"
#include "searcher/word_lists.h"

namespace kamerzoek {
namespace {

using corpus::Language;

// Leaves the word as it is: the parser marks the words it would stem with
// the stem prefix, and rewrite_leaves() replaces each by its real stems.
class MarkingStemmer final : public Xapian::StemImplementation {
  public:
    std::string operator()(const std::string& word) override { return word; }
    std::string get_description() const override { return "marking"; }
};

constexpr std::array<std::string_view, 6> kOperators{"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};

// A compound's parts may stand a few words apart in running text
// ("bestrijding van het terrorisme").
constexpr Xapian::termcount kPartsWindowSlack = 3;

// At query time a wrong split costs the whole query its precision, so parts
// must be longer than at index time, and seen in more than one passage.
constexpr std::size_t kMinQueryPartLength = 5;
constexpr Xapian::doccount kMinQueryPartFrequency = 2;

// Cognates: words this long or longer, which may differ from the query word
// after its first three quarters by this many letters more; the most
// frequent few, counting this much of a translation.
constexpr std::size_t kMinCognateLength = 7;
constexpr std::size_t kCognateSlack = 4;
constexpr std::size_t kMaxCognates = 2;
constexpr double kCognateWeight = 0.3;

// Translations of one query word used at most.
constexpr std::size_t kMaxTranslations = 3;

// Passages of a language counted to tell which language a word belongs to.
constexpr Xapian::doccount kLanguageSample = 50;

bool is_operator(std::string_view word) {
    for (const std::string_view op : kOperators) {
        if (word == op) return true;
    }
    return false;
}

// Ids, codes and dates after "ref:", "kind:" and the like are matched as
// written, so their words are not folded.
bool is_verbatim_filter_value(std::string_view text, std::size_t at) {
    static constexpr std::array<std::string_view, 8> kVerbatimFields{
        "ref", "dossier", "doc", "date", "kind", "lang", "year", "vergaderjaar"};
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
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i)
        words.push_back(query.get_subquery(i));
    return Xapian::Query(Xapian::Query::OP_OR, query,
                         Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end()));
}

// Adds optional alternatives to the free text of a query: beside an OR of
// words, inside the scored side of a filter; a strict AND or a phrase is
// left as the user wrote it.
Xapian::Query add_alternatives(const Xapian::Query& query,
                               const std::vector<Xapian::Query>& extra) {
    if (extra.empty()) return query;
    const auto type = query.get_type();
    if (type == Xapian::Query::OP_FILTER || type == Xapian::Query::OP_AND_MAYBE) {
        std::vector<Xapian::Query> subqueries{add_alternatives(query.get_subquery(0), extra)};
        for (std::size_t i = 1; i < query.get_num_subqueries(); ++i) {
            subqueries.push_back(query.get_subquery(i));
        }
        return Xapian::Query(type, subqueries.begin(), subqueries.end());
    }
    if (type != Xapian::Query::OP_OR && type != Xapian::Query::LEAF_TERM &&
        type != Xapian::Query::OP_SYNONYM && type != Xapian::Query::OP_SCALE_WEIGHT) {
        return query;
    }
    std::vector<Xapian::Query> alternatives{query};
    alternatives.insert(alternatives.end(), extra.begin(), extra.end());
    return Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
}

Xapian::Query scaled(double factor, const Xapian::Query& query) {
    return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, query, factor);
}

Xapian::Query any_of(std::vector<Xapian::Query> alternatives) {
    if (alternatives.size() == 1) return alternatives.front();
    return Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
}

// Whether every term `query` uses is one `other` uses too.
bool uses_only_terms_of(const Xapian::Query& query, const Xapian::Query& other) {
    const std::set<std::string> known(other.get_unique_terms_begin(), other.get_unique_terms_end());
    return std::all_of(query.get_unique_terms_begin(), query.get_unique_terms_end(),
                       [&](const std::string& term) { return known.count(term) > 0; });
}

bool is_plain_word(const std::string& term) {
    return !term.empty() && !std::isupper(static_cast<unsigned char>(term[0]));
}

// Title and section words are indexed folded, without stems or positions.
bool is_field_word(const std::string& term) {
    return term.starts_with(schema::kTitleWord) || term.starts_with(schema::kSectionWord);
}

// title:"Rapportage Penetratietest": the field holds no positions, so a
// phrase inside it asks for all of its words.
bool is_field_phrase(const Xapian::Query& query) {
    const auto type = query.get_type();
    if (type != Xapian::Query::OP_PHRASE && type != Xapian::Query::OP_NEAR) return false;
    return std::all_of(query.get_unique_terms_begin(), query.get_unique_terms_end(),
                       [](const std::string& term) { return is_field_word(term); });
}

Language pinned_language(const std::string& lang) {
    if (lang == "nl") return Language::kDutch;
    if (lang == "en") return Language::kEnglish;
    return Language::kUnknown;
}

}  // namespace

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

QueryBuilder::QueryBuilder(const Xapian::Database& db, Analyzer& analyzer, const Glossary& glossary,
                           QueryWeights weights)
    : db_(db), analyzer_(analyzer), glossary_(glossary), weights_(weights) {
    parser_.set_database(db);
    parser_.set_stemmer(Xapian::Stem(new MarkingStemmer));
    parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser_.set_stopper(&stopper_);
    parser_.set_default_op(Xapian::Query::OP_OR);
    parser_.set_max_expansion(default_query_limits().max_wildcard_terms,
                              Xapian::Query::WILDCARD_LIMIT_ERROR,
                              Xapian::QueryParser::FLAG_WILDCARD);
    parser_.add_prefix("title", std::string(schema::kTitleWord));
    parser_.add_prefix("section", std::string(schema::kSectionWord));
    const std::pair<const char*, std::string_view> exact_filters[] = {{"lang", schema::kLanguage},
                                                                      {"year", schema::kYear},
                                                                      {"ref", schema::kReference},
                                                                      {"dossier", schema::kDossier},
                                                                      {"doc", schema::kDocId}};
    for (const auto& [field, prefix] : exact_filters) {
        // Grouped by field: two values of one filter are ORed, filters ANDed.
        parser_.add_boolean_prefix(field,
                                   (new ExactFieldProcessor(std::string(prefix)))->release());
    }
    parser_.add_boolean_prefix("kind",
                               (new KindFieldProcessor(std::string(schema::kKind)))->release());
    parser_.add_boolean_prefix(
        "party", (new NameFieldProcessor(db, std::string(schema::kParty), analyzer))->release());
    parser_.add_boolean_prefix(
        "speaker",
        (new NameFieldProcessor(db, std::string(schema::kSpeaker), analyzer))->release());
    parser_.add_boolean_prefix("vergaderjaar", (new VergaderjaarFieldProcessor)->release());
    parser_.add_rangeprocessor((new DateFilterProcessor(schema::kSlotDate))->release());
    parser_.add_rangeprocessor((new UnclaimedRangeProcessor)->release());
}

std::string QueryBuilder::fold_query_text(const std::string& text) {
    std::string out;
    std::size_t copied = 0;
    for (const Analyzer::Token& token : analyzer_.tokenize(text)) {
        const std::string_view word =
            std::string_view(text).substr(token.begin, token.end - token.begin);
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

std::vector<std::string> QueryBuilder::split_query_word(const std::string& folded) const {
    // A part is known as a word of the lexicon or of the index, or by its
    // stem ("belasting" in "belastinginformatie" when the index only holds
    // "belastingen").
    const CompoundSplitter splitter([this](const std::string& word) {
        if (word.size() < kMinQueryPartLength) return false;
        if (in_seed_lexicon(word) || in_dutch_lexicon(word)) return true;
        if (db_.get_termfreq(word) >= kMinQueryPartFrequency) return true;
        const std::string stem = analyzer_.word_terms(word, Language::kDutch).dutch_stem;
        return db_.get_termfreq(stem) >= kMinQueryPartFrequency;
    });
    return splitter.split(folded);
}

Xapian::Query QueryBuilder::stems_query(const std::string& word, const std::string& lang,
                                        BuiltQuery& built) {
    const Analyzer::WordTerms terms = analyzer_.word_terms(word, pinned_language(lang));
    std::set<std::string> stems;
    for (const std::string* term : {&terms.dutch_stem, &terms.english_stem}) {
        if (!term->empty()) stems.insert(*term);
    }
    std::vector<Xapian::Query> alternatives;
    for (const std::string& stem : stems) {
        built.stems.insert(stem.substr(schema::kStem.size()));
        alternatives.emplace_back(stem);
    }
    return Xapian::Query(Xapian::Query::OP_SYNONYM, alternatives.begin(), alternatives.end());
}

// The parts of a compound near each other as words, or inside another
// compound made of the same parts.
Xapian::Query QueryBuilder::split_query(const std::vector<std::string>& parts, BuiltQuery& built) {
    std::vector<Xapian::Query> words;
    std::vector<Xapian::Query> part_stems;
    for (const std::string& part : parts) {
        built.words.insert(part);
        built.part_words.insert(part);
        words.emplace_back(part);
        part_stems.emplace_back(analyzer_.compound_part_term(part));
    }
    const auto window = static_cast<Xapian::termcount>(parts.size()) + kPartsWindowSlack;
    // Stems hold no positions, so inflected parts ("informatie betreffende
    // belastingen") are found together in one passage rather than near.
    std::vector<Xapian::Query> stems;
    for (const std::string& part : parts)
        stems.emplace_back(analyzer_.word_terms(part, Language::kDutch).dutch_stem);
    return any_of({Xapian::Query(Xapian::Query::OP_NEAR, words.begin(), words.end(), window),
                   Xapian::Query(Xapian::Query::OP_AND, part_stems.begin(), part_stems.end()),
                   scaled(weights_.split_parts,
                          Xapian::Query(Xapian::Query::OP_AND, stems.begin(), stems.end()))});
}

Xapian::Query QueryBuilder::translation_query(const Translation& translation, BuiltQuery& built) {
    const std::string lang = translation.language == Language::kEnglish ? "en" : "nl";
    std::vector<Xapian::Query> words;
    for (const std::string& word : translation.words) {
        built.words.insert(word);
        std::vector<Xapian::Query> alternatives{stems_query(word, lang, built)};
        if (translation.language == Language::kDutch) {
            // "interest" -> "rente" also finds "spaarrente".
            built.part_words.insert(word);
            alternatives.push_back(
                scaled(weights_.compound_part, Xapian::Query(analyzer_.compound_part_term(word))));
            if (const auto parts = split_query_word(word); !parts.empty()) {
                alternatives.push_back(scaled(weights_.split_parts, split_query(parts, built)));
            }
        }
        words.push_back(any_of(std::move(alternatives)));
    }
    if (words.size() == 1) return words.front();
    return Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end());
}

Xapian::Query QueryBuilder::free_word_query(const std::string& word, const std::string& lang,
                                            BuiltQuery& built) {
    built.words.insert(word);
    built.free_words.push_back(word);
    const std::string title_term = schema::term(schema::kTitleWord, word);
    const std::string section_term = schema::term(schema::kSectionWord, word);
    built.field_terms.push_back(title_term);
    built.field_terms.push_back(section_term);
    std::vector<Xapian::Query> alternatives{stems_query(word, lang, built)};
    // A word found only in the title or a heading ("Wet auteurscontractenrecht")
    // still finds the passage; its score comes from the field boost of rank().
    alternatives.push_back(scaled(0, Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(title_term),
                                                   Xapian::Query(section_term))));
    if (lang != "en") {
        built.part_words.insert(word);
        alternatives.push_back(
            scaled(weights_.compound_part, Xapian::Query(analyzer_.compound_part_term(word))));
        if (const auto parts = split_query_word(word); !parts.empty()) {
            alternatives.push_back(scaled(weights_.split_parts, split_query(parts, built)));
        }
    }
    const Xapian::Query stems = alternatives.front();
    return translations_of(word, any_of(std::move(alternatives)), stems, built);
}

// The word as typed and its translations as one group: a passage counts the
// better of the two (a bilingual text is not scored twice), and a
// translation counts less than the word itself, and less the less sure it is.
Xapian::Query QueryBuilder::translations_of(const std::string& word, const Xapian::Query& own,
                                            const Xapian::Query& stems, BuiltQuery& built) {
    std::vector<Xapian::Query> group{own};
    const Language from = word_language(word);
    std::vector<Translation> translations = glossary_.translate({word}, analyzer_, from);
    if (translations.empty() && from != Language::kEnglish) {
        translations = compound_translations(word);
    }
    std::size_t used = 0;
    for (const Translation& translation : translations) {
        // A word with many senses is not expanded into all of them: the
        // surest few that some passage holds.
        if (used == kMaxTranslations) break;
        if (!held_by_index(translation)) continue;
        ++used;
        const Xapian::Query translated = translation_query(translation, built);
        // "minister" -> "minister": a translation the word's stems already
        // match would only count the same postings again.
        if (uses_only_terms_of(translated, stems)) continue;
        group.push_back(scaled(translation_scale(translated, translation.weight), translated));
    }
    if (used == 0) {
        for (const std::string& cognate : cognates_of(word)) {
            built.words.insert(cognate);
            const Xapian::Query cognate_query = stems_query(cognate, "", built);
            group.push_back(
                scaled(translation_scale(cognate_query, kCognateWeight), cognate_query));
        }
    }
    if (group.size() == 1) return own;
    return best_of(group, db_);
}

// How much a translation counts against the word as typed: its share by how
// sure it is, or, when it is a frequent word that BM25 gives little, enough
// that a passage holding it scores about weights_.translated_concept for it
// (less for a less sure translation), never as much as the word itself.
// Without that floor a passage holding every word of the query in the other
// language loses to one holding a single word as typed, because the usual
// translations are common words; with it, covering the query counts.
double QueryBuilder::translation_scale(const Xapian::Query& translated, double sureness) const {
    const double by_sureness = weights_.translation * sureness;
    if (weights_.translated_concept <= 0) return by_sureness;
    const double sure_share = std::min(1.0, sureness / weights_.sure_translation);
    const double floor = weights_.translated_concept * sure_share / term_weight(translated);
    return std::min(weights_.max_translation, std::max(by_sureness, floor));
}

// About what BM25 gives a passage for holding the query's most frequent
// stem once (k1 is low, so once is most of it): that stem's idf.
double QueryBuilder::term_weight(const Xapian::Query& query) const {
    constexpr double kLeast = 0.5;  // a stem in most passages still counts for something
    const double passages = std::max<Xapian::doccount>(1, db_.get_doccount());
    double weight = 0;
    for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) {
        if (!(*it).starts_with(schema::kStem)) continue;
        const Xapian::doccount frequency = db_.get_termfreq(*it);
        if (frequency == 0) continue;
        const double idf = std::log(passages / frequency);
        weight = weight == 0 ? idf : std::min(weight, idf);
    }
    return std::max(weight, kLeast);
}

// Words of the index that begin like a long word the lexicon cannot
// translate: in policy text they are often its cognate in the other
// language ("transmission" and "transmissie", "algoritme" and "algorithm").
// The most frequent few, not much longer than the word.
std::vector<std::string> QueryBuilder::cognates_of(const std::string& word) const {
    if (word.size() < kMinCognateLength) return {};
    const std::string start = word.substr(0, std::max(kMinCognateLength - 1, word.size() * 3 / 4));
    std::vector<std::pair<Xapian::doccount, std::string>> found;
    for (auto it = db_.allterms_begin(start); it != db_.allterms_end(start); ++it) {
        const std::string candidate = *it;
        if (candidate == word || candidate.size() > word.size() + kCognateSlack) continue;
        found.emplace_back(it.get_termfreq(), candidate);
    }
    std::sort(found.rbegin(), found.rend());
    std::vector<std::string> out;
    for (std::size_t i = 0; i < found.size() && i < kMaxCognates; ++i)
        out.push_back(found[i].second);
    return out;
}

// Whether the index holds every word of a translation, by its stem.
bool QueryBuilder::held_by_index(const Translation& translation) const {
    return std::all_of(
        translation.words.begin(), translation.words.end(), [&](const std::string& word) {
            const Analyzer::WordTerms terms = analyzer_.word_terms(word, translation.language);
            const std::string& stem =
                translation.language == Language::kEnglish ? terms.english_stem : terms.dutch_stem;
            return db_.term_exists(stem) || (translation.language == Language::kDutch &&
                                             db_.term_exists(analyzer_.compound_part_term(word)));
        });
}

namespace {

// The translations of one part of a Dutch compound. A part the lexicon
// cannot translate that is an English word is a loanword and stands for
// itself ("surveillance" in "massasurveillance"), as sure as a cognate.
std::vector<Translation> part_translations(const Glossary& glossary, Analyzer& analyzer,
                                           const std::string& part) {
    std::vector<Translation> of_part = glossary.translate({part}, analyzer, Language::kDutch);
    if (of_part.empty() && is_dictionary_word(part, Language::kEnglish)) {
        of_part.push_back(Translation{{part}, Language::kEnglish, kCognateWeight});
    }
    return of_part;
}

}  // namespace

// A Dutch compound the lexicon lacks, translated part by part ("rookverbod"
// -> "smoke ban"): the surest translation of each part, as one term of
// those words, as sure as its least sure part.
std::vector<Translation> QueryBuilder::compound_translations(const std::string& word) const {
    // Parts need only be words the lexicon translates ("rook" in "rookverbod")
    // or English loanwords.
    const CompoundSplitter splitter([this](const std::string& part) {
        return !part_translations(glossary_, analyzer_, part).empty();
    });
    const std::vector<std::string> parts = splitter.split(word);
    if (parts.empty()) return {};
    Translation joined{{}, Language::kEnglish, 1.0};
    for (const std::string& part : parts) {
        const std::vector<Translation> of_part = part_translations(glossary_, analyzer_, part);
        const auto surest_held =
            std::find_if(of_part.begin(), of_part.end(),
                         [this](const Translation& t) { return held_by_index(t); });
        if (surest_held == of_part.end()) return {};
        const Translation& surest = *surest_held;
        joined.words.insert(joined.words.end(), surest.words.begin(), surest.words.end());
        joined.weight = std::min(joined.weight, surest.weight);
    }
    return {joined};
}

// The language a query word is translated from: the query's, else the one
// the lexicon knows it in ("rente" is not the English "rent").
Language QueryBuilder::word_language(const std::string& word) const {
    if (language_ != Language::kUnknown) return language_;
    const bool dutch = glossary_.knows(word, Language::kDutch);
    const bool english = glossary_.knows(word, Language::kEnglish);
    if (dutch && !english) return Language::kDutch;
    if (english && !dutch) return Language::kEnglish;
    return Language::kUnknown;
}

Language QueryBuilder::detect_language(const std::vector<std::string>& words) const {
    if (const Language by_function_words = query_language(words);
        by_function_words != Language::kUnknown) {
        return by_function_words;
    }
    long balance = 0;  // Dutch words minus English words
    for (const std::string& word : words) {
        const bool dutch = glossary_.knows(word, Language::kDutch);
        const bool english = glossary_.knows(word, Language::kEnglish);
        balance += (dutch && !english) - (english && !dutch);
    }
    if (balance == 0) {
        // Words the lexicon does not translate: the word lists know them.
        for (const std::string& word : words) {
            const bool dutch = is_dictionary_word(word, Language::kDutch);
            const bool english = is_dictionary_word(word, Language::kEnglish);
            balance += (dutch && !english) - (english && !dutch);
        }
    }
    if (balance == 0) {
        // Words of both or neither: the passages that hold them tell.
        for (const std::string& word : words) {
            balance += static_cast<long>(passages_holding(word, Language::kDutch)) -
                       static_cast<long>(passages_holding(word, Language::kEnglish));
        }
    }
    if (balance == 0) {
        // Words no list or passage places ("surrogacy"): a Dutch compound of
        // known words is Dutch; else the word's ending tells.
        for (const std::string& word : words) {
            const Language guess =
                split_query_word(word).empty() ? language_by_ending(word) : Language::kDutch;
            balance += (guess == Language::kDutch) - (guess == Language::kEnglish);
        }
    }
    if (balance > 0) return Language::kDutch;
    if (balance < 0) return Language::kEnglish;
    return Language::kUnknown;
}

// How many passages of `language` hold the folded word, counted up to
// kLanguageSample (enough to tell which language uses it more).
Xapian::doccount QueryBuilder::passages_holding(const std::string& word, Language language) const {
    if (word.empty() || !db_.term_exists(word)) return 0;
    Xapian::Enquire enquire(db_);
    enquire.set_query(Xapian::Query(
        Xapian::Query::OP_FILTER, Xapian::Query(word),
        Xapian::Query(schema::term(schema::kLanguage, corpus::language_code(language)))));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    return enquire.get_mset(0, 0, kLanguageSample).get_matches_estimated();
}

// At equal relevance, a passage in the query's language first: a fixed
// weight added to the passages of that language that match anyway.
Xapian::Query QueryBuilder::prefer_language(const Xapian::Query& query, Language language) const {
    if (language == Language::kUnknown || query.empty() || weights_.own_language <= 0) return query;
    const Xapian::Query bonus(
        Xapian::Query::OP_FILTER,
        Xapian::Query((new Xapian::FixedWeightPostingSource(weights_.own_language))->release()),
        Xapian::Query(schema::term(schema::kLanguage, corpus::language_code(language))));
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, bonus);
}

Xapian::Query QueryBuilder::rewrite_leaves(const Xapian::Query& query, const std::string& lang,
                                           BuiltQuery& built) {
    const auto type = query.get_type();
    if (type == Xapian::Query::LEAF_TERM) {
        const std::string term = *query.get_terms_begin();
        if (term.starts_with(schema::kStem)) {
            const std::string word = term.substr(schema::kStem.size());
            // title:word comes marked for stemming with the field's prefix
            // after the stem prefix ("ZXTword"); the field holds the word.
            if (is_field_word(word)) return Xapian::Query(word);
            return free_word_query(word, lang, built);
        }
        if (is_plain_word(term)) built.words.insert(term);
        return query;
    }
    if (is_field_phrase(query)) {
        return Xapian::Query(Xapian::Query::OP_AND, query.get_unique_terms_begin(),
                             query.get_unique_terms_end());
    }
    if (!is_plain_combination(type)) {
        // Phrases and proximity use unstemmed words; remember them for highlighting.
        for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) {
            if (is_plain_word(*it)) built.words.insert(*it);
        }
        return query;
    }
    std::vector<Xapian::Query> subqueries;
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
        subqueries.push_back(rewrite_leaves(query.get_subquery(i), lang, built));
    }
    return Xapian::Query(type, subqueries.begin(), subqueries.end());
}

// Glossary terms of two or more words among the free words, in order
// ("tegoeden bevriezen" -> "asset freezing").
std::vector<Xapian::Query> QueryBuilder::phrase_translations(const std::vector<std::string>& words,
                                                             BuiltQuery& built) {
    std::vector<Xapian::Query> out;
    for (std::size_t length = 2; length <= glossary_.longest_term(); ++length) {
        for (std::size_t start = 0; start + length <= words.size(); ++start) {
            const std::vector<std::string> term(words.begin() + start,
                                                words.begin() + start + length);
            for (const Translation& translation : glossary_.translate(term, analyzer_, language_)) {
                if (!held_by_index(translation)) continue;
                out.push_back(scaled(weights_.translation * translation.weight,
                                     translation_query(translation, built)));
            }
        }
    }
    return out;
}

Xapian::Query QueryBuilder::parse(const std::string& folded, const std::string& original) {
    const unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD;
    try {
        return parser_.parse_query(folded, flags);
    } catch (const Xapian::QueryParserError&) {
        // A stray quote or bracket: take the words as they stand.
        try {
            return parser_.parse_query(folded, 0);
        } catch (const Xapian::QueryParserError& e) {
            throw QueryError("cannot understand the query \"" + original + "\": " + e.get_msg());
        }
    }
}

BuiltQuery QueryBuilder::build(const std::string& text, const std::string& lang) {
    check_query_text(text, default_query_limits());
    if (std::optional<Xapian::Query> by_id = official_id_query(db_, text)) {
        BuiltQuery built;
        built.query = std::move(*by_id);
        return built;
    }
    const std::string folded = fold_query_text(text);
    std::vector<std::string> words;
    for (Analyzer::Token& token : analyzer_.tokenize(folded)) words.push_back(token.folded);
    const Language pinned = pinned_language(lang);
    language_ = pinned != Language::kUnknown ? pinned : detect_language(words);
    stopper_.set_language(language_);
    Xapian::Query parsed = parse(folded, text);
    if (parsed.empty() && !words.empty()) {
        // Nothing but function words ("de", "the"): search for them after all.
        stopper_.set_language(Language::kUnknown);
        parsed = parse(folded, text);
    }
    check_parsed_query(parsed, default_query_limits());
    BuiltQuery built;
    built.language = language_;
    Xapian::Query rewritten = rewrite_leaves(parsed, lang, built);
    // Only an OR of words has "every word" to reward: one word's own
    // alternatives (its stems, compound parts, translations) must not be
    // made to match each other, which also costs a pass over their postings.
    if (parsed.get_type() == Xapian::Query::OP_OR && parsed.get_num_subqueries() >= 2)
        rewritten = reward_all_terms(rewritten);
    // A phrase translation adds only what its words' own translations lack
    // ("security council" -> "veiligheidsraad"); one made of the same terms
    // ("tegoeden bevriezen" -> "asset freezing") would count them twice.
    std::vector<Xapian::Query> phrases;
    for (Xapian::Query& phrase : phrase_translations(built.free_words, built)) {
        if (!uses_only_terms_of(phrase, rewritten)) phrases.push_back(std::move(phrase));
    }
    built.query = add_alternatives(rewritten, phrases);
    if (!built.free_words.empty()) built.query = prefer_language(built.query, language_);
    return built;
}

}  // namespace kamerzoek
