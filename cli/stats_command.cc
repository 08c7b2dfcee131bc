// kamerzoek stats: what the index holds and how its last run went.
#include <fmt/core.h>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "kamerzoek/kamerzoek.h"
#include "searcher/sharded_stats.h"

namespace kamerzoek::cli {
namespace {

struct StatsArguments {
    bool json = false;
};

nlohmann::json to_json(const IndexStats& stats) {
    nlohmann::json last_run = nlohmann::json::parse(stats.last_run_json, nullptr, false);
    if (last_run.is_discarded()) last_run = nullptr;
    return {{"path", stats.path},
            {"documents", stats.documents},
            {"passages", stats.passages},
            {"files", stats.files},
            {"languages", stats.passages_by_language},
            {"kinds", stats.passages_by_kind},
            {"index_bytes", stats.index_bytes},
            {"analysis", stats.analysis},
            {"last_run", last_run}};
}

nlohmann::json to_json(const ShardedIndexStats& sharded) {
    nlohmann::json json = to_json(sharded.total);
    json["shards"] = nlohmann::json::array();
    for (const ShardStats& shard : sharded.shards) {
        nlohmann::json entry = to_json(shard.stats);
        entry["shard"] = shard.shard;
        entry["remote"] = shard.remote;
        if (shard.remote) entry["index_bytes"] = nullptr;  // not known over the remote protocol
        json["shards"].push_back(std::move(entry));
    }
    return json;
}

std::string counts_text(const std::map<std::string, std::size_t>& counts) {
    std::string text;
    for (const auto& [name, count] : counts)
        text += fmt::format("{}{} {}", text.empty() ? "" : ", ", name, count);
    return text.empty() ? "-" : text;
}

void print_counts(const IndexStats& stats) {
    fmt::print("documents  {}\npassages   {}\nfiles      {}\n", stats.documents, stats.passages,
               stats.files);
    fmt::print("languages  {} (passages)\n", counts_text(stats.passages_by_language));
    fmt::print("kinds      {} (passages)\n", counts_text(stats.passages_by_kind));
}

void print_last_run(const IndexStats& stats) {
    const auto run = nlohmann::json::parse(stats.last_run_json, nullptr, false);
    if (!run.is_object()) {
        fmt::print("last run   none recorded\n");
        return;
    }
    fmt::print(
        "last run   {} {}{}: {} added, {} updated, {} removed, {} unchanged, {} failed, {:.1f} s\n",
        run.value("finished_at", "?"), run.value("outcome", "?"),
        run.value("full", false) ? " (full)" : "", run.value("added", 0), run.value("updated", 0),
        run.value("removed", 0), run.value("unchanged", 0),
        run.contains("failed") ? run["failed"].size() : 0, run.value("duration_s", 0.0));
}

void print_text(const IndexStats& stats) {
    fmt::print("index      {} ({:.1f} MB)\n", stats.path, stats.index_bytes / 1e6);
    print_counts(stats);
    print_last_run(stats);
}

// The shards as one, then each shard with its own last run (each is
// indexed by a run of its own).
void print_text(const ShardedIndexStats& sharded) {
    fmt::print("index      {} ({} shards, {:.1f} MB local)\n", sharded.total.path,
               sharded.shards.size(), sharded.total.index_bytes / 1e6);
    print_counts(sharded.total);
    for (std::size_t i = 0; i < sharded.shards.size(); ++i) {
        const ShardStats& shard = sharded.shards[i];
        fmt::print("\nshard {}    {}\n", i + 1, shard.shard);
        if (shard.remote) {
            fmt::print("size       not known (remote)\n");
        } else {
            fmt::print("size       {:.1f} MB\n", shard.stats.index_bytes / 1e6);
        }
        print_counts(shard.stats);
        print_last_run(shard.stats);
    }
}

int run_sharded_stats(const ShardedIndexStats& sharded, const StatsArguments& arguments) {
    if (arguments.json) {
        fmt::print("{}\n", to_json(sharded).dump(2));
    } else {
        print_text(sharded);
    }
    return kExitOk;
}

int run_stats(const GlobalOptions& global, const StatsArguments& arguments) {
    if (const auto sharded = read_sharded_stats(global.db)) {
        return run_sharded_stats(*sharded, arguments);
    }
    const IndexStats stats = read_index_stats(global.db);
    if (arguments.json) {
        fmt::print("{}\n", to_json(stats).dump(2));
    } else {
        print_text(stats);
    }
    return kExitOk;
}

}  // namespace

CommandAction add_stats_command(CLI::App& app, GlobalOptions& global) {
    auto arguments = std::make_shared<StatsArguments>();
    CLI::App* command =
        app.add_subcommand("stats", "Show what the index holds and how its last run went");
    command->add_flag("--json", arguments->json, "Print JSON");
    add_db_option(*command, global);
    return [&global, arguments] { return run_stats(global, *arguments); };
}

}  // namespace kamerzoek::cli
