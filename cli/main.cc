// The kamerzoek command: a thin layer over the library. It parses
// arguments, calls the library, prints, and maps errors to exit codes:
// 0 success, 1 some input files failed, 2 usage or fatal error.
#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <cstdlib>
#include <filesystem>

#include "cli/terminal_output.h"
#include "kamerzoek/kamerzoek.h"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitSomeFilesFailed = 1;
constexpr int kExitFatal = 2;

// $KAMERZOEK_DB, else $XDG_DATA_HOME/kamerzoek/index, else ~/.local/share/kamerzoek/index.
std::string default_index_dir() {
    if (const char* db = std::getenv("KAMERZOEK_DB"); db && *db) return db;
    if (const char* data = std::getenv("XDG_DATA_HOME"); data && *data) {
        return std::string(data) + "/kamerzoek/index";
    }
    const char* home = std::getenv("HOME");
    return std::string(home && *home ? home : ".") + "/.local/share/kamerzoek/index";
}

int run_index(const std::string& db, const std::vector<std::string>& paths) {
    std::filesystem::create_directories(std::filesystem::path(db).parent_path().empty()
                                            ? std::filesystem::path(".")
                                            : std::filesystem::path(db).parent_path());
    kamerzoek::Indexer indexer(db);
    const kamerzoek::IndexReport report =
        indexer.add_paths(paths, [](const kamerzoek::FileFailure& failure) {
            fmt::print(stderr, "kamerzoek: {}: {}\n", failure.path, failure.reason);
        });
    for (const std::string& repair : report.repaired) fmt::print(stderr, "kamerzoek: repaired {}\n", repair);
    fmt::print(stderr, "indexed {} documents ({} passages) from {} files; {} failed\n",
               report.documents_indexed, report.passages_indexed, report.files_seen,
               report.failed.size());
    return report.failed.empty() ? kExitOk : kExitSomeFilesFailed;
}

int run_search(const std::string& db, const std::vector<std::string>& words,
               const kamerzoek::SearchOptions& options, bool json) {
    std::string query;
    for (const std::string& word : words) query += (query.empty() ? "" : " ") + word;
    kamerzoek::Searcher searcher(db);
    const kamerzoek::SearchResults results = searcher.search(query, options);
    if (json) {
        fmt::print("{}\n", kamerzoek::to_json(results));
    } else {
        kamerzoek::cli::print_results(stdout, results, kamerzoek::cli::Style::for_stream(stdout));
    }
    return kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"kamerzoek: full-text search in Kamerbrieven, annexes and Handelingen"};
    app.set_version_flag("--version", std::string(KAMERZOEK_VERSION_STRING));
    app.require_subcommand(1);
    std::string db = default_index_dir();
    app.add_option("--db", db, "Index directory ($KAMERZOEK_DB, else ~/.local/share/kamerzoek/index)")
        ->capture_default_str();

    CLI::App* index = app.add_subcommand("index", "Index files and directories (recursively)");
    std::vector<std::string> paths;
    index->add_option("PATH", paths, "Files or directories to index")->required();

    CLI::App* search = app.add_subcommand("search", "Search the index and print ranked passages");
    std::vector<std::string> words;
    kamerzoek::SearchOptions options;
    bool json = false;
    search->add_option("QUERY", words, "Query: words, \"phrases\", AND/OR/NOT, field:value")->required();
    search->add_option("-n,--limit", options.limit, "Number of passages to show")->capture_default_str();
    search->add_option("--offset", options.offset, "Skip this many passages first");
    search->add_option("--lang", options.lang, "Analyse the query as nl or en only")
        ->check(CLI::IsMember({"nl", "en"}));
    search->add_option("--per-doc", options.per_document, "At most this many passages per document (0: no cap)")
        ->capture_default_str();
    search->add_flag("--json", json, "Print results as JSON");
    for (CLI::App* sub : {index, search}) {
        sub->add_option("--db", db, "Index directory")->capture_default_str();
    }

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? kExitOk : kExitFatal;
    }
    try {
        if (*index) return run_index(db, paths);
        if (*search) return run_search(db, words, options, json);
    } catch (const kamerzoek::Error& e) {
        fmt::print(stderr, "kamerzoek: {}\n", e.what());
        return kExitFatal;
    } catch (const std::exception& e) {
        fmt::print(stderr, "kamerzoek: unexpected error: {}\n", e.what());
        return kExitFatal;
    }
    return kExitFatal;
}
