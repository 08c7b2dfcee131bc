#include "searcher/glossary.h"

#include <algorithm>
#include <cstdlib>
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

// The same for a lexicon term, whose words the build folded and separated
// by single spaces: no word breaking needed, which keeps loading fast.
std::vector<std::string> folded_content_words(std::string_view text, Language language) {
    std::vector<std::string> words;
    while (!text.empty()) {
        const std::size_t space = text.find(' ');
        const std::string_view word = text.substr(0, space);
        if (!word.empty() && !is_stopword(word, language)) words.emplace_back(word);
        if (space == std::string_view::npos) break;
        text.remove_prefix(space + 1);
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
    load_lexicon(lexicon_tsv);
    for (std::size_t i = 0; i < pairs_.size(); ++i) {
        buckets_[bucket_key(Language::kDutch, pairs_[i].dutch.front())].pairs.push_back(i);
        buckets_[bucket_key(Language::kEnglish, pairs_[i].english.front())].pairs.push_back(i);
        dutch_words_.insert(dutch_words_.end(), pairs_[i].dutch.begin(), pairs_[i].dutch.end());
        english_words_.insert(english_words_.end(), pairs_[i].english.begin(),
                              pairs_[i].english.end());
    }
    for (auto* words : {&dutch_words_, &english_words_}) {
        std::sort(words->begin(), words->end());
        words->erase(std::unique(words->begin(), words->end()), words->end());
    }
}

void Glossary::add(std::vector<std::string> dutch, std::vector<std::string> english,
                   double weight) {
    if (dutch.empty() || english.empty()) return;
    longest_term_ = std::max({longest_term_, dutch.size(), english.size()});
    pairs_.push_back({std::move(dutch), std::move(english), weight});
}

void Glossary::load_glossary(std::string_view tsv, Analyzer& analyzer) {
    std::istringstream lines{std::string(tsv)};
    for (std::string line; std::getline(lines, line);) {
        const std::size_t tab = line.find('\t');
        if (line.empty() || line.front() == '#' || tab == std::string::npos) continue;
        add(content_words(analyzer, line.substr(0, tab), Language::kDutch),
            content_words(analyzer, line.substr(tab + 1), Language::kEnglish), 1.0);
    }
}

void Glossary::load_lexicon(std::string_view tsv) {
    std::istringstream lines{std::string(tsv)};
    for (std::string line; std::getline(lines, line);) {
        if (line.empty() || line.front() == '#') continue;
        const std::vector<std::string> fields = split_fields(line);
        if (fields.size() < 3) continue;
        const double weight = std::strtod(fields[2].c_str(), nullptr);
        if (!(weight > 0)) continue;
        add(folded_content_words(fields[0], Language::kDutch),
            folded_content_words(fields[1], Language::kEnglish),
            std::min(weight, kMaxLexiconWeight));
    }
}

std::string Glossary::bucket_key(Language language, const std::string& first_word) {
    return (language == Language::kEnglish ? "en " : "nl ") + first_word.substr(0, 2);
}

const Glossary::Table& Glossary::stemmed(Language language, const std::string& first_word,
                                         Analyzer& analyzer) const {
    static const Table kEmpty;
    const auto found = buckets_.find(bucket_key(language, first_word));
    if (found == buckets_.end()) return kEmpty;
    Bucket& bucket = found->second;
    if (!bucket.stemmed) {
        const bool from_dutch = language == Language::kDutch;
        for (const std::size_t i : bucket.pairs) {
            const Pair& pair = pairs_[i];
            bucket.table.emplace(
                key(from_dutch ? pair.dutch : pair.english, language, analyzer),
                Translation{from_dutch ? pair.english : pair.dutch,
                            from_dutch ? Language::kEnglish : Language::kDutch, pair.weight});
        }
        keep_surest(bucket.table);
        bucket.stemmed = true;
    }
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
    return std::binary_search(words.begin(), words.end(), folded);
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
        for (auto it = std::lower_bound(words->begin(), words->end(), start);
             it != words->end() && it->starts_with(start); ++it) {
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
