// kamerzoek stats: what the index holds and how its last run went.
#include <fmt/core.h>

#include "cli/commands.h"
#include "kamerzoek/kamerzoek.h"

namespace kamerzoek::cli {
namespace {

struct StatsArguments {
    bool json = false;
};

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
    if (!stats.last_run) {
        fmt::print("last run   none recorded\n");
        return;
    }
    const IndexReport& run = *stats.last_run;
    const char* outcome = run.cancelled        ? "interrupted"
                          : run.failed.empty() ? "ok"
                                               : "failed-files";
    fmt::print(
        "last run   {} {}{}: {} added, {} updated, {} removed, {} unchanged, {} failed, {:.1f} s\n",
        run.finished_at.empty() ? "?" : run.finished_at, outcome, run.full_rebuild ? " (full)" : "",
        run.added, run.updated, run.removed, run.unchanged, run.failed.size(), run.duration_s);
}

void print_text(const IndexStats& stats) {
    fmt::print("index      {} ({:.1f} MB)\n", stats.path, stats.index_bytes / 1e6);
    print_counts(stats);
    print_last_run(stats);
}

// The shards as one, then each shard with its own last run (each is
// indexed by a run of its own).
void print_sharded_text(const IndexStats& sharded) {
    fmt::print("index      {} ({} shards, {:.1f} MB local)\n", sharded.path, sharded.shards.size(),
               sharded.index_bytes / 1e6);
    print_counts(sharded);
    for (std::size_t i = 0; i < sharded.shards.size(); ++i) {
        const IndexStats& shard = sharded.shards[i];
        fmt::print("\nshard {}    {}\n", i + 1, shard.shard);
        if (shard.remote) {
            fmt::print("size       not known (remote)\n");
        } else {
            fmt::print("size       {:.1f} MB\n", shard.index_bytes / 1e6);
        }
        print_counts(shard);
        print_last_run(shard);
    }
}

int run_stats(const GlobalOptions& global, const StatsArguments& arguments) {
    const IndexStats stats = read_index_stats(global.db);
    if (arguments.json) {
        fmt::print("{}\n", to_json(stats));
    } else if (!stats.shards.empty()) {
        print_sharded_text(stats);
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
