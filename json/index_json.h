// Reading back the report of a run that the index stores as JSON (its last
// run, shown by `kamerzoek stats`).
#pragma once

#include <optional>
#include <string>

#include "kamerzoek/indexer.h"

namespace kamerzoek {

/// The report to_json(IndexReport) wrote; nullopt for "" or text that is
/// not such an object. Members missing (written by an older version) keep
/// their defaults.
std::optional<IndexReport> index_report_from_json(const std::string& text);

}  // namespace kamerzoek
