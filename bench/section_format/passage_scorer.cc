#include "bench/section_format/passage_scorer.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <unordered_set>

#include "bench/section_format/section_builder.h"
#include "indexer/index_schema.h"

namespace kamerzoek::sections {
namespace {

using Op = Xapian::Query::op;

// "Query(0.5 * Zbelast)" -> 0.5.
double scale_factor(const Xapian::Query& query) {
    const std::string description = query.get_description();
    const std::size_t open = description.find('(');
    return open == std::string::npos ? 1 : std::strtod(description.c_str() + open + 1, nullptr);
}

// "Query((onze PHRASE 2 minister))" -> 2; the number of terms when absent.
Xapian::termcount window_of(const Xapian::Query& query) {
    const std::string description = query.get_description();
    for (const char* name : {" PHRASE ", " NEAR "}) {
        const std::size_t at = description.find(name);
        if (at == std::string::npos) continue;
        const char* digits = description.c_str() + at + std::string(name).size();
        if (std::isdigit(static_cast<unsigned char>(*digits)))
            return static_cast<Xapian::termcount>(std::strtoul(digits, nullptr, 10));
    }
    return static_cast<Xapian::termcount>(query.get_num_subqueries());
}

bool starts_with(const std::string& s, std::string_view prefix) {
    return s.compare(0, prefix.size(), prefix) == 0;
}

// Prefix + a lower-case letter or digit: a word term of that field, not a
// longer boolean prefix ("XPARTY" is not a compound part "XP...").
bool has_word_prefix(const std::string& term, std::string_view prefix) {
    return starts_with(term, prefix) && term.size() > prefix.size() &&
           !std::isupper(static_cast<unsigned char>(term[prefix.size()]));
}

bool is_stem(const std::string& term) { return has_word_prefix(term, schema::kStem); }
bool is_part(const std::string& term) { return has_word_prefix(term, "XP"); }

bool is_boolean(const std::string& term) {
    if (term.empty() || !std::isupper(static_cast<unsigned char>(term[0]))) return false;
    return !is_stem(term) && !is_part(term) && !has_word_prefix(term, schema::kTitleWord) &&
           !has_word_prefix(term, schema::kSectionWord);
}

bool is_plain_word(const std::string& term) {
    return !term.empty() && !std::isupper(static_cast<unsigned char>(term[0]));
}

Xapian::termcount count_in(const std::vector<Xapian::termpos>& positions,
                           const StoredPassage& passage) {
    const auto first = std::lower_bound(positions.begin(), positions.end(), passage.begin);
    const auto last = std::upper_bound(first, positions.end(), passage.end);
    return static_cast<Xapian::termcount>(last - first);
}

double metadata_number(const Xapian::Database& db, const char* key) {
    const std::string value = db.get_metadata(key);
    return value.empty() ? 0 : std::strtod(value.c_str(), nullptr);
}

}  // namespace

QueryNode compile(const Xapian::Query& query) {
    QueryNode node;
    node.op = query.get_type();
    if (node.op == Op::LEAF_TERM) {
        node.term = *query.get_terms_begin();
        return node;
    }
    if (node.op == Op::OP_SCALE_WEIGHT) node.factor = scale_factor(query);
    if (node.op == Op::OP_PHRASE || node.op == Op::OP_NEAR) node.window = window_of(query);
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i)
        node.children.push_back(compile(query.get_subquery(i)));
    return node;
}

PassageScorer::PassageScorer(const Xapian::Database& db, Analyzer& analyzer, const QueryNode& query,
                             const std::set<std::string>& part_words, Bm25 parameters)
    : db_(db), analyzer_(analyzer), query_(query), parameters_(parameters) {
    for (const std::string& word : part_words)
        part_forms_[analyzer.compound_part_term(word)].push_back(word);
    sections_ = std::max<double>(1, db.get_doccount());
    const double passages = metadata_number(db, kMetaPassages);
    const double words = metadata_number(db, kMetaPassageLength);
    mean_length_ = passages > 0 && words > 0 ? words / passages : 1;
    // Passage counts stand in for section counts in the rarity of a term.
    collect_terms(query);
}

void PassageScorer::collect_terms(const QueryNode& node) {
    if (node.op == Op::LEAF_TERM && !term_index_.count(node.term)) {
        term_index_[node.term] = terms_.size();
        terms_.push_back(node.term);
        termfreq_.push_back(db_.get_termfreq(node.term));
    }
    for (const QueryNode& child : node.children) collect_terms(child);
}

std::vector<PassageScore> PassageScorer::score(Xapian::docid did, const StoredSection& section) {
    locate(did);
    std::vector<PassageScore> scores;
    scores.reserve(section.passages.size());
    for (const StoredPassage& passage : section.passages)
        scores.push_back(evaluate(query_, passage));
    return scores;
}

