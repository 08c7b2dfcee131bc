// Opening what `--db` names as one Xapian database: a kamerzoek index
// directory, or a Xapian stub listing shards (local databases, and
// databases served by xapian-tcpsrv) searched together as one.
//
// kamerzoek reads a stub of shards itself instead of letting Xapian open
// it: each shard's analysis signature must be checked (a combined database
// reads metadata from its first shard only), a shard that cannot be opened
// must be named, and remote shards need bounded timeouts (a stub line has
// no place for one).
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "kamerzoek/error.h"

namespace kamerzoek {

/// One database of an index, opened on its own.
struct Shard {
    std::string name;        // for messages: the index, or its stub line and where it is
    std::string local_path;  // the database or index directory; "" for a remote shard
    Xapian::Database db;
};

/// Milliseconds a remote shard gets to accept a connection and to answer
/// each request: $KAMERZOEK_REMOTE_TIMEOUT_MS when set, else 10000.
unsigned remote_timeout_ms();

/// Every database `location` lists, each opened and checked to carry this
/// program's analysis. Throws IndexError (ShardUnreachable for a remote
/// shard that does not answer) naming `location` and the shard.
std::vector<Shard> open_shards(const std::string& location);

/// The shards as one database (Xapian merges their statistics, so ranks
/// and scores are those of one index holding all their documents).
Xapian::Database combine(const std::vector<Shard>& shards);

/// True when a remote shard did not answer in time; false when its server
/// ended the connection (e.g. after its own idle timeout).
bool waited_in_vain(const Xapian::NetworkError& error);

/// The message for a remote shard of `location` that failed mid-request.
std::string remote_failure_message(const std::string& location, const Xapian::NetworkError& error);

}  // namespace kamerzoek
