#include <xapian.h>

#include "indexer/index_layout.h"
#include "indexer/index_stats.h"
#include "kamerzoek/indexer.h"
#include "searcher/index_opening.h"

namespace kamerzoek {
namespace {

// Bytes on disk of a local shard: a glass database, or a kamerzoek index
// directory (its live generation).
std::uint64_t local_bytes(const std::string& path) {
    try {
        return layout::database_bytes(layout::resolve_index_path(path));
    } catch (const IndexError&) {
        return 0;  // itself a set of shards: its own stats show them
    }
}

IndexStats shard_stats(const Shard& shard) {
    IndexStats stats = recorded_stats_of(shard.db);
    stats.shard = shard.name;
    stats.remote = shard.local_path.empty();
    stats.path = stats.remote ? shard.name : shard.local_path;
    if (!stats.remote) stats.index_bytes = local_bytes(shard.local_path);
    return stats;
}

IndexStats collect(const std::string& location, const std::vector<Shard>& shards) {
    IndexStats total = counts_of(combine(shards));
    total.path = location;
    for (const Shard& shard : shards) {
        total.shards.push_back(shard_stats(shard));
        const IndexStats& stats = total.shards.back();
        total.files += stats.files;
        total.index_bytes += stats.index_bytes;
        if (!stats.analysis.empty()) total.analysis = stats.analysis;
    }
    return total;
}

IndexStats read_sharded_stats(const std::string& location) {
    for (int attempt = 1;; ++attempt) {
        try {
            return collect(location, open_shards(location));
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt == 3) throw IndexError("index " + location + " keeps changing");
        } catch (const Xapian::NetworkError& e) {
            throw ShardUnreachable(remote_failure_message(location, e));
        } catch (const Xapian::Error& e) {
            throw IndexError("cannot read index " + location + ": " + e.get_description());
        }
    }
}

}  // namespace

IndexStats read_index_stats(const std::string& index_dir) {
    if (layout::is_sharded(index_dir)) return read_sharded_stats(index_dir);
    return read_local_index_stats(index_dir);
}

}  // namespace kamerzoek
