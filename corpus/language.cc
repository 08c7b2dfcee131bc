#include "corpus/language.h"

#include <string>

#include "analysis/function_words.h"

namespace kamerzoek::corpus {
namespace {

constexpr int kMinimumEvidence = 3;  // marker words needed before deciding

}  // namespace

Language detect_language(std::string_view text, Language fallback) {
    int dutch = 0;
    int english = 0;
    std::string word;
    auto count_word = [&] {
        if (word.empty()) return;
        if (is_language_marker(word, Language::kDutch)) ++dutch;
        if (is_language_marker(word, Language::kEnglish)) ++english;
        word.clear();
    };
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x80 && std::isalpha(u)) {
            word.push_back(static_cast<char>(std::tolower(u)));
        } else {
            count_word();
        }
    }
    count_word();
    if (dutch + english < kMinimumEvidence) return fallback;
    // A clear majority decides; a near tie (a Dutch sentence quoting an
    // English title, say) keeps what the surrounding text says.
    if (dutch >= 2 * english) return Language::kDutch;
    if (english >= 2 * dutch) return Language::kEnglish;
    return fallback != Language::kUnknown
               ? fallback
               : (dutch >= english ? Language::kDutch : Language::kEnglish);
}

}  // namespace kamerzoek::corpus
