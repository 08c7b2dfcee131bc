#include "searcher/glossary.h"

#include <algorithm>
#include <sstream>

#include "analysis/function_words.h"
#include "analysis/lexicon.h"
#include "indexer/spelling.h"

namespace kamerzoek {
namespace {

using corpus::Language;

// Below the glossary's 1, which marks its entries.
constexpr double kMaxLexiconWeight = 0.95;

// glossary.tsv as a string literal, written by searcher/CMakeLists.txt.
constexpr std::string_view kGlossaryTsv =
#include "searcher/glossary_tsv.inc"
    ;

// The content words of a term: a query loses its function words before it
// is looked up, so the terms must lose them too.
std::vector<std::string> content_words(Analyzer& analyzer, std::string_view text,
                                       Language language) {
    std::vector<std::string> words;
    for (Analyzer::Token& token : analyzer.tokenize(text)) {
        if (!is_stopword(token.folded, language)) words.push_back(std::move(token.folded));
    }
    return words;
}

std::vector<std::string> split_fields(const std::string& line) {
    std::vector<std::string> fields;
    std::istringstream stream(line);
    for (std::string field; std::getline(stream, field, '\t');) fields.push_back(field);
    return fields;
}

}  // namespace

const Glossary& Glossary::builtin() {
    static const Glossary glossary = [] {
        Analyzer analyzer;
        return Glossary(kGlossaryTsv, lexicon_tsv(), analyzer);
    }();
    return glossary;
}

Glossary::Glossary(std::string_view glossary_tsv, std::string_view lexicon_tsv,
                   Analyzer& analyzer) {
    load_glossary(glossary_tsv, analyzer);
    std::set<std::string> curated;
    for (const auto& [key, translation] : dutch_) curated.insert("nl " + key);
    for (const auto& [key, translation] : english_) curated.insert("en " + key);
    load_lexicon(lexicon_tsv, analyzer);
    keep_surest(dutch_, curated);
    keep_surest(english_, curated);
}

void Glossary::add(const std::vector<std::string>& dutch, const std::vector<std::string>& english,
                   double weight, Analyzer& analyzer) {
    if (dutch.empty() || english.empty()) return;
    longest_term_ = std::max({longest_term_, dutch.size(), english.size()});
    dutch_.emplace(key(dutch, Language::kDutch, analyzer),
                   Translation{english, Language::kEnglish, weight});
    english_.emplace(key(english, Language::kEnglish, analyzer),
                     Translation{dutch, Language::kDutch, weight});
    dutch_words_.insert(dutch.begin(), dutch.end());
    english_words_.insert(english.begin(), english.end());
}

void Glossary::load_glossary(std::string_view tsv, Analyzer& analyzer) {
    std::istringstream lines{std::string(tsv)};
    for (std::string line; std::getline(lines, line);) {
        const std::size_t tab = line.find('\t');
        if (line.empty() || line.front() == '#' || tab == std::string::npos) continue;
        add(content_words(analyzer, line.substr(0, tab), Language::kDutch),
            content_words(analyzer, line.substr(tab + 1), Language::kEnglish), 1.0, analyzer);
    }
}

void Glossary::load_lexicon(std::string_view tsv, Analyzer& analyzer) {
    std::istringstream lines{std::string(tsv)};
    for (std::string line; std::getline(lines, line);) {
        if (line.empty() || line.front() == '#') continue;
        const std::vector<std::string> fields = split_fields(line);
        if (fields.size() < 3) continue;
        double weight = 0;
        try {
            weight = std::stod(fields[2]);
        } catch (const std::exception&) {
            continue;
        }
        if (weight <= 0) continue;
        add(content_words(analyzer, fields[0], Language::kDutch),
            content_words(analyzer, fields[1], Language::kEnglish),
            std::min(weight, kMaxLexiconWeight), analyzer);
    }
}

// A term the glossary translates keeps only the glossary's translations.
// Any other keeps its kMaxCandidates surest, a target found by two sources
// (the dictionary and the parallel text) surer than by either alone.
void Glossary::keep_surest(Table& table, const std::set<std::string>& curated) {
    Table kept;
    for (auto it = table.begin(); it != table.end();) {
        const auto end = table.upper_bound(it->first);
        const Language target = it->second.language;
        const std::string side = target == Language::kEnglish ? "nl " : "en ";
        const bool is_curated = curated.count(side + it->first) > 0;
        std::map<std::vector<std::string>, double> combined;
        for (auto one = it; one != end; ++one) {
            const Translation& candidate = one->second;
            const bool glossary_entry = candidate.weight >= 1.0;
            if (is_curated != glossary_entry) continue;
            double& weight = combined[candidate.words];
            weight = glossary_entry
                         ? 1.0
                         : std::min(kMaxLexiconWeight, 1 - (1 - weight) * (1 - candidate.weight));
        }
        std::vector<Translation> candidates;
        for (const auto& [words, weight] : combined) candidates.push_back({words, target, weight});
        std::stable_sort(
            candidates.begin(), candidates.end(),
            [](const Translation& a, const Translation& b) { return a.weight > b.weight; });
        if (candidates.size() > kMaxCandidates) candidates.resize(kMaxCandidates);
        for (Translation& candidate : candidates) kept.emplace(it->first, std::move(candidate));
        it = end;
    }
    table = std::move(kept);
}

std::string Glossary::key(const std::vector<std::string>& words, Language language,
                          Analyzer& analyzer) {
    std::string joined;
    for (const std::string& word : words) {
        if (!joined.empty()) joined.push_back(' ');
        joined += analyzer.stem(word, language);
    }
    return joined;
}

std::vector<Translation> Glossary::translate(const std::vector<std::string>& words,
                                             Analyzer& analyzer, Language from) const {
    std::vector<Translation> out;
    if (from != Language::kEnglish) {
        const auto [begin, end] = dutch_.equal_range(key(words, Language::kDutch, analyzer));
        for (auto it = begin; it != end; ++it) out.push_back(it->second);
    }
    if (from != Language::kDutch) {
        const auto [begin, end] = english_.equal_range(key(words, Language::kEnglish, analyzer));
        for (auto it = begin; it != end; ++it) out.push_back(it->second);
    }
    std::stable_sort(out.begin(), out.end(), [](const Translation& a, const Translation& b) {
        return a.weight > b.weight;
    });
    return out;
}

bool Glossary::knows(const std::string& folded, Language language) const {
    const auto& words = language == Language::kEnglish ? english_words_ : dutch_words_;
    return words.count(folded) > 0;
}

}  // namespace kamerzoek

namespace kamerzoek {

std::string Glossary::closest_word(const std::string& folded) const {
    if (folded.size() <= kSpellingSharedStart) return {};
    const std::size_t allowed = allowed_spelling_edits(folded);
    const std::string start = folded.substr(0, kSpellingSharedStart);
    std::string best;
    std::size_t best_distance = allowed + 1;
    for (const auto* words : {&dutch_words_, &english_words_}) {
        for (auto it = words->lower_bound(start); it != words->end() && it->starts_with(start);
             ++it) {
            const std::size_t gap = it->size() > folded.size() ? it->size() - folded.size()
                                                               : folded.size() - it->size();
            if (*it == folded || gap > allowed) continue;
            const std::size_t distance = edit_distance(*it, folded);
            if (distance < best_distance) best = *it, best_distance = distance;
        }
    }
    return best;
}

}  // namespace kamerzoek
