#include "searcher/shard_query.h"

#include <optional>
#include <string>
#include <vector>

#include "searcher/query_builder.h"
#include "searcher/query_limits.h"
#include "searcher/ranking.h"

namespace kamerzoek {
namespace {

struct Wildcard {
    Xapian::Query::op combiner = Xapian::Query::OP_SYNONYM;
    std::string pattern;
};

// Xapian 1.4 has no accessor for a wildcard's pattern; its description,
// "Query(WILDCARD SYNONYM tegoed)", holds it. Anything else is left alone.
std::optional<Wildcard> read_wildcard(const Xapian::Query& query) {
    const std::string description = query.get_description();
    const std::string opening = "Query(WILDCARD ";
    if (!description.starts_with(opening) || !description.ends_with(")")) return std::nullopt;
    const std::string inner =
        description.substr(opening.size(), description.size() - opening.size() - 1);
    const std::size_t space = inner.find(' ');
    if (space == std::string::npos || space + 1 == inner.size()) return std::nullopt;
    const std::string combiner = inner.substr(0, space);
    Wildcard wildcard;
    wildcard.pattern = inner.substr(space + 1);
    if (combiner == "OR") {
        wildcard.combiner = Xapian::Query::OP_OR;
    } else if (combiner == "MAX") {
        wildcard.combiner = Xapian::Query::OP_MAX;
    } else if (combiner != "SYNONYM") {
        return std::nullopt;
    }
    return wildcard;
}

Xapian::Query expand(const Wildcard& wildcard, const Xapian::Database& db,
                     Xapian::termcount max_terms) {
    std::vector<Xapian::Query> words;
    for (auto it = db.allterms_begin(wildcard.pattern); it != db.allterms_end(wildcard.pattern);
         ++it) {
        if (max_terms > 0 && words.size() == max_terms)
            throw_wildcard_too_broad(wildcard.pattern + "*", default_query_limits());
        words.emplace_back(*it);
    }
    if (words.empty()) return Xapian::Query::MatchNothing;
    if (wildcard.combiner == Xapian::Query::OP_MAX) return best_of(words, db);
    return Xapian::Query(wildcard.combiner, words.begin(), words.end());
}

}  // namespace

Xapian::Query expand_wildcards(const Xapian::Query& query, const Xapian::Database& db,
                               Xapian::termcount max_terms) {
    const Xapian::Query::op type = query.get_type();
    if (type == Xapian::Query::OP_WILDCARD) {
        const std::optional<Wildcard> wildcard = read_wildcard(query);
        return wildcard ? expand(*wildcard, db, max_terms) : query;
    }
    if (!is_plain_combination(type)) return query;
    std::vector<Xapian::Query> subqueries;
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i)
        subqueries.push_back(expand_wildcards(query.get_subquery(i), db, max_terms));
    return Xapian::Query(type, subqueries.begin(), subqueries.end());
}

}  // namespace kamerzoek
