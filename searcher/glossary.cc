#include "searcher/glossary.h"

#include <algorithm>
#include <sstream>

#include "analysis/function_words.h"

namespace kamerzoek {
namespace {

// glossary.tsv as a string literal, written by searcher/CMakeLists.txt.
constexpr std::string_view kGlossaryTsv =
#include "searcher/glossary_tsv.inc"
    ;

// The content words of a term: a query loses its function words before it
// is looked up, so the glossary's terms must lose them too.
std::vector<std::string> content_words(Analyzer& analyzer, std::string_view text,
                                       corpus::Language language) {
    std::vector<std::string> words;
    for (Analyzer::Token& token : analyzer.tokenize(text)) {
        if (!is_stopword(token.folded, language)) words.push_back(std::move(token.folded));
    }
    return words;
}

}  // namespace

const Glossary& Glossary::builtin() {
    static const Glossary glossary = [] {
        Analyzer analyzer;
        return Glossary(kGlossaryTsv, analyzer);
    }();
    return glossary;
}

Glossary::Glossary(std::string_view tsv, Analyzer& analyzer) {
    std::istringstream lines{std::string(tsv)};
    for (std::string line; std::getline(lines, line);) {
        const std::size_t tab = line.find('\t');
        if (line.empty() || line.front() == '#' || tab == std::string::npos) continue;
        std::vector<std::string> dutch =
            content_words(analyzer, line.substr(0, tab), corpus::Language::kDutch);
        std::vector<std::string> english =
            content_words(analyzer, line.substr(tab + 1), corpus::Language::kEnglish);
        if (dutch.empty() || english.empty()) continue;
        longest_term_ = std::max({longest_term_, dutch.size(), english.size()});
        dutch_.emplace(key(dutch, corpus::Language::kDutch, analyzer),
                       Translation{english, corpus::Language::kEnglish});
        english_.emplace(key(english, corpus::Language::kEnglish, analyzer),
                         Translation{dutch, corpus::Language::kDutch});
    }
}

std::string Glossary::key(const std::vector<std::string>& words, corpus::Language language,
                          Analyzer& analyzer) {
    std::string joined;
    for (const std::string& word : words) {
        if (!joined.empty()) joined.push_back(' ');
        joined += analyzer.stem(word, language);
    }
    return joined;
}

std::vector<Translation> Glossary::translate(const std::vector<std::string>& words,
                                             Analyzer& analyzer) const {
    std::vector<Translation> out;
    const auto [dutch_begin, dutch_end] =
        dutch_.equal_range(key(words, corpus::Language::kDutch, analyzer));
    for (auto it = dutch_begin; it != dutch_end; ++it) out.push_back(it->second);
    const auto [english_begin, english_end] =
        english_.equal_range(key(words, corpus::Language::kEnglish, analyzer));
    for (auto it = english_begin; it != english_end; ++it) out.push_back(it->second);
    return out;
}

}  // namespace kamerzoek
