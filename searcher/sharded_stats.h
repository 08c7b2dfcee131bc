// Statistics of a set of shards for `kamerzoek stats`. Metadata (analysis,
// last run, per-file state) is per database, and a combined Xapian
// database reads it from its first shard only: each shard is read on its
// own, and the counts of all are taken from the shards as one.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kamerzoek/indexer.h"

namespace kamerzoek {

struct ShardStats {
    std::string shard;  // its stub line and where that is
    bool remote = false;
    IndexStats stats;  // index_bytes 0 for a remote shard: sizes do not travel over the protocol
};

struct ShardedIndexStats {
    /// All shards as one: documents and passages counted once, files summed,
    /// index_bytes of the local shards; `analysis` the one all shards share;
    /// no `last_run_json` (each shard has its own run).
    IndexStats total;
    std::vector<ShardStats> shards;
};

/// The statistics of `location` when it is a set of shards; nullopt when it
/// is a single index (read_index_stats reads those). Throws IndexError
/// naming a shard that cannot be read.
std::optional<ShardedIndexStats> read_sharded_stats(const std::string& location);

}  // namespace kamerzoek
