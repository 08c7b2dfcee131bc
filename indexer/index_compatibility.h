// Whether this program may read or write a database: the index format it
// was written in and the text analysis its terms were made by must both be
// this program's, else searches would silently match nothing (or the
// wrong thing). Checked by the Indexer on opening for writing and by the
// Searcher on opening each shard.
#pragma once

#include <xapian.h>

#include <string>

namespace kamerzoek {

/// Throws FormatMismatch when `db` records another index format than
/// schema::kFormatVersion, AnalysisMismatch when it records another
/// analysis than Analyzer::signature(). `what` names the database in the
/// message ("index /path", "index /path: shard ..."); `rebuild` says how to
/// rebuild it. A database that records neither (empty, or not made by
/// kamerzoek) passes.
void check_compatibility(const Xapian::Database& db, const std::string& what,
                         const std::string& rebuild);

/// Records this program's format and analysis in `db`.
void record_compatibility(Xapian::WritableDatabase& db);

}  // namespace kamerzoek
