// The JSON of index runs and index statistics (docs/JSON.md), with the
// conventions of the search results in json.cc: every member present, null
// for no value, text as UTF-8 with invalid bytes replaced.
#include "json/index_json.h"

#include <nlohmann/json.hpp>

#include "kamerzoek/indexer.h"

namespace kamerzoek {
namespace {

using nlohmann::json;

std::string dump(const json& value, int indent) {
    return value.dump(indent, ' ', false, json::error_handler_t::replace);
}

const char* outcome_of(const IndexReport& report) {
    if (report.cancelled) return "interrupted";
    return report.failed.empty() ? "ok" : "failed-files";
}

json report_json(const IndexReport& report) {
    json failed = json::array();
    for (const FileFailure& failure : report.failed)
        failed.push_back({{"path", failure.path}, {"reason", failure.reason}});
    json skipped = json::array();
    for (const SkippedFile& file : report.skipped)
        skipped.push_back({{"path", file.path}, {"reason", file.reason}});
    return {{"finished_at", report.finished_at.empty() ? json(nullptr) : json(report.finished_at)},
            {"outcome", outcome_of(report)},
            {"interrupted", report.cancelled},
            {"full", report.full_rebuild},
            {"files_seen", report.files_seen},
            {"documents", report.documents_indexed},
            {"passages", report.passages_indexed},
            {"added", report.added},
            {"updated", report.updated},
            {"removed", report.removed},
            {"unchanged", report.unchanged},
            {"repaired", report.repaired},
            {"failed", failed},
            {"skipped", skipped},
            {"excluded", report.excluded},
            {"duration_s", report.duration_s},
            {"index_bytes", report.index_bytes}};
}

json stats_json(const IndexStats& stats) {
    json shards = json::array();
    for (const IndexStats& shard : stats.shards) shards.push_back(stats_json(shard));
    return {{"path", stats.path},
            {"shard", stats.shard.empty() ? json(nullptr) : json(stats.shard)},
            {"remote", stats.remote},
            {"documents", stats.documents},
            {"passages", stats.passages},
            {"files", stats.files},
            {"languages", stats.passages_by_language},
            {"kinds", stats.passages_by_kind},
            // Sizes do not travel over the remote protocol.
            {"index_bytes", stats.remote ? json(nullptr) : json(stats.index_bytes)},
            {"analysis", stats.analysis},
            {"last_run", stats.last_run ? report_json(*stats.last_run) : json(nullptr)},
            {"shards", shards}};
}

// An older version wrote `repaired` as a count.
std::vector<std::string> repaired_from(const json& value) {
    if (value.is_array()) return value.get<std::vector<std::string>>();
    if (value.is_number_unsigned())
        return std::vector<std::string>(value.get<std::size_t>(), "(not recorded)");
    return {};
}

template <typename Entry>
std::vector<Entry> path_reasons_from(const json& value) {
    std::vector<Entry> entries;
    if (!value.is_array()) return entries;
    for (const json& entry : value)
        entries.push_back({entry.value("path", ""), entry.value("reason", "")});
    return entries;
}

IndexReport report_from(const json& value) {
    IndexReport report;
    if (const auto at = value.find("finished_at"); at != value.end() && at->is_string())
        report.finished_at = at->get<std::string>();
    report.cancelled = value.value("interrupted", value.value("outcome", "") == "interrupted");
    report.full_rebuild = value.value("full", false);
    report.files_seen = value.value("files_seen", std::size_t{0});
    report.documents_indexed = value.value("documents", std::size_t{0});
    report.passages_indexed = value.value("passages", std::size_t{0});
    report.added = value.value("added", std::size_t{0});
    report.updated = value.value("updated", std::size_t{0});
    report.removed = value.value("removed", std::size_t{0});
    report.unchanged = value.value("unchanged", std::size_t{0});
    report.repaired = repaired_from(value.value("repaired", json()));
    report.failed = path_reasons_from<FileFailure>(value.value("failed", json()));
    report.skipped = path_reasons_from<SkippedFile>(value.value("skipped", json()));
    report.excluded = value.value("excluded", std::size_t{0});
    report.duration_s = value.value("duration_s", 0.0);
    report.index_bytes = value.value("index_bytes", std::uint64_t{0});
    return report;
}

}  // namespace

std::string to_json(const IndexReport& report, int indent) {
    return dump(report_json(report), indent);
}

std::string to_json(const IndexStats& stats, int indent) { return dump(stats_json(stats), indent); }

std::optional<IndexReport> index_report_from_json(const std::string& text) {
    const json value = json::parse(text, nullptr, false);
    if (!value.is_object()) return std::nullopt;
    try {
        return report_from(value);
    } catch (const json::exception&) {
        return std::nullopt;  // a member of the wrong type: not a report we wrote
    }
}

}  // namespace kamerzoek
