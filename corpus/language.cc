#include "corpus/language.h"

#include <string>
#include <unordered_set>

namespace kamerzoek::corpus {
namespace {

// The most frequent function words of each language, chosen so that no word
// is common in both ("de" and "in" are shared, so only one of them counts).
const std::unordered_set<std::string_view>& dutch_markers() {
    static const std::unordered_set<std::string_view> words{
        "de",   "het",  "een",  "van",    "en",     "dat",   "die",   "niet",  "zijn",  "voor",
        "met",  "op",   "aan",  "er",     "ook",    "als",   "bij",   "door",  "wordt", "worden",
        "naar", "om",   "tot",  "uit",    "maar",   "nog",   "wel",   "heeft", "deze",  "dit",
        "zal",  "kan",  "moet", "hebben", "waarin", "onder", "tegen", "zich",  "wij",   "u",
        "ik",   "mijn", "ons",  "onze",   "geen",   "meer",  "waar",  "omdat", "zoals", "tussen"};
    return words;
}

const std::unordered_set<std::string_view>& english_markers() {
    static const std::unordered_set<std::string_view> words{
        "the",    "of",   "and",     "to",    "those",  "that",  "for",   "it",    "with",
        "as",     "did",  "on",      "be",    "by",     "this",  "are",   "from",  "or",
        "which",  "an",   "have",    "has",   "not",    "shall", "their", "its",   "were",
        "been",   "will", "would",   "there", "they",   "these", "such",  "other", "any",
        "may",    "all",  "into",    "upon",  "could",  "our",   "who",   "what",  "can",
        "should", "must", "between", "under", "whether"};
    return words;
}

constexpr int kMinimumEvidence = 3;  // marker words needed before deciding

}  // namespace

Language detect_language(std::string_view text, Language fallback) {
    int dutch = 0;
    int english = 0;
    std::string word;
    auto count_word = [&] {
        if (word.empty()) return;
        if (dutch_markers().count(word)) ++dutch;
        if (english_markers().count(word)) ++english;
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
