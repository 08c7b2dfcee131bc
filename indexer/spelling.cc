#include "indexer/spelling.h"

#include <algorithm>
#include <vector>

namespace kamerzoek {
namespace {

constexpr std::size_t kShortWord = 5;

std::size_t length_gap(std::string_view a, std::string_view b) {
    return a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
}

}  // namespace

std::size_t allowed_spelling_edits(std::string_view folded) {
    return folded.size() <= kShortWord ? 1 : 2;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
    }
    return d[a.size()][b.size()];
}

std::string closest_indexed_word(const Xapian::Database& db, const std::string& folded) {
    if (folded.size() <= kSpellingSharedStart) return {};
    const std::size_t allowed = allowed_spelling_edits(folded);
    std::string best;
    std::size_t best_distance = allowed + 1;
    Xapian::doccount best_frequency = 0;
    const std::string start = folded.substr(0, kSpellingSharedStart);
    for (auto it = db.allterms_begin(start); it != db.allterms_end(start); ++it) {
        const std::string candidate = *it;
        if (candidate == folded || length_gap(candidate, folded) > allowed) continue;
        const std::size_t distance = edit_distance(candidate, folded);
        const Xapian::doccount frequency = it.get_termfreq();
        if (distance < best_distance || (distance == best_distance && frequency > best_frequency)) {
            best = candidate;
            best_distance = distance;
            best_frequency = frequency;
        }
    }
    return best;
}

}  // namespace kamerzoek
