#include "searcher/glossary.h"

#include <algorithm>
#include <cstdlib>
#include <sstream>

#include "analysis/function_words.h"
#include "analysis/lexicon.h"
#include "analysis/sorted_lines.h"
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

// A lexicon term's words: the build folded them, dropped function words and
// separated them by single spaces.
std::vector<std::string> term_words(std::string_view text) {
    std::vector<std::string> words;
    while (!text.empty()) {
        const std::size_t space = text.find(' ');
        words.emplace_back(text.substr(0, space));
        if (space == std::string_view::npos) break;
        text.remove_prefix(space + 1);
    }
    return words;
}

// The longest terms of the lexicon: scripts/build-lexicon.py keeps
// dictionary entries of up to MAX_PHRASE_WORDS words.
constexpr std::size_t kLongestLexiconTerm = 3;

Language other(Language language) {
    return language == Language::kEnglish ? Language::kDutch : Language::kEnglish;
}

}  // namespace

const Glossary& Glossary::builtin() {
    static const Glossary glossary = [] {
        Analyzer analyzer;
        return Glossary(kGlossaryTsv, analyzer);
    }();
    return glossary;
}

Glossary::Glossary(std::string_view glossary_tsv, Analyzer& analyzer)
    : longest_term_(kLongestLexiconTerm) {
    load_glossary(glossary_tsv, analyzer);
    for (std::size_t i = 0; i < pairs_.size(); ++i) {
        glossary_buckets_.emplace(bucket_key(Language::kDutch, pairs_[i].dutch.front()), i);
        glossary_buckets_.emplace(bucket_key(Language::kEnglish, pairs_[i].english.front()), i);
        dutch_words_.insert(dutch_words_.end(), pairs_[i].dutch.begin(), pairs_[i].dutch.end());
        english_words_.insert(english_words_.end(), pairs_[i].english.begin(),
                              pairs_[i].english.end());
    }
    for (auto* words : {&dutch_words_, &english_words_}) {
        std::sort(words->begin(), words->end());
        words->erase(std::unique(words->begin(), words->end()), words->end());
    }
}

void Glossary::load_glossary(std::string_view tsv, Analyzer& analyzer) {
    std::istringstream lines{std::string(tsv)};
    for (std::string line; std::getline(lines, line);) {
        const std::size_t tab = line.find('\t');
        if (line.empty() || line.front() == '#' || tab == std::string::npos) continue;
        std::vector<std::string> dutch =
            content_words(analyzer, line.substr(0, tab), Language::kDutch);
        std::vector<std::string> english =
            content_words(analyzer, line.substr(tab + 1), Language::kEnglish);
        if (dutch.empty() || english.empty()) continue;
        longest_term_ = std::max({longest_term_, dutch.size(), english.size()});
        pairs_.push_back({std::move(dutch), std::move(english)});
    }
}

std::string Glossary::bucket_key(Language language, const std::string& first_word) {
    return (language == Language::kEnglish ? "en " : "nl ") + first_word.substr(0, 2);
}

const Glossary::Table& Glossary::stemmed(Language language, const std::string& first_word,
                                         Analyzer& analyzer) const {
    Bucket& bucket = buckets_[bucket_key(language, first_word)];
    if (bucket.stemmed) return bucket.table;
    const bool from_dutch = language == Language::kDutch;
    const auto [begin, end] = glossary_buckets_.equal_range(bucket_key(language, first_word));
    for (auto it = begin; it != end; ++it) {
        const Pair& pair = pairs_[it->second];
        bucket.table.emplace(
            key(from_dutch ? pair.dutch : pair.english, language, analyzer),
            Translation{from_dutch ? pair.english : pair.dutch, other(language), 1.0});
    }
    // The lexicon's terms whose first word starts like this one: "term<TAB>
    // translation<TAB>weight", sorted, so one run of lines.
    for_lines_starting_with(
        lexicon_pairs(language), first_word.substr(0, 2), [&](std::string_view line) {
            const std::size_t tab = line.find('\t');
            const std::size_t second_tab = line.find('\t', tab + 1);
            if (tab == std::string_view::npos || second_tab == std::string_view::npos) return;
            const double weight =
                std::strtod(std::string(line.substr(second_tab + 1)).c_str(), nullptr);
            if (!(weight > 0)) return;
            bucket.table.emplace(key(term_words(line.substr(0, tab)), language, analyzer),
                                 Translation{term_words(line.substr(tab + 1, second_tab - tab - 1)),
                                             other(language), std::min(weight, kMaxLexiconWeight)});
        });
    keep_surest(bucket.table);
    bucket.stemmed = true;
    return bucket.table;
}

// A term the glossary translates keeps only the glossary's translations.
// Any other keeps its kMaxCandidates surest, a target found by two sources
// (the dictionary and the parallel text) surer than by either alone.
void Glossary::keep_surest(Table& table) {
    Table kept;
    for (auto it = table.begin(); it != table.end();) {
        const auto end = table.upper_bound(it->first);
        const Language target = it->second.language;
        const bool curated =
            std::any_of(it, end, [](const auto& entry) { return entry.second.weight >= 1.0; });
        std::map<std::vector<std::string>, double> combined;
        for (auto one = it; one != end; ++one) {
            const Translation& candidate = one->second;
            const bool glossary_entry = candidate.weight >= 1.0;
            if (curated != glossary_entry) continue;
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
    if (words.empty()) return out;
    const std::lock_guard<std::mutex> lock(mutex_);
    for (const Language language : {Language::kDutch, Language::kEnglish}) {
        if (from != Language::kUnknown && from != language) continue;
        const Table& table = stemmed(language, words.front(), analyzer);
        const auto [begin, end] = table.equal_range(key(words, language, analyzer));
        for (auto it = begin; it != end; ++it) out.push_back(it->second);
    }
    std::stable_sort(out.begin(), out.end(), [](const Translation& a, const Translation& b) {
        return a.weight > b.weight;
    });
    return out;
}

bool Glossary::knows(const std::string& folded, Language language) const {
    const auto& words = language == Language::kEnglish ? english_words_ : dutch_words_;
    return std::binary_search(words.begin(), words.end(), folded) ||
           has_line(lexicon_words(language), folded);
}

}  // namespace kamerzoek

namespace kamerzoek {

std::string Glossary::closest_word(const std::string& folded) const {
    if (folded.size() <= kSpellingSharedStart) return {};
    const std::size_t allowed = allowed_spelling_edits(folded);
    const std::string start = folded.substr(0, kSpellingSharedStart);
    std::string best;
    std::size_t best_distance = allowed + 1;
    const auto consider = [&](std::string_view word) {
        const std::size_t gap =
            word.size() > folded.size() ? word.size() - folded.size() : folded.size() - word.size();
        if (word == folded || gap > allowed) return;
        const std::size_t distance = edit_distance(word, folded);
        if (distance < best_distance) best = word, best_distance = distance;
    };
    for (const auto* words : {&dutch_words_, &english_words_}) {
        for (auto it = std::lower_bound(words->begin(), words->end(), start);
             it != words->end() && it->starts_with(start); ++it) {
            consider(*it);
        }
    }
    for (const Language language : {Language::kDutch, Language::kEnglish}) {
        for_lines_starting_with(lexicon_words(language), start, consider);
    }
    return best;
}

}  // namespace kamerzoek
