#include "searcher/word_lists.h"

#include <algorithm>

#include "analysis/sorted_lines.h"

namespace kamerzoek {
namespace {

using corpus::Language;

// kEnglishWords and kDutchWords: the lists folded, sorted by byte, one word
// a line, written by scripts/build-word-lists.py at build time
// (searcher/CMakeLists.txt). Searched where they lie, so a search that
// needs them pays nothing to load them.
#include "searcher/word_lists.inc"

}  // namespace

bool is_dictionary_word(const std::string& folded, Language language) {
    if (folded.empty() || folded.find('\n') != std::string::npos) return false;
    if (language != Language::kDutch && has_line(literal_text(kEnglishWords), folded)) {
        return true;
    }
    return language != Language::kEnglish && has_line(literal_text(kDutchWords), folded);
}

namespace {

// Lines of `lines` that end with `ending`.
std::size_t lines_ending_with(std::string_view lines, const std::string& ending) {
    const std::string needle = ending + '\n';
    std::size_t count = 0;
    for (std::size_t at = lines.find(needle); at != std::string_view::npos;
         at = lines.find(needle, at + 1)) {
        ++count;
    }
    return count;
}

std::size_t line_count(std::string_view lines) {
    return static_cast<std::size_t>(std::count(lines.begin(), lines.end(), '\n'));
}

}  // namespace

Language language_by_ending(const std::string& folded) {
    // Shorter words are mostly ending; a few matches prove nothing.
    constexpr std::size_t kMinWordLength = 6;
    constexpr std::size_t kMinMatches = 20;
    constexpr double kClearly = 3.0;  // one language's share over the other's
    if (folded.size() < kMinWordLength) return Language::kUnknown;
    static const std::size_t english_size = line_count(literal_text(kEnglishWords));
    static const std::size_t dutch_size = line_count(literal_text(kDutchWords));
    if (english_size == 0 || dutch_size == 0) return Language::kUnknown;
    const std::string ending = folded.substr(folded.size() - kEndingLength);
    const std::size_t english = lines_ending_with(literal_text(kEnglishWords), ending);
    const std::size_t dutch = lines_ending_with(literal_text(kDutchWords), ending);
    if (english + dutch < kMinMatches) return Language::kUnknown;
    const double english_share = static_cast<double>(english) / english_size;
    const double dutch_share = static_cast<double>(dutch) / dutch_size;
    if (english_share > kClearly * dutch_share) return Language::kEnglish;
    if (dutch_share > kClearly * english_share) return Language::kDutch;
    return Language::kUnknown;
}

}  // namespace kamerzoek
