#include "searcher/stopwords.h"

#include <algorithm>
#include <iterator>
#include <string_view>

namespace kamerzoek {
namespace {

// Folded (lower case, no diacritics).
constexpr std::string_view kDutch[] = {
    "aan",   "al",    "alle",   "als",    "bij",     "dan",    "dat",       "de",     "der",
    "des",   "deze",  "die",    "dit",    "door",    "dus",    "een",       "en",     "er",
    "ge",    "had",   "heb",    "hebben", "heeft",   "hem",    "het",       "hier",   "hij",
    "hoe",   "hun",   "ik",     "in",     "is",      "je",     "kan",       "kon",    "maar",
    "me",    "met",   "mij",    "na",     "naar",    "niet",   "nog",       "nu",     "of",
    "om",    "omdat", "ons",    "onze",   "ook",     "op",     "over",      "te",     "tegen",
    "ten",   "ter",   "toch",   "tot",    "u",       "uit",    "uw",        "van",    "veel",
    "voor",  "waar",  "waren",  "was",    "wat",     "we",     "wel",       "werd",   "wie",
    "wij",   "wil",   "worden", "wordt",  "zal",     "ze",     "zich",      "zij",    "zijn",
    "zo",    "zou",   "zouden", "zullen", "zonder",  "welke",  "hetzelfde", "daar",   "doen",
    "geen",  "haar",  "iets",   "kunnen", "moet",    "moeten", "reeds",     "tussen", "tijdens",
    "onder", "via",   "binnen", "sinds",  "hierbij", "daarom", "echter",    "zowel"};

constexpr std::string_view kEnglish[] = {
    "a",     "about",   "after",  "all",     "also",  "an",    "and",     "any",    "are",
    "as",    "at",      "be",     "been",    "being", "but",   "by",      "can",    "could",
    "did",   "do",      "does",   "for",     "from",  "had",   "has",     "have",   "he",
    "her",   "his",     "how",    "i",       "if",    "in",    "into",    "is",     "it",
    "its",   "may",     "me",     "more",    "most",  "must",  "my",      "no",     "not",
    "of",    "on",      "or",     "other",   "our",   "shall", "she",     "should", "so",
    "some",  "such",    "than",   "that",    "the",   "their", "them",    "then",   "there",
    "these", "they",    "this",   "those",   "to",    "under", "up",      "upon",   "was",
    "we",    "were",    "what",   "when",    "where", "which", "while",   "who",    "whom",
    "why",   "will",    "with",   "would",   "you",   "your",  "between", "during", "against",
    "over",  "through", "within", "without", "both",  "each",  "only",    "very"};

template <std::size_t N>
bool contains(const std::string_view (&list)[N], const std::string& word) {
    return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

}  // namespace

bool is_dutch_stopword(const std::string& folded) { return contains(kDutch, folded); }
bool is_english_stopword(const std::string& folded) { return contains(kEnglish, folded); }

corpus::Language query_language(const std::vector<std::string>& folded_words) {
    const auto dutch = std::count_if(folded_words.begin(), folded_words.end(), is_dutch_stopword);
    const auto english =
        std::count_if(folded_words.begin(), folded_words.end(), is_english_stopword);
    if (dutch > english) return corpus::Language::kDutch;
    if (english > dutch) return corpus::Language::kEnglish;
    return corpus::Language::kUnknown;
}

bool BilingualStopper::operator()(const std::string& term) const {
    switch (language_) {
        case corpus::Language::kDutch:
            return is_dutch_stopword(term);
        case corpus::Language::kEnglish:
            return is_english_stopword(term);
        default:
            return is_dutch_stopword(term) && is_english_stopword(term);
    }
}

}  // namespace kamerzoek
