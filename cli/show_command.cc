// kamerzoek show: one document with its passages, references, annexes and
// the documents in the index that cite it.
#include <fmt/core.h>

#include "cli/commands.h"
#include "cli/terminal_output.h"
#include "kamerzoek/kamerzoek.h"

namespace kamerzoek::cli {
namespace {

struct ShowArguments {
    std::string doc_id;
    bool json = false;
};

int run_show(const GlobalOptions& global, const ShowArguments& arguments) {
    Searcher searcher(global.db);
    const DocumentView document = searcher.show(arguments.doc_id);
    if (arguments.json) {
        fmt::print("{}\n", to_json(document));
    } else {
        print_document(stdout, document, Style::for_stream(stdout));
    }
    return kExitOk;
}

}  // namespace

CommandAction add_show_command(CLI::App& app, GlobalOptions& global) {
    auto arguments = std::make_shared<ShowArguments>();
    CLI::App* command = app.add_subcommand(
        "show", "Print a document: metadata, passages with their references, what cites it");
    command->add_option("DOC_ID", arguments->doc_id, "Document id, as hits show it")->required();
    command->add_flag("--json", arguments->json, "Print the document as JSON");
    add_db_option(*command, global);
    return [&global, arguments] { return run_show(global, *arguments); };
}

}  // namespace kamerzoek::cli
