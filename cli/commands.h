// Each subcommand of kamerzoek lives in its own file and registers itself
// on the application here; main.cc only wires them up.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

namespace kamerzoek::cli {

// Exit codes (README.md). Those of errors are chosen in one place,
// exit_code_for() in main.cc, from the class of kamerzoek::Error.
inline constexpr int kExitOk = 0;
inline constexpr int kExitSomeFilesFailed = 1;
inline constexpr int kExitFatal = 2;          // usage, a bad query, interrupted, anything else
inline constexpr int kExitRetryLater = 3;     // IndexLocked, ShardUnreachable
inline constexpr int kExitRebuildNeeded = 4;  // AnalysisMismatch, FormatMismatch: index --full
inline constexpr int kExitNoIndex = 5;        // IndexMissing

/// Options every command shares.
struct GlobalOptions {
    std::string db;  // index directory
};

/// What a command does once the arguments are parsed; returns the exit code.
using CommandAction = std::function<int()>;

/// $KAMERZOEK_DB, else $XDG_DATA_HOME/kamerzoek/index, else ~/.local/share/kamerzoek/index.
std::string default_index_dir();

/// Adds `--db` to a subcommand.
void add_db_option(CLI::App& command, GlobalOptions& global);

CommandAction add_index_command(CLI::App& app, GlobalOptions& global);
CommandAction add_search_command(CLI::App& app, GlobalOptions& global);
CommandAction add_show_command(CLI::App& app, GlobalOptions& global);
CommandAction add_cites_command(CLI::App& app, GlobalOptions& global);
CommandAction add_stats_command(CLI::App& app, GlobalOptions& global);
CommandAction add_serve_command(CLI::App& app, GlobalOptions& global);

}  // namespace kamerzoek::cli
