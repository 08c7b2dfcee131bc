#include "analysis/lexicon.h"

#include <cstdint>
#include <cstdio>
#include <unordered_set>

namespace kamerzoek {
namespace {

// Written by scripts/build-lexicon.py at build time (analysis/CMakeLists.txt);
// an array, since a string_view of it would be measured at compile time.
constexpr char kLexiconText[] =
#include "analysis/lexicon_tsv.inc"
    ;
constexpr std::string_view kLexiconTsv(kLexiconText, sizeof kLexiconText - 1);

// FNV-1a: stable across compilers and runs, unlike std::hash.
std::uint64_t fnv1a(std::string_view text) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (const char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

// The one-word Dutch terms of the lexicon (its first column).
std::unordered_set<std::string_view> dutch_words() {
    std::unordered_set<std::string_view> words;
    std::size_t line_start = 0;
    while (line_start < kLexiconTsv.size()) {
        std::size_t line_end = kLexiconTsv.find('\n', line_start);
        if (line_end == std::string_view::npos) line_end = kLexiconTsv.size();
        const std::string_view line = kLexiconTsv.substr(line_start, line_end - line_start);
        const std::string_view dutch = line.substr(0, line.find('\t'));
        if (!line.starts_with('#') && dutch.size() >= kMinLexiconPartLength &&
            dutch.find(' ') == std::string_view::npos) {
            words.insert(dutch);
        }
        line_start = line_end + 1;
    }
    return words;
}

}  // namespace

std::string_view lexicon_tsv() { return kLexiconTsv; }

bool in_dutch_lexicon(std::string_view folded) {
    static const std::unordered_set<std::string_view> words = dutch_words();
    return words.count(folded) > 0;
}

std::string lexicon_identity() {
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(fnv1a(kLexiconTsv)));
    return std::string("lexicon=") + hex;
}

}  // namespace kamerzoek