void PassageScorer::locate(Xapian::docid did) {
    occurrences_.assign(terms_.size(), {});
    bool derive = false;
    Xapian::Document document;
    for (std::size_t i = 0; i < terms_.size(); ++i) {
        Occurrences& o = occurrences_[i];
        if (is_boolean(terms_[i])) {
            if (document.get_docid() == 0) document = db_.get_document(did);
            auto it = document.termlist_begin();
            it.skip_to(terms_[i]);
            o.present = it != document.termlist_end() && *it == terms_[i];
            continue;
        }
        for (auto it = db_.positionlist_begin(did, terms_[i]);
             it != db_.positionlist_end(did, terms_[i]); ++it)
            o.own.push_back(*it);
        if (o.own.empty() && (is_stem(terms_[i]) || is_part(terms_[i]))) {
            o.derived = true;
            derive = true;
        }
    }
    if (!derive) return;
    // Stems and parts hold no positions: find the section's words that
    // became them, and take those words' positions.
    std::vector<std::string> words;
    for (auto it = db_.termlist_begin(did); it != db_.termlist_end(did); ++it) {
        if (is_plain_word(*it)) words.push_back(*it);
    }
    for (const std::string& word : words) {
        const std::vector<Derivation>& derived = derivations_of(word);
        if (derived.empty()) continue;
        std::vector<Xapian::termpos> positions;
        for (auto it = db_.positionlist_begin(did, word); it != db_.positionlist_end(did, word);
             ++it)
            positions.push_back(*it);
        for (const Derivation& d : derived) {
            if (!occurrences_[d.term].derived) continue;
            auto& list = d.dutch ? occurrences_[d.term].dutch : occurrences_[d.term].english;
            list.insert(list.end(), positions.begin(), positions.end());
        }
    }
    for (Occurrences& o : occurrences_) {
        std::sort(o.dutch.begin(), o.dutch.end());
        std::sort(o.english.begin(), o.english.end());
    }
}

// Which stem and part terms of the query a folded word became when indexed
// (cached for the query). A stem shares its word's first two letters, and a
// part stem occurs in its compound, which rules out most words unstemmed.
const std::vector<PassageScorer::Derivation>& PassageScorer::derivations_of(
    const std::string& word) {
    const auto known = derivations_.find(word);
    if (known != derivations_.end()) return known->second;
    std::vector<Derivation>& derived = derivations_[word];
    std::string dutch, english;
    for (std::size_t i = 0; i < terms_.size(); ++i) {
        const std::string& term = terms_[i];
        if (is_stem(term)) {
            const std::string stem = term.substr(schema::kStem.size());
            if (stem.compare(0, 2, word, 0, 2) != 0) continue;
            if (dutch.empty()) {
                dutch = analyzer_.word_terms(word, corpus::Language::kDutch).dutch_stem;
                english = analyzer_.word_terms(word, corpus::Language::kEnglish).english_stem;
            }
            if (term == dutch) derived.push_back({i, true});
            if (term == english) derived.push_back({i, false});
        } else if (is_part(term)) {
            // A compound holds its part and another of at least four letters
            // (analysis/compounds.cc); judging it again against the section's
            // words alone would miss parts the whole document vouched for.
            // The stem alone misses a part whose stem is no substring of it
            // ("veiligheidsraad" -> "veiligheidsrad").
            std::vector<std::string> forms{term.substr(2)};
            if (const auto known = part_forms_.find(term); known != part_forms_.end())
                forms.insert(forms.end(), known->second.begin(), known->second.end());
            if (std::any_of(forms.begin(), forms.end(), [&](const std::string& form) {
                    return word.size() >= form.size() + 4 && word.find(form) != std::string::npos;
                }))
                derived.push_back({i, true});
        }
    }
    return derived;
}

Xapian::termcount PassageScorer::count(const Occurrences& o, const StoredPassage& passage) const {
    if (!o.derived) return count_in(o.own, passage);
    Xapian::termcount n = 0;
    if (passage.lang != "en") n += count_in(o.dutch, passage);
    if (passage.lang != "nl") n += count_in(o.english, passage);
    return n;
}

// Xapian 1.4's BM25 with k2 = 0, k3 = 1, min_normlen = 0.5.
double PassageScorer::term_weight(double termfreq) const {
    double tw = (sections_ - termfreq + 0.5) / (termfreq + 0.5);
    if (tw < 2) tw = tw * 0.5 + 1;
    return std::log(tw);
}

double PassageScorer::tf_part(double tf, const StoredPassage& passage) const {
    const double normalised = std::max(passage.length / mean_length_, 0.5);
    const double k = parameters_.k1 * ((1 - parameters_.b) + parameters_.b * normalised);
    return tf * (parameters_.k1 + 1) / (k + tf);
}

PassageScore PassageScorer::leaf(const QueryNode& node, const StoredPassage& passage) const {
    const std::size_t i = term_index_.at(node.term);
    const Occurrences& o = occurrences_[i];
    if (is_boolean(node.term)) {
        // Filters that are per passage today are checked per passage again.
        if (starts_with(node.term, schema::kLanguage) && node.term.size() <= 4)
            return {passage.lang == node.term.substr(schema::kLanguage.size()), 0};
        if (starts_with(node.term, schema::kReference)) {
            const std::string id = node.term.substr(schema::kReference.size());
            return {std::find(passage.refs.begin(), passage.refs.end(), id) != passage.refs.end(),
                    0};
        }
        return {o.present, 0};
    }
    const Xapian::termcount tf = count(o, passage);
    if (tf == 0) return {};
    return {true, term_weight(termfreq_[i]) * tf_part(tf, passage)};
}

