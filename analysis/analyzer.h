// The one text analysis that indexing and query parsing share: ICU word
// breaking, NFKC normalisation with case and diacritic folding, and Snowball
// stemming (Xapian's implementation) per language. Anything that changes the
// terms it produces must change signature(), so that old indexes are refused.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "corpus/document.h"

namespace kamerzoek {

class Analyzer {
  public:
    struct Token {
        std::string folded;  // "tunesie" for "Tunesië"
        std::size_t begin;   // byte span in the analysed text
        std::size_t end;
    };

    Analyzer();
    ~Analyzer();
    Analyzer(const Analyzer&) = delete;
    Analyzer& operator=(const Analyzer&) = delete;

    /// The words of `text`, folded, with their byte spans. Punctuation and
    /// spaces are not tokens.
    std::vector<Token> tokenize(std::string_view text);

    /// NFKC, case folding and diacritic removal of one word.
    std::string fold(std::string_view word);

    /// The stem of a folded word in `language` (Dutch or English; unknown
    /// counts as Dutch).
    std::string stem(const std::string& folded, corpus::Language language);

    /// The terms a folded word of text in `language` stands for: the one
    /// function from a word to its terms, used by the indexer on passages and
    /// by the query builder on query words, so both agree.
    struct WordTerms {
        std::string dutch_stem;    // "Z" + Dutch stem; empty for English
        std::string english_stem;  // "Z" + English stem; empty for Dutch
    };
    /// Unknown language: both stems (equal or not), so either kind of query
    /// finds a passage whose language could not be told.
    WordTerms word_terms(const std::string& folded, corpus::Language language);

    /// How a Dutch word stands inside a compound: "XP" + its Dutch stem.
    std::string compound_part_term(const std::string& part);

    /// The compound part terms of `folded`, parts judged as
    /// compound_parts() does against `vocabulary`.
    std::vector<std::string> compound_part_terms(const std::string& folded,
                                                 const std::unordered_set<std::string>& vocabulary);

    /// The parts of a Dutch compound in `folded` ("terrorismefinanciering" ->
    /// "terrorisme", "financiering"), judged against the seed lexicon and the
    /// words of `context` only, so that the parts of a document do not
    /// depend on what else is indexed. Empty when it is not a compound.
    std::vector<std::string> compound_parts(const std::string& folded,
                                            const corpus::Document& context);

    /// The same, judged against the seed lexicon and `vocabulary` (the folded
    /// words of the document), for callers that tokenised it already.
    std::vector<std::string> compound_parts(const std::string& folded,
                                            const std::unordered_set<std::string>& vocabulary);

    /// Identifies the analysis: stemmer names, folding rules and library
    /// versions. Stored in the index and compared on open.
    static std::string signature();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace kamerzoek
