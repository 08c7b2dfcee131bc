// Searching an index. Start here if you embed kamerzoek.
//
// Exceptions: every call may throw kamerzoek::Error (error.h), nothing
// else; which subclasses is said at each call. Any call that reads the
// index may also throw IndexError when the index became unreadable, and
// ShardUnreachable when a remote shard stopped answering.
#pragma once

#include <memory>
#include <string>

#include "kamerzoek/export.h"
#include "kamerzoek/types.h"

namespace kamerzoek {

/// A read-only handle on an index.
///
/// Thread safety: a Searcher is not safe to share between threads; open one
/// per thread (opening is cheap). A Searcher sees the index as it was when
/// opened or last reopened, and reopens by itself when a concurrent writer
/// has moved on.
///
/// A moved-from Searcher may only be destroyed or assigned to; any other
/// call on it is undefined.
class KAMERZOEK_EXPORT Searcher {
  public:
    /// Opens the index (or set of shards) at `index_dir`. Throws
    /// IndexMissing when there is none, AnalysisMismatch or FormatMismatch
    /// when it was built by another analysis or in another index format
    /// (rebuild it with `kamerzoek index --full`), ShardUnreachable when a
    /// remote shard does not answer, IndexError when it cannot be opened.
    explicit Searcher(const std::string& index_dir);
    ~Searcher();
    Searcher(Searcher&&) noexcept;
    Searcher& operator=(Searcher&&) noexcept;

    /// Ranked passages for `query`. Throws QueryError for a query that
    /// cannot be parsed, QueryTooExpensive for one past the limits of
    /// docs/HTTP_API.md or SearchOptions::time_limit_seconds, or cancelled.
    SearchResults search(const std::string& query, const SearchOptions& options = {});

    /// A whole document: metadata, passages with their references, its
    /// annexes, what it cites and which indexed documents cite it. `doc_id`
    /// is matched exactly, else case-insensitively (ids made from file names
    /// are lower case). Throws NotFound for an unknown id.
    DocumentView show(const std::string& doc_id);

    /// Every passage that cites `ref`: a canonical id ("kst-34300-V-30"), a
    /// citation in any form ("Kamerstuk 34 300 V, nr. 30"; a citation of
    /// several items looks for all of them) or a dossier ("34300-V": any
    /// paper of it). Grouped by document; see CitesOptions for the order.
    /// Throws NotFound when `ref` is not recognisable as a citation.
    CitesResults cites(const std::string& ref, const CitesOptions& options = {});

    /// Number of indexed passages.
    std::size_t passage_count() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace kamerzoek
