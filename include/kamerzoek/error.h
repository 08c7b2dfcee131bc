// Every failure the library reports is a kamerzoek::Error (or a subclass),
// with a message meant for a person: it names the index, file or query.
#pragma once

#include <stdexcept>
#include <string>

namespace kamerzoek {

/// Base of all exceptions the library throws.
class Error : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// The index is missing, unreadable, locked by another writer, or was built
/// with an analysis this program does not use.
class IndexError : public Error {
  public:
    using Error::Error;
};

/// The query could not be understood.
class QueryError : public Error {
  public:
    using Error::Error;
};

/// The query would cost more than a search may: too long, too many words,
/// wildcards or brackets, a wildcard matching too many words, or a search
/// that ran past its time limit. The message says which bound and how to
/// narrow the query.
class QueryTooExpensive : public QueryError {
  public:
    using QueryError::QueryError;
};

/// A document, paper or citation that was asked for is not in the index or
/// could not be recognised.
class NotFound : public Error {
  public:
    using Error::Error;
};

}  // namespace kamerzoek
