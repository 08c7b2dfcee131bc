// The Dutch-English lexicon generated at build time by
// scripts/build-lexicon.py from Debian's FreeDict dictionaries and parallel
// text (docs/RANKING.md), compiled into the library as sorted lines that are
// searched where they lie: using it costs nothing at start. The searcher
// expands query words with it; its identity is part of
// Analyzer::signature(), so an index records which lexicon its queries were
// measured with.
#pragma once

#include <string>
#include <string_view>

#include "corpus/document.h"

namespace kamerzoek {

/// The pairs, one a line "term<TAB>translation<TAB>weight", the term in
/// language `from` (Dutch or English) and the translation in the other,
/// each folded words without function words separated by single spaces,
/// weights in (0, 1]; sorted by byte (analysis/sorted_lines.h). A pair
/// both sources give is there twice.
std::string_view lexicon_pairs(corpus::Language from);

/// The words of the terms of `language`, sorted, one a line.
std::string_view lexicon_words(corpus::Language language);

/// A short hash of the lexicon ("lexicon=1f3a...").
std::string lexicon_identity();

/// Whether `folded` is a single Dutch word of the lexicon at least
/// kMinLexiconPartLength long: known enough to be a compound's part
/// ("defensie" and "doeleinden" in "defensiedoeleinden").
bool in_dutch_lexicon(std::string_view folded);

/// Shorter lexicon words are too often pieces of other words to split on.
constexpr std::size_t kMinLexiconPartLength = 5;

}  // namespace kamerzoek
