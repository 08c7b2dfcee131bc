// Readers that call into a library we cannot interrupt (poppler) run in a
// child process under a wall-clock and a memory limit, the way Omega runs
// its filters: one hostile file can neither stall a run nor exhaust memory.
// A file over a limit is rejected with a ReadError saying which, and the run
// goes on; a stop request ends the child at once.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <vector>

#include "corpus/document.h"

namespace kamerzoek::corpus {

struct ReaderLimits {
    /// Wall-clock time one file may take. Zero: read in this process, with
    /// no limits at all.
    std::chrono::milliseconds time{30'000};
    /// Memory the child may allocate beyond what it inherits.
    std::size_t memory_bytes = std::size_t{1} << 30;
    /// Polled while a child reads (every 100 ms): true ends it, and the file
    /// is rejected as not read.
    std::function<bool()> stop_requested;
};

/// The limits isolated readers run under, process-wide (the indexer sets
/// them from its options at the start of a run).
void set_reader_limits(ReaderLimits limits);
ReaderLimits reader_limits();

/// Runs `read` in a forked child process under `limits` and returns the
/// documents it made. Throws ReadError: the child's own ReadError, "took
/// longer than 30 s", "needed more than 1 GB", or a crash with its signal.
std::vector<Document> read_in_child(const std::function<std::vector<Document>()>& read,
                                    const ReaderLimits& limits);

}  // namespace kamerzoek::corpus
