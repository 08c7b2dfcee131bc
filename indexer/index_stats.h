// Counting what an index holds, shared by the statistics of a single index
// and those of a set of shards (searcher/sharded_stats.cc).
#pragma once

#include <xapian.h>

#include "kamerzoek/indexer.h"

namespace kamerzoek {

/// Passages, documents, and passages per kind and per language of `db`.
/// Over a combined database terms are merged, so a document is counted once
/// whichever shards hold its passages.
IndexStats counts_of(const Xapian::Database& db);

/// counts_of() and what `db` itself records: files, analysis, last run.
IndexStats recorded_stats_of(const Xapian::Database& db);

/// The statistics of the single index at `index_dir` (not a set of
/// shards). Throws IndexMissing when there is none, IndexError when it
/// cannot be read.
IndexStats read_local_index_stats(const std::string& index_dir);

}  // namespace kamerzoek
