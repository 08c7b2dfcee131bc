// Prefixes of the terms text analysis produces from the words of a passage
// or a query (the rest of the index's prefixes: indexer/index_schema.h).
#pragma once

#include <string_view>

namespace kamerzoek {

/// Stems, Dutch or English, no positions ("Zfinancier").
inline constexpr std::string_view kStemPrefix = "Z";

/// Dutch stems of compound parts ("XPfinancier" for a passage saying
/// "terrorismefinanciering"); no positions.
inline constexpr std::string_view kCompoundPartPrefix = "XP";

}  // namespace kamerzoek
