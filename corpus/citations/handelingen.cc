// Citations of the Handelingen and their Aanhangsel: "Handelingen II
// 2015/16, nr. 26, items 5 en 16", "Aanhangsel Handelingen II 2019/20, nr. 89".
#include "corpus/citations/scanner.h"

namespace kamerzoek::corpus::citations {

std::optional<Match> Scanner::try_aanhangsel(size_t p) const {
    size_t e = match_word(p, "aanhangsel");
    if (e == kNone) {
        e = match_word(p, "aanh");
        if (e == kNone || at(e) != '.') return std::nullopt;
        ++e;
    }
    size_t q = skip_ws(e);
    for (string_view w : {"van de", "bij de", "der"}) {
        if (size_t r = match_word(q, w); r != kNone) {
            q = skip_ws(r);
            break;
        }
    }
    return try_handelingen(p, q, true);
}

// "Handelingen II 2015/16, nr. 26, items 5 en 16[, blz. 3]"; "Hand." too.
std::optional<Match> Scanner::try_handelingen(size_t begin, size_t p, bool aanhangsel) const {
    size_t e = match_word(p, "handelingen");
    if (e == kNone) {
        e = match_word(p, "hand");
        if (e == kNone || at(e) != '.') return std::nullopt;
        ++e;
    }
    const Session session = parse_session(e);
    if (session.year.empty()) return std::nullopt;
    const size_t q = skip_comma(session.end);
    Match m;
    m.begin = begin;
    size_t nr = match_nr_word(q);
    // "Handelingen II 2014/15, 96, item 3" leaves out "nr.".
    if (nr == kNone && !aanhangsel && issue_before_item(q)) nr = q;
    if (nr == kNone) {
        // "Bijl. Handelingen II 1985/86, 19 200, nr. 3" cites a Kamerstuk.
        if (aanhangsel) return std::nullopt;
        m.end = parse_kamerstuk_list(q, true, m);
        if (m.end == kNone) return std::nullopt;
        return m;
    }
    if (session.chamber.empty()) return std::nullopt;
    m.end = parse_issues(nr, session, aanhangsel, m);
    if (m.end == kNone) return std::nullopt;
    m.end = skip_pages(m.end);
    return m;
}

bool Scanner::issue_before_item(size_t p) const {
    const auto issue = parse_value(p, false);
    if (!issue) return false;
    const size_t q = skip_comma(issue->second);
    return match_word(q, "items") != kNone || match_word(q, "item") != kNone;
}

// "nr. 26, items 5 en 16 en nr. 27, item 8" after the session.
size_t Scanner::parse_issues(size_t nr_end, const Session& session, bool aanhangsel,
                             Match& m) const {
    const bool items = !aanhangsel;
    size_t end = kNone;
    while (true) {
        auto issues = parse_list(skip_ws(nr_end), false);
        if (!issues) return end;
        end = issues->end;
        std::optional<NumberList> item_list;
        if (items && issues->values.size() == 1) {
            const size_t q = skip_comma(end);
            for (string_view w : {"items", "item", "agendapunten", "agendapunt"}) {
                if (size_t e = match_word(q, w); e != kNone) {
                    item_list = parse_list(skip_ws(e), false);
                    break;
                }
            }
        }
        if (item_list) {
            end = item_list->end;
            for (const string& item : item_list->values) {
                m.ids.push_back(OfficialId::handelingen(session.chamber, session.year,
                                                        issues->values[0], item));
            }
        } else {
            for (const string& issue : issues->values) {
                m.ids.push_back(
                    aanhangsel ? OfficialId::aanhangsel(session.chamber, session.year, issue)
                               : OfficialId::handelingen(session.chamber, session.year, issue));
            }
        }
        // "... en nr. 27, item 8" continues in the same session.
        const auto sep = parse_separator(skip_ws(end));
        if (!sep || sep->second || m.ids.size() >= kMaxIds) return end;
        nr_end = match_nr_word(skip_ws(sep->first));
        if (nr_end == kNone) return end;
    }
}

}  // namespace kamerzoek::corpus::citations
