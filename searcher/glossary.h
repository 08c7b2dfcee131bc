// The bilingual glossary of parliamentary and policy terms (glossary.tsv,
// compiled into the library): a Dutch term and its English counterpart.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/analyzer.h"

namespace kamerzoek {

/// A term of the other language: its folded words and their language.
struct Translation {
    std::vector<std::string> words;
    corpus::Language language;
};

class Glossary {
  public:
    /// Loads glossary text (lines "Dutch<TAB>English", '#' comments),
    /// analysed with `analyzer`; function words are left out of its terms.
    Glossary(std::string_view tsv, Analyzer& analyzer);

    /// The glossary compiled into the library; safe to share between threads.
    static const Glossary& builtin();

    /// Translations of the folded words `words` taken as one term, matched
    /// by stem in either language ("moties" finds "motions").
    std::vector<Translation> translate(const std::vector<std::string>& words,
                                       Analyzer& analyzer) const;

    /// Longest number of words of a glossary term.
    std::size_t longest_term() const { return longest_term_; }

  private:
    static std::string key(const std::vector<std::string>& words, corpus::Language language,
                           Analyzer& analyzer);

    std::multimap<std::string, Translation> dutch_;    // Dutch stems -> English term
    std::multimap<std::string, Translation> english_;  // English stems -> Dutch term
    std::size_t longest_term_ = 1;
};

}  // namespace kamerzoek
