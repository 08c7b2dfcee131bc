#include "searcher/id_query.h"

#include <algorithm>
#include <cctype>
#include <limits>
#include <set>

#include "corpus/official_id.h"
#include "corpus/references.h"
#include "indexer/index_schema.h"

namespace kamerzoek {
namespace {

// The publication's own passages outrank every passage citing it; both
// outrank nothing else, since nothing else matches.
constexpr double kOwnPassageWeight = 2.0;
constexpr double kCitingPassageWeight = 1.0;
constexpr std::size_t kMaxIdQueryLength = 120;
// A dossier or sitting with more papers than this is searched through its
// first ones only: the query stays bounded like any other.
constexpr std::size_t kMaxGroupMembers = 1000;

std::string ascii_lower(std::string_view text) {
    std::string lower(text);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lower;
}

std::string ascii_upper(std::string_view text) {
    std::string upper(text);
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return upper;
}

bool equal_ignoring_case(std::string_view a, std::string_view b) {
    return a.size() == b.size() && ascii_lower(a) == ascii_lower(b);
}

// Canonical ids only differ in case after their first digit ("kst-34300-V-30"
// against the file-name form "kst-34300-v-30"), so the part before the first
// letter that follows a digit is a safe prefix to scan the term list from.
std::string case_stable_prefix(std::string_view id) {
    bool seen_digit = false;
    for (std::size_t i = 0; i < id.size(); ++i) {
        const auto c = static_cast<unsigned char>(id[i]);
        if (std::isdigit(c)) seen_digit = true;
        if (seen_digit && std::isalpha(c)) return std::string(id.substr(0, i));
    }
    return std::string(id);
}

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
        text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.remove_suffix(1);
    return text;
}

// What a query that is nothing but an id asks for.
struct WantedId {
    std::string id;
    // A dossier ("34300-V") or a sitting's Handelingen ("h-tk-20152016-26"):
    // the papers or items under it, and what cites any of them.
    bool group = false;
    bool dossier = false;
};

bool has_letter(std::string_view text) {
    return std::any_of(text.begin(), text.end(),
                       [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; });
}

// A Handelingen id without its item number names a whole sitting.
bool is_sitting(const corpus::Reference& ref) {
    return ref.type == corpus::OfficialIdKind::kHandelingen &&
           std::count(ref.id.begin(), ref.id.end(), '-') == 3;
}

// The one canonical id `text` is, or none when it is anything else: words
// around an id, several ids, or a bare number (a query "2016" or "30111"
// stays a word search; "dossier 30111" and "34300-V" are dossiers).
std::optional<WantedId> wanted_id(std::string_view text) {
    if (text.empty() || text.size() > kMaxIdQueryLength) return std::nullopt;
    std::vector<corpus::Reference> parsed = corpus::parse_citation(text);
    if (parsed.empty()) {
        if (const auto id = corpus::OfficialId::parse(text))
            parsed.push_back(
                corpus::Reference{id->str(), id->kind(), std::string(text), 0, text.size()});
    }
    if (parsed.size() != 1) return std::nullopt;
    const corpus::Reference& ref = parsed.front();
    // The citation is the whole query, not a part of it ("terrorisme
    // dossier:34300-V" is words and a filter).
    if (ref.begin != 0 || ref.end != text.size()) return std::nullopt;
    if (ref.type == corpus::OfficialIdKind::kDossier) {
        if (!has_letter(text)) return std::nullopt;
        return WantedId{ref.id, true, true};
    }
    return WantedId{ref.id, is_sitting(ref), false};
}

// The passages holding any of the terms `prefix`+value, each weighing `weight`.
std::optional<Xapian::Query> weighted_terms(std::string_view prefix,
                                            const std::vector<std::string>& values, double weight) {
    if (values.empty()) return std::nullopt;
    std::vector<Xapian::Query> terms;
    for (const std::string& value : values) terms.emplace_back(schema::term(prefix, value));
    auto* fixed = new Xapian::FixedWeightPostingSource(weight);
    return Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(fixed->release()),
                         Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
}

// The values v of the terms `prefix`+v that `keep` accepts, scanned from
// `value_start`'s case-stable part as typed, in lower and in upper case: ids
// are written in lower case ("kst-"), or in upper case (a BWB id), and may
// be typed in either ("KST-32545-143"). At most `limit` values.
template <class Keep>
std::vector<std::string> scan_values(const Xapian::Database& db, std::string_view prefix,
                                     const std::string& value_start, Keep keep, std::size_t limit) {
    std::vector<std::string> found;
    const std::string stable = case_stable_prefix(value_start);
    std::set<std::string> scanned;
    for (const std::string& start : {stable, ascii_lower(stable), ascii_upper(stable)}) {
        if (!scanned.insert(start).second) continue;
        const std::string scan_from = schema::term(prefix, start);
        for (auto it = db.allterms_begin(scan_from); it != db.allterms_end(scan_from); ++it) {
            std::string candidate = (*it).substr(prefix.size());
            if (keep(candidate)) found.push_back(std::move(candidate));
            if (found.size() >= limit) return found;
        }
    }
    return found;
}

// The values starting with `value_prefix`, ignoring ASCII case: the papers
// of a dossier ("kst-34300-V-"), the items of a sitting.
std::vector<std::string> values_under_ignoring_case(const Xapian::Database& db,
                                                    std::string_view prefix,
                                                    const std::string& value_prefix) {
    const std::string wanted = ascii_lower(value_prefix);
    return scan_values(
        db, prefix, value_prefix,
        [&](const std::string& candidate) { return ascii_lower(candidate).starts_with(wanted); },
        kMaxGroupMembers);
}

}  // namespace

