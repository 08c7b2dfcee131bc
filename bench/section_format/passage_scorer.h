// Scores the passages inside one section document with the query that
// ranked the sections: the query's tree is evaluated per passage, each term
// counted from its positions inside the passage's position range, and
// weighted with BM25 as Xapian weights it (passage length against the mean
// passage length, section statistics for the term's rarity).
#pragma once

#include <xapian.h>

#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "analysis/analyzer.h"
#include "bench/section_format/section_store.h"

namespace kamerzoek::sections {

/// A Xapian::Query as a tree this scorer can walk (Xapian 1.4 shows scale
/// factors and windows only in the query's description).
struct QueryNode {
    Xapian::Query::op op = Xapian::Query::LEAF_MATCH_NOTHING;
    std::string term;              // of a leaf term
    double factor = 1;             // of OP_SCALE_WEIGHT
    Xapian::termcount window = 0;  // of OP_PHRASE and OP_NEAR
    std::vector<QueryNode> children;
};

QueryNode compile(const Xapian::Query& query);

struct Bm25 {
    double k1 = 0.6;
    double b = 0.5;
    double own_language = 0.4;  // the weight of the query's language preference
};

struct PassageScore {
    bool matched = false;
    double score = 0;
};

class PassageScorer {
  public:
    /// `db` must hold the kMetaPassages/kMetaPassageLength statistics.
    /// `part_words`: the query's words that may be found inside a compound
    /// (BuiltQuery::part_words).
    PassageScorer(const Xapian::Database& db, Analyzer& analyzer, const QueryNode& query,
                  const std::set<std::string>& part_words, Bm25 parameters);

    /// Every passage of the section `did`, scored.
    std::vector<PassageScore> score(Xapian::docid did, const StoredSection& section);

  private:
    // Where a term occurs in one section: its own positions, or those of the
    // folded words it stands for (a stem or compound part stored without
    // positions), kept per language since a passage indexed only the stems
    // of its own language.
    struct Occurrences {
        std::vector<Xapian::termpos> own;
        std::vector<Xapian::termpos> dutch;
        std::vector<Xapian::termpos> english;
        bool derived = false;
        bool present = false;  // for boolean terms: the section has it
    };
    struct Derivation {
        std::size_t term;  // index into terms_
        bool dutch;        // through the Dutch stem (or a compound part)
    };

    void collect_terms(const QueryNode& node);
    void locate(Xapian::docid did);
    const std::vector<Derivation>& derivations_of(const std::string& word);
    Xapian::termcount count(const Occurrences& occurrences, const StoredPassage& passage) const;
    PassageScore evaluate(const QueryNode& node, const StoredPassage& passage) const;
    PassageScore leaf(const QueryNode& node, const StoredPassage& passage) const;
    PassageScore synonym(const QueryNode& node, const StoredPassage& passage) const;
    PassageScore positional(const QueryNode& node, const StoredPassage& passage) const;
    double term_weight(double termfreq) const;
    double tf_part(double tf, const StoredPassage& passage) const;

    const Xapian::Database& db_;
    Analyzer& analyzer_;
    const QueryNode& query_;
    Bm25 parameters_;
    double sections_ = 1;
    double mean_length_ = 1;
    std::vector<std::string> terms_;
    std::unordered_map<std::string, std::size_t> term_index_;
    std::vector<double> termfreq_;
    std::vector<Occurrences> occurrences_;  // of the section being scored
    bool needs_derivation_ = false;         // a stem or part term without own positions
    std::unordered_map<std::string, std::vector<Derivation>> derivations_;
    // Compound part term -> the forms it is found by inside a compound: its
    // stem and the query words it was made from.
    std::unordered_map<std::string, std::vector<std::string>> part_forms_;
};

}  // namespace kamerzoek::sections