// One term made of its alternatives, as Xapian scores OP_SYNONYM.
PassageScore PassageScorer::synonym(const QueryNode& node, const StoredPassage& passage) const {
    double tf = 0;
    double termfreq = 0;
    for (const QueryNode& child : node.children) {
        const std::size_t i = term_index_.at(child.term);
        tf += count(occurrences_[i], passage);
        termfreq = termfreq + termfreq_[i] - termfreq * termfreq_[i] / sections_;
    }
    if (tf == 0) return {};
    return {true, term_weight(termfreq) * tf_part(tf, passage)};
}

// A phrase or NEAR: its words within the window inside the passage (in
// order for a phrase), scored as the sum of its words.
PassageScore PassageScorer::positional(const QueryNode& node, const StoredPassage& passage) const {
    std::vector<std::vector<Xapian::termpos>> lists;
    for (const QueryNode& child : node.children) {
        if (child.op != Op::LEAF_TERM) return {};
        const auto& own = occurrences_[term_index_.at(child.term)].own;
        const auto first = std::lower_bound(own.begin(), own.end(), passage.begin);
        lists.emplace_back(first, std::upper_bound(first, own.end(), passage.end));
        if (lists.back().empty()) return {};
    }
    const auto window = static_cast<Xapian::termpos>(std::max<Xapian::termcount>(node.window, 1));
    const bool ordered = node.op == Op::OP_PHRASE;
    bool found = false;
    for (Xapian::termpos start : lists.front()) {
        bool all = true;
        for (std::size_t i = 1; i < lists.size() && all; ++i) {
            all = std::any_of(lists[i].begin(), lists[i].end(), [&](Xapian::termpos p) {
                if (ordered) return p > start && p < start + window;
                return (p > start ? p - start : start - p) < window;
            });
        }
        if (all) {
            found = true;
            break;
        }
    }
    if (!found) return {};
    PassageScore total{true, 0};
    for (const QueryNode& child : node.children) total.score += leaf(child, passage).score;
    return total;
}

PassageScore PassageScorer::evaluate(const QueryNode& node, const StoredPassage& passage) const {
    switch (node.op) {
        case Op::LEAF_TERM:
            return leaf(node, passage);
        case Op::LEAF_POSTING_SOURCE:  // the query builder's own-language bonus
            return {true, parameters_.own_language};
        case Op::LEAF_MATCH_ALL:
        case Op::OP_VALUE_RANGE:  // document-wide: the section matched it already
        case Op::OP_VALUE_GE:
        case Op::OP_VALUE_LE:
            return {true, 0};
        case Op::LEAF_MATCH_NOTHING:
        case Op::OP_WILDCARD:  // not expanded here (see docs/PERFORMANCE.md)
            return {};
        case Op::OP_SYNONYM:
            if (std::all_of(node.children.begin(), node.children.end(),
                            [](const QueryNode& c) { return c.op == Op::LEAF_TERM; }))
                return synonym(node, passage);
            break;
        case Op::OP_PHRASE:
        case Op::OP_NEAR:
            return positional(node, passage);
        case Op::OP_SCALE_WEIGHT: {
            PassageScore inner = evaluate(node.children.front(), passage);
            inner.score *= node.factor;
            return inner;
        }
        default:
            break;
    }
    std::vector<PassageScore> parts;
    for (const QueryNode& child : node.children) parts.push_back(evaluate(child, passage));
    PassageScore out;
    const auto matched =
        std::count_if(parts.begin(), parts.end(), [](const PassageScore& s) { return s.matched; });
    double sum = 0, best = 0;
    for (const PassageScore& s : parts) {
        if (!s.matched) continue;
        sum += s.score;
        best = std::max(best, s.score);
    }
    const bool first = !parts.empty() && parts.front().matched;
    switch (node.op) {
        case Op::OP_AND:
            out = {matched == static_cast<long>(parts.size()), sum};
            break;
        case Op::OP_AND_NOT:
            out = {first && matched == 1, first ? parts.front().score : 0};
            break;
        case Op::OP_AND_MAYBE:
            out = {first, sum};
            break;
        case Op::OP_FILTER:
            out = {matched == static_cast<long>(parts.size()), first ? parts.front().score : 0};
            break;
        case Op::OP_XOR:
            out = {matched % 2 == 1, sum};
            break;
        case Op::OP_MAX:
            out = {matched > 0, best};
            break;
        default:  // OR, ELITE_SET, a synonym of groups
            out = {matched > 0, sum};
            break;
    }
    if (!out.matched) out.score = 0;
    return out;
}

}  // namespace kamerzoek::sections
