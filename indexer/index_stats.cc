// Statistics of an index for `kamerzoek stats`, read without taking the
// writer lock (a run may be going on).
#include "indexer/index_stats.h"

#include <xapian.h>

#include "indexer/file_state.h"
#include "indexer/index_layout.h"
#include "indexer/index_schema.h"
#include "json/index_json.h"
#include "kamerzoek/error.h"
#include "kamerzoek/indexer.h"

namespace kamerzoek {
namespace {

// Passages per value of a boolean prefix (kinds, languages).
std::map<std::string, std::size_t> count_by_prefix(const Xapian::Database& db,
                                                   std::string_view prefix) {
    std::map<std::string, std::size_t> counts;
    const std::string p(prefix);
    for (auto term = db.allterms_begin(p); term != db.allterms_end(p); ++term) {
        counts[(*term).substr(p.size())] = term.get_termfreq();
    }
    return counts;
}

std::size_t count_terms(const Xapian::Database& db, std::string_view prefix) {
    const std::string p(prefix);
    std::size_t count = 0;
    for (auto term = db.allterms_begin(p); term != db.allterms_end(p); ++term) ++count;
    return count;
}

IndexStats collect(const Xapian::Database& db, const std::string& path) {
    IndexStats stats = recorded_stats_of(db);
    stats.path = path;
    stats.index_bytes = layout::database_bytes(path);
    return stats;
}

}  // namespace

IndexStats counts_of(const Xapian::Database& db) {
    IndexStats stats;
    stats.passages = db.get_doccount();
    stats.documents = count_terms(db, schema::kDocId);
    stats.passages_by_kind = count_by_prefix(db, schema::kKind);
    stats.passages_by_language = count_by_prefix(db, schema::kLanguage);
    return stats;
}

IndexStats recorded_stats_of(const Xapian::Database& db) {
    IndexStats stats = counts_of(db);
    stats.files = count_file_states(db);
    stats.analysis = db.get_metadata(std::string(schema::kMetaAnalysis));
    stats.last_run = index_report_from_json(db.get_metadata(std::string(schema::kMetaLastRun)));
    return stats;
}

IndexStats read_local_index_stats(const std::string& index_dir) {
    const std::string path = layout::resolve_index_path(index_dir);
    if (path.empty()) throw IndexMissing("no index at " + index_dir);
    for (int attempt = 1;; ++attempt) {
        try {
            return collect(Xapian::Database(index_dir), path);
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt == 3) throw IndexError("index " + index_dir + " keeps changing");
        } catch (const Xapian::Error& e) {
            throw IndexError("cannot read index " + index_dir + ": " + e.get_description());
        }
    }
}

}  // namespace kamerzoek
