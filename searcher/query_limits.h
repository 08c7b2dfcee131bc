// What one query may cost. Every search is bounded before it starts (the
// query's length, words, brackets and wildcards) and while it runs (how
// many words a wildcard may stand for, and a time limit on the match), so
// that no query, however written, can hold a CPU or memory for long; over
// a bound, the search fails with QueryTooExpensive saying which bound and
// how to narrow the query (docs/RANKING.md, "Cost bounds").
#pragma once

#include <xapian.h>

#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>

namespace kamerzoek {

struct QueryLimits {
    std::size_t max_bytes = 4096;                 // of query text, before anything else is done
    std::size_t max_word_bytes = 100;             // of one word (compound splitting is quadratic)
    std::size_t max_terms = 64;                   // distinct words and filter values of the query
    std::size_t max_term_uses = 256;              // the same, counting repeats
    std::size_t max_depth = 8;                    // brackets within brackets
    std::size_t max_wildcards = 4;                // "term*" in one query
    Xapian::termcount max_wildcard_terms = 1000;  // indexed words one wildcard may stand for
};

/// The limits searches use.
const QueryLimits& default_query_limits();

/// Checks what can be judged from the text alone: its length, its longest
/// word and how deep its brackets nest. Throws QueryTooExpensive.
void check_query_text(const std::string& text, const QueryLimits& limits);

/// Checks the parsed query: how many terms and wildcards it holds. Throws
/// QueryTooExpensive.
void check_parsed_query(const Xapian::Query& query, const QueryLimits& limits);

/// The error for a wildcard that matches more indexed words than allowed
/// (`what` is Xapian's message or the pattern).
[[noreturn]] void throw_wildcard_too_broad(const std::string& what, const QueryLimits& limits);

/// A match decider that accepts every document but stops the match, by
/// throwing QueryTooExpensive, once `limit` has passed since it was made
/// (0: never) or `cancelled` returns true. Xapian 1.4's own
/// Enquire::set_time_limit only ends check_at_least early; nothing else
/// ends a match that is still finding candidates.
class MatchDeadline final : public Xapian::MatchDecider {
  public:
    MatchDeadline(std::chrono::duration<double> limit, std::function<bool()> cancelled);
    bool operator()(const Xapian::Document& doc) const override;
    /// Throws QueryTooExpensive when the deadline has passed or the search
    /// was cancelled.
    void check() const;

  private:
    std::optional<std::chrono::steady_clock::time_point> deadline_;
    std::chrono::duration<double> limit_;
    std::function<bool()> cancelled_;
    mutable unsigned calls_ = 0;
};

}  // namespace kamerzoek
