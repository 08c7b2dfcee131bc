#include "indexer/index_compatibility.h"

#include "analysis/analyzer.h"
#include "indexer/index_schema.h"
#include "kamerzoek/error.h"

namespace kamerzoek {

void check_compatibility(const Xapian::Database& db, const std::string& what,
                         const std::string& rebuild) {
    // The format first: another format may store its analysis elsewhere.
    const std::string format = db.get_metadata(std::string(schema::kMetaFormat));
    if (!format.empty() && format != schema::kFormatVersion) {
        throw FormatMismatch(what + " is in index format " + format +
                             "; this program reads format " + std::string(schema::kFormatVersion) +
                             ": " + rebuild);
    }
    const std::string analysis = db.get_metadata(std::string(schema::kMetaAnalysis));
    if (!analysis.empty() && analysis != Analyzer::signature()) {
        throw AnalysisMismatch(what + " was built with another analysis (" + analysis +
                               "); this program uses (" + Analyzer::signature() + "): " + rebuild);
    }
}

void record_compatibility(Xapian::WritableDatabase& db) {
    db.set_metadata(std::string(schema::kMetaAnalysis), Analyzer::signature());
    db.set_metadata(std::string(schema::kMetaFormat), std::string(schema::kFormatVersion));
}

}  // namespace kamerzoek
