// What a query word or phrase is called in the other language: the curated
// glossary of parliamentary and policy terms (glossary.tsv, compiled into the
// library) on top of the lexicon generated at build time
// (analysis/lexicon.h), each translation with a weight.
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/analyzer.h"

namespace kamerzoek {

/// A term of the other language: its folded words, their language, and how
/// sure the translation is (1 for the curated glossary, less for learned or
/// dictionary pairs, less again for words with many senses).
struct Translation {
    std::vector<std::string> words;
    corpus::Language language;
    double weight = 1;
};

class Glossary {
  public:
    /// At most this many translations of one term are kept from the
    /// lexicon; the query builder uses the surest few the index holds.
    static constexpr std::size_t kMaxCandidates = 8;

    /// The curated glossary (lines "Dutch<TAB>English", '#' comments,
    /// weight 1) on top of the lexicon compiled into the library
    /// (analysis/lexicon.h); a term the glossary translates takes none of
    /// the lexicon's translations. Function words are left out of every
    /// term. Only the glossary is read here; the lexicon's terms are
    /// stemmed when first looked up, a group of terms at a time, so a
    /// Glossary is cheap to make.
    Glossary(std::string_view glossary_tsv, Analyzer& analyzer);

    /// The curated glossary and the build-time lexicon compiled into the
    /// library; safe to share between threads.
    static const Glossary& builtin();

    /// Translations of the folded words `words` taken as one term of
    /// language `from` (unknown: either), matched by stem ("moties" finds
    /// "motions"), surest first.
    std::vector<Translation> translate(const std::vector<std::string>& words, Analyzer& analyzer,
                                       corpus::Language from = corpus::Language::kUnknown) const;

    /// Whether `folded` is a word of `language` the glossary or the lexicon
    /// knows ("airborne" is English, "bevriezen" Dutch).
    bool knows(const std::string& folded, corpus::Language language) const;

    /// The word of either language closest to `folded` within the edits
    /// closest_indexed_word() allows, sharing its first two letters; empty
    /// when there is none.
    std::string closest_word(const std::string& folded) const;

    /// Longest number of words of a term.
    std::size_t longest_term() const { return longest_term_; }

  private:
    struct Pair {
        std::vector<std::string> dutch;
        std::vector<std::string> english;
    };
    using Table = std::multimap<std::string, Translation>;
    // The terms of one language whose first word starts with the same two
    // letters: a stem starts with its word's first two letters, so they
    // are all a lookup needs to stem.
    struct Bucket {
        bool stemmed = false;
        Table table;  // stems -> translations, once stemmed
    };

    void load_glossary(std::string_view tsv, Analyzer& analyzer);
    const Table& stemmed(corpus::Language language, const std::string& first_word,
                         Analyzer& analyzer) const;  // REQUIRES: mutex_ held
    static std::string bucket_key(corpus::Language language, const std::string& first_word);
    static std::string key(const std::vector<std::string>& words, corpus::Language language,
                           Analyzer& analyzer);
    static void keep_surest(Table& table);

    std::vector<Pair> pairs_;                                   // the curated glossary, weight 1
    std::multimap<std::string, std::size_t> glossary_buckets_;  // bucket_key -> pairs_
    mutable std::map<std::string, Bucket> buckets_;
    mutable std::mutex mutex_;                // guards the stemming of buckets_
    std::vector<std::string> dutch_words_;    // the glossary's, sorted
    std::vector<std::string> english_words_;  // the glossary's, sorted
    std::size_t longest_term_ = 1;
};

}  // namespace kamerzoek
