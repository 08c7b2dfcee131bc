// The kamerzoek command: a thin layer over the library. It parses
// arguments, runs one subcommand, and maps errors to exit codes (here
// only, exit_code_for): 0 success, 1 some input files failed, 2 usage or
// fatal error, 3 retry later, 4 rebuild with --full, 5 no index.
#include <fmt/core.h>

#include <cstdlib>
#include <map>

#include "cli/commands.h"
#include "kamerzoek/kamerzoek.h"

namespace kamerzoek::cli {

std::string default_index_dir() {
    if (const char* db = std::getenv("KAMERZOEK_DB"); db && *db) return db;
    if (const char* data = std::getenv("XDG_DATA_HOME"); data && *data) {
        return std::string(data) + "/kamerzoek/index";
    }
    const char* home = std::getenv("HOME");
    return std::string(home && *home ? home : ".") + "/.local/share/kamerzoek/index";
}

void add_db_option(CLI::App& command, GlobalOptions& global) {
    command
        .add_option("--db", global.db,
                    "Index directory ($KAMERZOEK_DB, else ~/.local/share/kamerzoek/index)")
        ->capture_default_str();
}

// What a caller (a script, a systemd unit) can do about an error decides
// its exit code.
int exit_code_for(const kamerzoek::Error& error) {
    if (dynamic_cast<const IndexLocked*>(&error) || dynamic_cast<const ShardUnreachable*>(&error))
        return kExitRetryLater;
    if (dynamic_cast<const AnalysisMismatch*>(&error) ||
        dynamic_cast<const FormatMismatch*>(&error))
        return kExitRebuildNeeded;
    if (dynamic_cast<const IndexMissing*>(&error)) return kExitNoIndex;
    return kExitFatal;
}

}  // namespace kamerzoek::cli

int main(int argc, char** argv) {
    using namespace kamerzoek::cli;
    CLI::App app{"kamerzoek: full-text search in Kamerbrieven, annexes and Handelingen"};
    app.set_version_flag("--version", std::string(kamerzoek::version()));
    app.require_subcommand(1);
    GlobalOptions global{default_index_dir()};
    add_db_option(app, global);
    // The packaged services read their options from /etc/kamerzoek this way.
    app.set_config("--config", "",
                   "Read options from a TOML file: under [COMMAND], the command's long options "
                   "as keys (PATH: the paths to index); the command line wins. One command's "
                   "section per file");
    app.allow_config_extras(false);  // a mistyped key is an error, not ignored

    const std::map<std::string, CommandAction> commands{
        {"index", add_index_command(app, global)}, {"search", add_search_command(app, global)},
        {"show", add_show_command(app, global)},   {"cites", add_cites_command(app, global)},
        {"stats", add_stats_command(app, global)}, {"serve", add_serve_command(app, global)},
    };

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? kExitOk : kExitFatal;
    }
    try {
        for (const auto& [name, action] : commands) {
            if (app.got_subcommand(name)) return action();
        }
    } catch (const kamerzoek::Error& e) {
        fmt::print(stderr, "kamerzoek: {}\n", e.what());
        return exit_code_for(e);
    } catch (const std::exception& e) {
        fmt::print(stderr, "kamerzoek: unexpected error: {}\n", e.what());
        return kExitFatal;
    }
    return kExitFatal;
}
