// kamerzoek cites: the passages that cite a paper, a Handelingen item or a
// dossier, grouped by document.
#include <fmt/core.h>

#include "cli/commands.h"
#include "cli/terminal_output.h"
#include "kamerzoek/kamerzoek.h"

namespace kamerzoek::cli {
namespace {

struct CitesArguments {
    std::string ref;
    CitesOptions options;
    bool json = false;
};

int run_cites(const GlobalOptions& global, const CitesArguments& arguments) {
    Searcher searcher(global.db);
    const CitesResults results = searcher.cites(arguments.ref, arguments.options);
    if (arguments.json) {
        fmt::print("{}\n", to_json(results));
    } else {
        print_cites(stdout, results, Style::for_stream(stdout));
    }
    return kExitOk;
}

}  // namespace

CommandAction add_cites_command(CLI::App& app, GlobalOptions& global) {
    auto arguments = std::make_shared<CitesArguments>();
    CitesOptions& options = arguments->options;
    CLI::App* command =
        app.add_subcommand("cites", "Print the passages that cite a paper or dossier");
    command
        ->add_option("REF", arguments->ref,
                     "An id (kst-34300-V-30, h-tk-20152016-26-5), a dossier (34300-V) or a "
                     "citation (\"Kamerstuk 34 300 V, nr. 30\")")
        ->required();
    command->add_option("--text", options.text,
                        "Only passages that also match this query, ranked by it");
    command->add_option("-n,--limit", options.limit, "Number of passages to show")
        ->capture_default_str();
    command->add_option("--offset", options.offset, "Skip this many passages first");
    command->add_flag("--json", arguments->json, "Print results as JSON");
    add_db_option(*command, global);
    return [&global, arguments] { return run_cites(global, *arguments); };
}

}  // namespace kamerzoek::cli