std::vector<std::string> values_ignoring_case(const Xapian::Database& db, std::string_view prefix,
                                              const std::string& value) {
    std::vector<std::string> found;
    if (db.term_exists(schema::term(prefix, value))) found.push_back(value);
    for (std::string& other : scan_values(
             db, prefix, value,
             [&](const std::string& candidate) {
                 return candidate != value && equal_ignoring_case(candidate, value);
             },
             std::numeric_limits<std::size_t>::max())) {
        found.push_back(std::move(other));
    }
    return found;
}

namespace {

std::optional<Xapian::Query> either(const std::optional<Xapian::Query>& own,
                                    const std::optional<Xapian::Query>& citing) {
    if (own && citing) return Xapian::Query(Xapian::Query::OP_OR, *own, *citing);
    if (own) return own;
    return citing;
}

// A sitting's items are "h-tk-20152016-26-5": the sitting's id and a dash.
std::vector<std::string> with_members(const Xapian::Database& db, std::string_view prefix,
                                      const std::string& id) {
    std::vector<std::string> values = values_ignoring_case(db, prefix, id);
    for (std::string& member : values_under_ignoring_case(db, prefix, id + "-"))
        values.push_back(std::move(member));
    return values;
}

}  // namespace

std::optional<Xapian::Query> official_id_query(const Xapian::Database& db, std::string_view text) {
    const std::optional<WantedId> wanted = wanted_id(trimmed(text));
    if (!wanted) return std::nullopt;
    const std::string& id = wanted->id;
    if (wanted->dossier) {
        // Its papers are "kst-34300-V-30"; every passage of them, and every
        // passage citing one, carries the dossier's term.
        return either(
            weighted_terms(schema::kDocId,
                           values_under_ignoring_case(db, schema::kDocId, "kst-" + id + "-"),
                           kOwnPassageWeight),
            weighted_terms(schema::kDossier, values_ignoring_case(db, schema::kDossier, id),
                           kCitingPassageWeight));
    }
    if (wanted->group) {
        return either(
            weighted_terms(schema::kDocId, with_members(db, schema::kDocId, id), kOwnPassageWeight),
            weighted_terms(schema::kReference, with_members(db, schema::kReference, id),
                           kCitingPassageWeight));
    }
    return either(
        weighted_terms(schema::kDocId, values_ignoring_case(db, schema::kDocId, id),
                       kOwnPassageWeight),
        weighted_terms(schema::kReference, values_ignoring_case(db, schema::kReference, id),
                       kCitingPassageWeight));
}

}  // namespace kamerzoek
