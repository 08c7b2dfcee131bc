// kamerzoek index: add files and directories to the index.
#include <fmt/core.h>

#include <filesystem>

#include "cli/commands.h"
#include "kamerzoek/kamerzoek.h"

namespace kamerzoek::cli {
namespace {

struct IndexArguments {
    std::vector<std::string> paths;
};

int run_index(const GlobalOptions& global, const IndexArguments& arguments) {
    const std::filesystem::path parent = std::filesystem::path(global.db).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent);
    Indexer indexer(global.db);
    const IndexReport report = indexer.add_paths(arguments.paths, [](const FileFailure& failure) {
        fmt::print(stderr, "kamerzoek: {}: {}\n", failure.path, failure.reason);
    });
    for (const std::string& repair : report.repaired) fmt::print(stderr, "kamerzoek: repaired {}\n", repair);
    fmt::print(stderr, "indexed {} documents ({} passages) from {} files; {} failed\n",
               report.documents_indexed, report.passages_indexed, report.files_seen,
               report.failed.size());
    return report.failed.empty() ? kExitOk : kExitSomeFilesFailed;
}

}  // namespace

CommandAction add_index_command(CLI::App& app, GlobalOptions& global) {
    auto arguments = std::make_shared<IndexArguments>();
    CLI::App* command = app.add_subcommand("index", "Index files and directories (recursively)");
    command->add_option("PATH", arguments->paths, "Files or directories to index")->required();
    add_db_option(*command, global);
    return [&global, arguments] { return run_index(global, *arguments); };
}

}  // namespace kamerzoek::cli
