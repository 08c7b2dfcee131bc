// kamerzoek search: ranked passages for a query.
#include <fmt/core.h>

#include "cli/commands.h"
#include "cli/terminal_output.h"
#include "kamerzoek/kamerzoek.h"

namespace kamerzoek::cli {
namespace {

struct SearchArguments {
    std::vector<std::string> words;
    SearchOptions options;
    bool json = false;
};

int run_search(const GlobalOptions& global, const SearchArguments& arguments) {
    std::string query;
    for (const std::string& word : arguments.words) query += (query.empty() ? "" : " ") + word;
    Searcher searcher(global.db);
    const SearchResults results = searcher.search(query, arguments.options);
    if (arguments.json) {
        fmt::print("{}\n", to_json(results));
    } else {
        print_results(stdout, results, Style::for_stream(stdout));
    }
    return kExitOk;
}

}  // namespace

CommandAction add_search_command(CLI::App& app, GlobalOptions& global) {
    auto arguments = std::make_shared<SearchArguments>();
    SearchOptions& options = arguments->options;
    CLI::App* command = app.add_subcommand("search", "Search the index and print ranked passages");
    command
        ->add_option("QUERY", arguments->words,
                     "Query: words, \"phrases\", AND/OR/NOT, field:value")
        ->required();
    // Checked as signed numbers: "-1" must not wrap around to "everything".
    command->add_option("-n,--limit", options.limit, "Number of passages to show (1 to 1000)")
        ->check(CLI::Range(1, 1000))
        ->capture_default_str();
    command->add_option("--offset", options.offset, "Skip this many passages first (at most 10000)")
        ->check(CLI::Range(0, 10000));
    command
        ->add_option("--time-limit", options.time_limit_seconds,
                     "Stop a search that takes longer than this many seconds (0: no limit)")
        ->check(CLI::Range(0.0, 3600.0))
        ->capture_default_str();
    command->add_option("--lang", options.lang, "Analyse the query as nl or en only")
        ->check(CLI::IsMember({"nl", "en"}));
    command
        ->add_option("--per-doc", options.per_document,
                     "At most this many passages per document (0: no cap)")
        ->capture_default_str();
    command->add_flag("--json", arguments->json, "Print results as JSON");
    add_db_option(*command, global);
    return [&global, arguments] { return run_search(global, *arguments); };
}

}  // namespace kamerzoek::cli
