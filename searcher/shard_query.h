// Queries that rank on a set of shards exactly as on one index.
//
// Xapian 1.4 expands a wildcard inside each shard, after the match has
// gathered the collection statistics, and weighs each word it expands to by
// the frequency of that word in the first shard holding it (on a remote
// shard, in the server's own). Expanded beforehand against all shards at
// once, the words are ordinary terms whose statistics are gathered across
// the shards like those of any other term.
#pragma once

#include <xapian.h>

namespace kamerzoek {

/// `query` with each wildcard replaced by the words of `db` it matches,
/// combined as the wildcard would combine them. Wildcards it cannot read
/// are left to Xapian. A wildcard matching more than `max_terms` words
/// (0: no limit) throws QueryTooExpensive, as Xapian's own expansion does.
Xapian::Query expand_wildcards(const Xapian::Query& query, const Xapian::Database& db,
                               Xapian::termcount max_terms = 0);

}  // namespace kamerzoek
