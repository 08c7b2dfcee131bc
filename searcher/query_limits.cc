#include "searcher/query_limits.h"

#include <fmt/format.h>

#include "kamerzoek/error.h"

namespace kamerzoek {
namespace {

// Bytes that end a word for the purpose of measuring it: ASCII that is not
// a letter or digit. (UTF-8 letters are bytes of 0x80 and above.)
bool ends_a_word(unsigned char c) { return c < 0x80 && !std::isalnum(c); }

std::size_t longest_word_bytes(const std::string& text) {
    std::size_t longest = 0;
    std::size_t current = 0;
    for (const char c : text) {
        current = ends_a_word(static_cast<unsigned char>(c)) ? 0 : current + 1;
        longest = std::max(longest, current);
    }
    return longest;
}

// How deep round brackets nest outside quoted phrases.
std::size_t bracket_depth(const std::string& text) {
    std::size_t depth = 0;
    std::size_t deepest = 0;
    bool quoted = false;
    for (const char c : text) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if (c == '(') deepest = std::max(deepest, ++depth);
        if (c == ')' && depth > 0) --depth;
    }
    return deepest;
}

struct QueryCounts {
    std::size_t term_uses = 0;
    std::size_t wildcards = 0;
};

void count(const Xapian::Query& query, QueryCounts& counts) {
    switch (query.get_type()) {
        case Xapian::Query::LEAF_TERM:
            ++counts.term_uses;
            return;
        case Xapian::Query::OP_WILDCARD:
            ++counts.wildcards;
            ++counts.term_uses;
            return;
        default:
            for (std::size_t i = 0; i < query.get_num_subqueries(); ++i)
                count(query.get_subquery(i), counts);
    }
}

[[noreturn]] void too_expensive(const std::string& reason) {
    throw QueryTooExpensive("query too expensive: " + reason);
}

}  // namespace

const QueryLimits& default_query_limits() {
    static const QueryLimits limits;
    return limits;
}

void check_query_text(const std::string& text, const QueryLimits& limits) {
    if (text.size() > limits.max_bytes) {
        too_expensive(fmt::format("it is {} bytes long, at most {} are allowed", text.size(),
                                  limits.max_bytes));
    }
    if (const std::size_t word = longest_word_bytes(text); word > limits.max_word_bytes) {
        too_expensive(fmt::format("it has a word of {} bytes, at most {} are allowed", word,
                                  limits.max_word_bytes));
    }
    if (const std::size_t depth = bracket_depth(text); depth > limits.max_depth) {
        too_expensive(fmt::format("its brackets nest {} deep, at most {} are allowed", depth,
                                  limits.max_depth));
    }
}

void check_parsed_query(const Xapian::Query& query, const QueryLimits& limits) {
    QueryCounts counts;
    count(query, counts);
    if (counts.term_uses > limits.max_term_uses) {
        too_expensive(
            fmt::format("it has {} words and filter values (counting repeats), at most "
                        "{} are allowed",
                        counts.term_uses, limits.max_term_uses));
    }
    const auto distinct = static_cast<std::size_t>(
        std::distance(query.get_unique_terms_begin(), query.get_unique_terms_end()));
    if (distinct > limits.max_terms) {
        too_expensive(
            fmt::format("it has {} different words and filter values, at most {} are "
                        "allowed",
                        distinct, limits.max_terms));
    }
    if (counts.wildcards > limits.max_wildcards) {
        too_expensive(fmt::format("it has {} wildcards, at most {} are allowed", counts.wildcards,
                                  limits.max_wildcards));
    }
}

void throw_wildcard_too_broad(const std::string& what, const QueryLimits& limits) {
    too_expensive(
        fmt::format("a wildcard matches more than {} indexed words ({}); give it more "
                    "letters before the *",
                    limits.max_wildcard_terms, what));
}

MatchDeadline::MatchDeadline(std::chrono::duration<double> limit, std::function<bool()> cancelled)
    : limit_(limit), cancelled_(std::move(cancelled)) {
    if (limit.count() > 0) {
        deadline_ = std::chrono::steady_clock::now() +
                    std::chrono::duration_cast<std::chrono::steady_clock::duration>(limit);
    }
}

bool MatchDeadline::operator()(const Xapian::Document&) const {
    // Reading the clock (and asking whether the search is still wanted) is
    // cheap, but not free: once every 256 candidates.
    constexpr unsigned kCallsBetweenChecks = 256;
    if (calls_++ % kCallsBetweenChecks == 0) check();
    return true;
}

void MatchDeadline::check() const {
    if (cancelled_ && cancelled_()) throw QueryTooExpensive("the search was cancelled");
    if (!deadline_ || std::chrono::steady_clock::now() < *deadline_) return;
    too_expensive(
        fmt::format("the search took longer than {:g} s; use fewer or rarer words, or "
                    "a filter",
                    limit_.count()));
}

}  // namespace kamerzoek
