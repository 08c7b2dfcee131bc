#include "searcher/sharded_stats.h"

#include <xapian.h>

#include "indexer/file_state.h"
#include "indexer/index_layout.h"
#include "indexer/index_schema.h"
#include "indexer/index_stats.h"
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

ShardStats shard_stats(const Shard& shard) {
    ShardStats out;
    out.shard = shard.name;
    out.remote = shard.local_path.empty();
    out.stats = counts_of(shard.db);
    out.stats.path = out.remote ? shard.name : shard.local_path;
    out.stats.files = count_file_states(shard.db);
    out.stats.analysis = shard.db.get_metadata(std::string(schema::kMetaAnalysis));
    out.stats.last_run_json = shard.db.get_metadata(std::string(schema::kMetaLastRun));
    if (!out.remote) out.stats.index_bytes = local_bytes(shard.local_path);
    return out;
}

ShardedIndexStats collect(const std::string& location, const std::vector<Shard>& shards) {
    ShardedIndexStats sharded;
    sharded.total = counts_of(combine(shards));
    sharded.total.path = location;
    for (const Shard& shard : shards) {
        sharded.shards.push_back(shard_stats(shard));
        const IndexStats& stats = sharded.shards.back().stats;
        sharded.total.files += stats.files;
        sharded.total.index_bytes += stats.index_bytes;
        if (!stats.analysis.empty()) sharded.total.analysis = stats.analysis;
    }
    return sharded;
}

}  // namespace

std::optional<ShardedIndexStats> read_sharded_stats(const std::string& location) {
    if (!layout::is_sharded(location)) return std::nullopt;
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

}  // namespace kamerzoek
