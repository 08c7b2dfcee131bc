// A query that is nothing but an official id ("kst-32545-143",
// "KST-32545-143") or one printed citation of it ("Kamerstuk 32545-143",
// "32 545, nr. 143") asks for that publication: its own passages first,
// then the passages citing it. Free-text analysis would split the id into
// numbers that match anything, so such a query is answered from the
// document-id and reference terms instead.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kamerzoek {

/// The query for `text` when it is one official id or one citation of a
/// published document that the index holds as a document or as a citation;
/// also of a dossier ("34300-V", "Kamerstuk 34 300 V", "dossier 30111": its
/// papers, then what cites them) or a sitting ("h-tk-20152016-26",
/// "Handelingen II 2015/16, nr. 26": its items, then what cites them). A bare
/// number ("30111") is no id. Empty otherwise, and the text is searched as
/// words.
std::optional<Xapian::Query> official_id_query(const Xapian::Database& db, std::string_view text);

/// The values of the terms `prefix`+v in the index with v equal to `value`
/// ignoring ASCII case; the exact spelling first when it is there.
std::vector<std::string> values_ignoring_case(const Xapian::Database& db, std::string_view prefix,
                                              const std::string& value);

}  // namespace kamerzoek
