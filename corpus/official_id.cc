#include "corpus/official_id.h"

#include <algorithm>
#include <array>
#include <utility>

namespace kamerzoek::corpus {
namespace {

using std::size_t;
using std::string;
using std::string_view;

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char to_upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }
char to_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool all_digits(string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), is_digit); }

bool is_alnum(string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return is_digit(c) || is_letter(c); });
}

struct KindInfo {
    OfficialIdKind kind;
    string_view name;
    string_view prefix;
};

constexpr std::array<KindInfo, 13> kKinds = {{
    {OfficialIdKind::kHandelingen, "handelingen", "h"},
    {OfficialIdKind::kAanhangsel, "aanhangsel", "ah"},
    {OfficialIdKind::kKamerstuk, "kamerstuk", "kst"},
    {OfficialIdKind::kDossier, "dossier", ""},
    {OfficialIdKind::kKamervragen, "kamervragen", "kv"},
    {OfficialIdKind::kBijlage, "bijlage", "blg"},
    {OfficialIdKind::kStaatsblad, "staatsblad", "stb"},
    {OfficialIdKind::kStaatscourant, "staatscourant", "stcrt"},
    {OfficialIdKind::kTractatenblad, "tractatenblad", "trb"},
    {OfficialIdKind::kGemeenteblad, "gemeenteblad", "gmb"},
    {OfficialIdKind::kProvinciaalBlad, "provinciaalblad", "prb"},
    {OfficialIdKind::kWaterschapsblad, "waterschapsblad", "wsb"},
    {OfficialIdKind::kBladGemeenschappelijkeRegeling, "bgr", "bgr"},
}};

const KindInfo& info(OfficialIdKind kind) {
    for (const KindInfo& k : kKinds) {
        if (k.kind == kind) return k;
    }
    return kKinds[2];
}

bool is_gazette(OfficialIdKind kind) {
    switch (kind) {
        case OfficialIdKind::kStaatsblad:
        case OfficialIdKind::kStaatscourant:
        case OfficialIdKind::kTractatenblad:
        case OfficialIdKind::kGemeenteblad:
        case OfficialIdKind::kProvinciaalBlad:
        case OfficialIdKind::kWaterschapsblad:
        case OfficialIdKind::kBladGemeenschappelijkeRegeling:
            return true;
        default:
            return false;
    }
}

std::vector<string> split_dashes(string_view s) {
    std::vector<string> parts;
    size_t start = 0;
    while (true) {
        const size_t dash = s.find('-', start);
        parts.emplace_back(s.substr(start, dash - start));
        if (dash == string_view::npos) return parts;
        start = dash + 1;
    }
}

// Letters after the first digit are upper case ("kst-34300-V-30",
// "kv-tk-2020Z12345"): KOOP spells them so, file names often do not.
string canonical_case(string_view text) {
    string out(text);
    bool seen_digit = false;
    for (char& c : out) {
        if (is_digit(c)) seen_digit = true;
        c = seen_digit ? to_upper(c) : to_lower(c);
    }
    return out;
}

// "(R2068)" -> "R2068"; other parts unchanged.
string without_parentheses(string part) {
    if (part.size() > 2 && part.front() == '(' && part.back() == ')') {
        return part.substr(1, part.size() - 2);
    }
    return part;
}

bool is_chamber(string_view s) { return s == "tk" || s == "ek" || s == "vv"; }

bool is_session(string_view s) { return s.size() == 8 && all_digits(s); }

// The parts of a dossier ("34300", "V") or a Kamerstuk ("34300", "V", "30").
bool valid_dossier_parts(const std::vector<string>& parts, size_t count) {
    if (count == 0 || count > parts.size() || !all_digits(parts[0])) return false;
    return std::all_of(parts.begin(), parts.begin() + static_cast<std::ptrdiff_t>(count),
                       [](const string& p) { return is_alnum(p); });
}

std::optional<OfficialIdKind> kind_of_prefix(string_view prefix) {
    for (const KindInfo& k : kKinds) {
        if (!k.prefix.empty() && k.prefix == prefix) return k.kind;
    }
    return std::nullopt;
}

bool valid_parts(OfficialIdKind kind, const std::vector<string>& parts) {
    const size_t n = parts.size();
    switch (kind) {
        case OfficialIdKind::kKamerstuk:
            return n >= 2 && valid_dossier_parts(parts, n);
        case OfficialIdKind::kDossier:
            return n >= 1 && valid_dossier_parts(parts, n);
        case OfficialIdKind::kHandelingen:
            return (n == 3 || n == 4) && is_chamber(parts[0]) && is_session(parts[1]) &&
                   all_digits(parts[2]) && all_digits(parts.back());
        case OfficialIdKind::kAanhangsel:
            return n == 3 && is_chamber(parts[0]) && is_session(parts[1]) && all_digits(parts[2]);
        case OfficialIdKind::kKamervragen:
            return n == 2 && is_chamber(parts[0]) && is_alnum(parts[1]);
        case OfficialIdKind::kBijlage:
            return n == 1 && all_digits(parts[0]);
        default:
            return is_gazette(kind) && n == 2 && parts[0].size() == 4 && all_digits(parts[0]) &&
                   all_digits(parts[1]);
    }
}

}  // namespace

