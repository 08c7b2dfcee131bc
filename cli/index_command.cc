// kamerzoek index: bring the index in step with files and directories.
#include <fmt/core.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <filesystem>

#include "cli/commands.h"
#include "kamerzoek/kamerzoek.h"

namespace kamerzoek::cli {
namespace {

// Set by the signal handler, read by the indexing threads: a lock-free
// atomic is safe for both.
std::atomic<int> stop_signal{0};
static_assert(std::atomic<int>::is_always_lock_free);

extern "C" void request_stop(int signal) { stop_signal = signal; }

// The first SIGINT/SIGTERM finishes the current file and commits; a second
// one (the handler resets itself) ends the process at once, which is safe
// too: the index keeps its last commit.
void install_stop_handlers() {
    struct sigaction action {};
    action.sa_handler = request_stop;
    action.sa_flags = SA_RESETHAND;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

struct IndexArguments {
    std::vector<std::string> paths;
    bool full = false;
    bool json = false;
    std::size_t commit_every = IndexOptions{}.files_per_commit;
    unsigned threads = 0;
    std::vector<std::string> exclude;
    bool follow_symlinks = false;
    bool retry_failed = false;
    std::uint64_t max_file_mb = IndexOptions{}.max_file_bytes >> 20;
};

std::string duration_text(double seconds) {
    const long total = static_cast<long>(seconds + 0.5);
    return fmt::format("{}:{:02}:{:02}", total / 3600, total / 60 % 60, total % 60);
}

// A progress bar on a terminal, a line every few seconds otherwise.
class ProgressPrinter {
  public:
    ProgressPrinter() : tty_(::isatty(STDERR_FILENO)), start_(Clock::now()), last_(start_) {}

    void operator()(const IndexProgress& progress) {
        const auto now = Clock::now();
        const bool last_file = progress.files_done == progress.files_total;
        if (now - last_ < (tty_ ? kTtyInterval : kLogInterval) && !last_file) return;
        last_ = now;
        const double elapsed = std::chrono::duration<double>(now - start_).count();
        const double fraction =
            progress.files_total ? double(progress.files_done) / progress.files_total : 1;
        const double mb_per_s = elapsed > 0 ? progress.bytes_read / 1e6 / elapsed : 0;
        const std::string eta = fraction > 0 ? duration_text(elapsed / fraction - elapsed) : "?";
        if (tty_) {
            constexpr int kWidth = 30;
            const int filled = static_cast<int>(fraction * kWidth);
            fmt::print(stderr, "\r[{}{}] {}/{} files  {:.1f} MB/s  ETA {}\x1b[K",
                       std::string(filled, '#'), std::string(kWidth - filled, '.'),
                       progress.files_done, progress.files_total, mb_per_s, eta);
            if (last_file) fmt::print(stderr, "\n");
        } else if (!last_file) {
            fmt::print(stderr, "kamerzoek: progress {}/{} files, {:.1f} MB/s, ETA {}\n",
                       progress.files_done, progress.files_total, mb_per_s, eta);
        }
    }

    // A message line; on a terminal it replaces the bar, which is redrawn
    // on the next file.
    void message(const std::string& text) const {
        fmt::print(stderr, "{}kamerzoek: {}\n", tty_ ? "\r\x1b[K" : "", text);
    }

  private:
    using Clock = std::chrono::steady_clock;
    static constexpr auto kTtyInterval = std::chrono::milliseconds(200);
    static constexpr auto kLogInterval = std::chrono::seconds(10);
    bool tty_;
    Clock::time_point start_, last_;
};

void print_summary(const IndexReport& report) {
    fmt::print(stderr,
               "kamerzoek: {} files: {} added, {} updated, {} removed, {} unchanged, {} failed, {} "
               "skipped, {} excluded; "
               "{} documents ({} passages) indexed in {:.1f} s; index is {:.1f} MB\n",
               report.files_seen, report.added, report.updated, report.removed, report.unchanged,
               report.failed.size(), report.skipped.size(), report.excluded,
               report.documents_indexed, report.passages_indexed, report.duration_s,
               report.index_bytes / 1e6);
}

int run_index(const GlobalOptions& global, const IndexArguments& arguments) {
    install_stop_handlers();
    auto progress = std::make_shared<ProgressPrinter>();
    IndexOptions options;
    options.full_rebuild = arguments.full;
    options.files_per_commit = arguments.commit_every;
    options.threads = arguments.threads;
    options.exclude = arguments.exclude;
    options.follow_symlinks = arguments.follow_symlinks;
    options.retry_failed = arguments.retry_failed;
    options.max_file_bytes = arguments.max_file_mb << 20;
    options.stop_requested = [] { return stop_signal != 0; };
    options.on_progress = [progress](const IndexProgress& p) { (*progress)(p); };
    Indexer indexer(global.db, options);
    const IndexReport report = indexer.add_paths(arguments.paths, [&](const FileFailure& failure) {
        progress->message(failure.path + ": " + failure.reason);
    });
    for (const std::string& repair : report.repaired) progress->message("repaired " + repair);
    for (const SkippedFile& skipped : report.skipped)
        progress->message(skipped.path + ": skipped: " + skipped.reason);
    print_summary(report);
    if (arguments.json) fmt::print("{}\n", to_json(report));
    if (report.cancelled) {
        fmt::print(stderr, "kamerzoek: interrupted by signal {}; {}\n", stop_signal.load(),
                   arguments.full ? "the live index is unchanged"
                                  : "what was indexed is committed, run again to continue");
        return kExitFatal;
    }
    return report.failed.empty() ? kExitOk : kExitSomeFilesFailed;
}

}  // namespace

CommandAction add_index_command(CLI::App& app, GlobalOptions& global) {
    auto arguments = std::make_shared<IndexArguments>();
    CLI::App* command =
        app.add_subcommand("index",
                           "Bring the index in step with files and directories (recursively): new "
                           "and changed files are "
                           "indexed, documents of files gone from these paths removed");
    command->add_option("PATH", arguments->paths, "Files or directories to index")->required();
    command->add_flag(
        "--full", arguments->full,
        "Rebuild from scratch beside the live index and swap it in at the end (needed after an "
        "analysis change)");
    command->add_flag(
        "--json", arguments->json,
        "Print the run's report as JSON on stdout (docs/JSON.md): outcome, added, updated, "
        "removed, unchanged, repaired, failed, skipped, duration_s, index_bytes");
    command->add_option("--commit-every", arguments->commit_every, "Files between commits")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    command
        ->add_option("--threads", arguments->threads,
                     "Threads for a first run or --full (0: one per core); later runs update "
                     "the index on one")
        ->check(CLI::Range(0u, 64u))
        ->capture_default_str();
    command->add_option("--exclude", arguments->exclude,
                        "Leave out files and folders matching this gitignore pattern, relative to "
                        "each PATH ('*.tmp', 'concept/', '/drafts/**'; repeatable). Each folder's "
                        ".kamerzoekignore applies too; what was indexed before is removed");
    command->add_flag("--follow-symlinks", arguments->follow_symlinks,
                      "Follow symbolic links whose target lies inside a PATH (never out of them)");
    command->add_flag("--retry-failed", arguments->retry_failed,
                      "Read again files that failed before and have not changed since (they are "
                      "otherwise reported as failed without being read)");
    command
        ->add_option("--max-file-size", arguments->max_file_mb,
                     "Report larger files (in MB) as failed, unread; a text file takes several "
                     "times its size in memory while it is indexed")
        ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{4096}))
        ->capture_default_str();
    add_db_option(*command, global);
    return [&global, arguments] { return run_index(global, *arguments); };
}

}  // namespace kamerzoek::cli
