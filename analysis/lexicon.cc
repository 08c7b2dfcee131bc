#include "analysis/lexicon.h"

#include <cstdint>
#include <cstdio>

#include "analysis/sorted_lines.h"

namespace kamerzoek {
namespace {

// kFromDutch, kFromEnglish, kDutchWords, kEnglishWords and kDutchTerms (the
// one-word Dutch terms), written by scripts/build-lexicon.py at build time
// (analysis/CMakeLists.txt).
#include "analysis/lexicon_tsv.inc"

// FNV-1a: stable across compilers and runs, unlike std::hash.
std::uint64_t fnv1a(std::string_view text, std::uint64_t hash = 0xcbf29ce484222325ULL) {
    for (const char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

}  // namespace

std::string_view lexicon_pairs(corpus::Language from) {
    return from == corpus::Language::kEnglish ? literal_text(kFromEnglish)
                                              : literal_text(kFromDutch);
}

std::string_view lexicon_words(corpus::Language language) {
    return language == corpus::Language::kEnglish ? literal_text(kEnglishWords)
                                                  : literal_text(kDutchWords);
}

bool in_dutch_lexicon(std::string_view folded) {
    return folded.size() >= kMinLexiconPartLength && has_line(literal_text(kDutchTerms), folded);
}

std::string lexicon_identity() {
    // The pairs from Dutch hold every pair; the rest is derived from them.
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx",
                  static_cast<unsigned long long>(fnv1a(literal_text(kFromDutch))));
    return std::string("lexicon=") + hex;
}

}  // namespace kamerzoek