std::string_view id_kind_name(OfficialIdKind kind) { return info(kind).name; }

std::optional<OfficialIdKind> id_kind_from_name(std::string_view name) {
    for (const KindInfo& k : kKinds) {
        if (k.name == name) return k.kind;
    }
    return std::nullopt;
}

std::string_view id_prefix(OfficialIdKind kind) { return info(kind).prefix; }

OfficialId::OfficialId(OfficialIdKind kind, std::vector<string> parts)
    : kind_(kind), parts_(std::move(parts)) {
    text_ = string(id_prefix(kind));
    for (const string& part : parts_) {
        if (!text_.empty()) text_ += '-';
        text_ += part;
    }
    // One spelling whoever built it: "nr. 42e" and "kst-34300-v-30" alike.
    text_ = canonical_case(text_);
    const size_t prefix = id_prefix(kind).empty() ? 0 : id_prefix(kind).size() + 1;
    parts_ = split_dashes(string_view(text_).substr(prefix));
}

std::optional<OfficialId> OfficialId::parse(std::string_view text) {
    if (text.empty() || text.size() > 64) return std::nullopt;
    std::vector<string> parts = split_dashes(canonical_case(text));
    for (string& part : parts) part = without_parentheses(std::move(part));
    OfficialIdKind kind = OfficialIdKind::kDossier;
    if (!all_digits(parts[0])) {
        const auto prefixed = kind_of_prefix(parts[0]);
        if (!prefixed) return std::nullopt;
        kind = *prefixed;
        parts.erase(parts.begin());
    }
    if (!valid_parts(kind, parts)) return std::nullopt;
    return OfficialId(kind, std::move(parts));
}

OfficialId OfficialId::kamerstuk(std::string_view dossier, std::string_view number) {
    std::vector<string> parts = split_dashes(dossier);
    parts.emplace_back(number);
    return OfficialId(OfficialIdKind::kKamerstuk, std::move(parts));
}

OfficialId OfficialId::dossier(std::string_view dossier) {
    return OfficialId(OfficialIdKind::kDossier, split_dashes(dossier));
}

OfficialId OfficialId::handelingen(std::string_view chamber, std::string_view session,
                                   std::string_view issue, std::string_view item) {
    std::vector<string> parts{string(chamber), string(session), string(issue)};
    if (!item.empty()) parts.emplace_back(item);
    return OfficialId(OfficialIdKind::kHandelingen, std::move(parts));
}

OfficialId OfficialId::aanhangsel(std::string_view chamber, std::string_view session,
                                  std::string_view number) {
    return OfficialId(OfficialIdKind::kAanhangsel,
                      {string(chamber), string(session), string(number)});
}

OfficialId OfficialId::gazette(OfficialIdKind kind, std::string_view year,
                               std::string_view number) {
    return OfficialId(kind, {string(year), string(number)});
}

std::string OfficialId::dossier() const {
    const size_t count = kind_ == OfficialIdKind::kKamerstuk ? parts_.size() - 1
                         : kind_ == OfficialIdKind::kDossier ? parts_.size()
                                                             : 0;
    string out;
    for (size_t i = 0; i < count; ++i) out += (i ? "-" : "") + parts_[i];
    return out;
}

std::string OfficialId::number() const {
    switch (kind_) {
        case OfficialIdKind::kDossier:
            return {};
        case OfficialIdKind::kHandelingen:
            return parts_[2];  // the issue; the item is part of the id only
        default:
            return parts_.back();
    }
}

std::string OfficialId::chamber() const {
    switch (kind_) {
        case OfficialIdKind::kHandelingen:
        case OfficialIdKind::kAanhangsel:
        case OfficialIdKind::kKamervragen:
            return parts_[0];
        default:
            return {};
    }
}

std::string OfficialId::session() const {
    if (kind_ == OfficialIdKind::kHandelingen || kind_ == OfficialIdKind::kAanhangsel) {
        return parts_[1];
    }
    return {};
}

std::string OfficialId::url() const {
    if (kind_ == OfficialIdKind::kDossier) return {};
    string id(id_prefix(kind_));
    for (const string& part : parts_) {
        // KOOP keeps the parentheses of an R-number: kst-34417-(R2068)-7.
        const bool r_number = kind_ == OfficialIdKind::kKamerstuk && part.size() > 1 &&
                              part[0] == 'R' && all_digits(string_view(part).substr(1));
        id += '-';
        id += r_number ? "(" + part + ")" : part;
    }
    return "https://zoek.officielebekendmakingen.nl/" + id;
}

}  // namespace kamerzoek::corpus
