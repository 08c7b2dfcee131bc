// The pass over the text: which form to try where, and the References made
// of each match.
#include "corpus/citations/scanner.h"

namespace kamerzoek::corpus::citations {

std::vector<Reference> Scanner::run() {
    std::vector<Reference> out;
    size_t p = 0;
    while (p < s_.size()) {
        const char c = s_[p];
        std::optional<Match> match;
        if (is_letter(c) && word_boundary_before(p)) {
            match = try_keyword(p);
            if (!match) p = word_end(p);
        } else if (is_digit(c) && number_boundary_before(p)) {
            match = try_bare(p);
            if (!match) p = digits_end(p);
        } else {
            ++p;
        }
        if (match) {
            emit(*match, out);
            p = std::max(match->end, p + 1);
        }
    }
    return out;
}

std::optional<Match> Scanner::try_keyword(size_t p) const {
    switch (to_lower(s_[p])) {
        case 'h':
            return try_handelingen(p, p, false);
        case 'a':
            return try_aanhangsel(p);
        case 'k':
            return try_kamerstuk(p);
        case 's':
            if (auto gazette = try_gazette(p)) return gazette;
            return try_relative(p);
        case 't':
            return try_gazette(p);
        case 'd':
        case 'w':
            return try_dossier_word(p);
        case 'n':
            return try_number_then_dossier(p);
        default:
            return std::nullopt;
    }
}

void Scanner::emit(const Match& m, std::vector<Reference>& out) const {
    size_t end = m.end;
    while (end > m.begin && space_len(end - 1) == 1) --end;
    const string cited(s_.substr(m.begin, end - m.begin));
    for (const OfficialId& id : m.ids) {
        out.push_back(Reference{id.str(), id.kind(), cited, m.begin, end});
    }
}

}  // namespace kamerzoek::corpus::citations
