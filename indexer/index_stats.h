// Counting what an index holds, shared by `read_index_stats` and the
// statistics of a set of shards (searcher/sharded_stats.cc).
#pragma once

#include <xapian.h>

#include "kamerzoek/indexer.h"

namespace kamerzoek {

/// Passages, documents, and passages per kind and per language of `db`.
/// Over a combined database terms are merged, so a document is counted once
/// whichever shards hold its passages.
IndexStats counts_of(const Xapian::Database& db);

}  // namespace kamerzoek
