// Every failure the library reports is a kamerzoek::Error (or a subclass),
// with a message meant for a person: it names the index, file or query.
// Catch the most specific class you can act on; catching Error is enough to
// report any failure. No Xapian, ICU or other library exception escapes a
// public call.
//
//   Error
//   ├── IndexError           the index cannot be used as asked
//   │   ├── IndexMissing         there is no index: build one
//   │   ├── IndexLocked          another writer holds it: retry later
//   │   ├── AnalysisMismatch     built with another analysis: rebuild with --full
//   │   ├── FormatMismatch       written in another index format: rebuild with --full
//   │   └── ShardUnreachable     a remote shard did not answer: retry later
//   ├── QueryError           the query cannot be understood: fix it
//   │   └── QueryTooExpensive    it would cost more than allowed: narrow it
//   └── NotFound             what was asked for is not in the index
#pragma once

#include <stdexcept>
#include <string>

#include "kamerzoek/export.h"

namespace kamerzoek {

/// Base of all exceptions the library throws.
class KAMERZOEK_EXPORT Error : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// The index cannot be used as asked: unreadable, unwritable (disk full,
/// read-only), damaged, or one of the subclasses below.
class KAMERZOEK_EXPORT IndexError : public Error {
  public:
    using Error::Error;
};

/// There is no index where one was named (reading it, or its statistics).
class KAMERZOEK_EXPORT IndexMissing : public IndexError {
  public:
    using IndexError::IndexError;
};

/// Another writer holds the index (the message names its process). Worth
/// retrying once that run has ended.
class KAMERZOEK_EXPORT IndexLocked : public IndexError {
  public:
    using IndexError::IndexError;
};

/// The index was built with another text analysis than this program's:
/// its terms would not match. Rebuild it (`kamerzoek index --full`,
/// IndexOptions::full_rebuild).
class KAMERZOEK_EXPORT AnalysisMismatch : public IndexError {
  public:
    using IndexError::IndexError;
};

/// The index was written in another index format (an older or newer
/// kamerzoek). Rebuild it (`kamerzoek index --full`,
/// IndexOptions::full_rebuild).
class KAMERZOEK_EXPORT FormatMismatch : public IndexError {
  public:
    using IndexError::IndexError;
};

/// A remote shard of the index could not be reached or did not answer in
/// time. Worth retrying later, not at once: the next attempt would wait for
/// the same timeout.
class KAMERZOEK_EXPORT ShardUnreachable : public IndexError {
  public:
    using IndexError::IndexError;
};

/// The query could not be understood.
class KAMERZOEK_EXPORT QueryError : public Error {
  public:
    using Error::Error;
};

/// The query would cost more than a search may: too long, too many words,
/// wildcards or brackets, a wildcard matching too many words, or a search
/// that ran past its time limit or was cancelled. The message says which
/// bound and how to narrow the query.
class KAMERZOEK_EXPORT QueryTooExpensive : public QueryError {
  public:
    using QueryError::QueryError;
};

/// A document, paper or citation that was asked for is not in the index or
/// could not be recognised.
class KAMERZOEK_EXPORT NotFound : public Error {
  public:
    using Error::Error;
};

}  // namespace kamerzoek
