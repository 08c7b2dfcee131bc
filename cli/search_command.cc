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
    command->add_option("-n,--limit", options.limit, "Number of passages to show")
        ->capture_default_str();
    command->add_option("--offset", options.offset, "Skip this many passages first");
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
