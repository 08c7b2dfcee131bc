// The Dutch-English lexicon generated at build time by
// scripts/build-lexicon.py from Debian's FreeDict dictionaries and parallel
// text (docs/RANKING.md), compiled into the library. The searcher expands
// query words with it; its identity is part of Analyzer::signature(), so
// an index records which lexicon its queries were measured with.
#pragma once

#include <string>
#include <string_view>

namespace kamerzoek {

/// Lines "dutch<TAB>english<TAB>weight<TAB>source", words folded and
/// separated by single spaces, weights in (0, 1]; '#' starts a comment.
std::string_view lexicon_tsv();

/// A short hash of lexicon_tsv() ("lexicon=1f3a...").
std::string lexicon_identity();

/// Whether `folded` is a single Dutch word of the lexicon at least
/// kMinLexiconPartLength long: known enough to be a compound's part
/// ("defensie" and "doeleinden" in "defensiedoeleinden").
bool in_dutch_lexicon(std::string_view folded);

/// Shorter lexicon words are too often pieces of other words to split on.
constexpr std::size_t kMinLexiconPartLength = 5;

}  // namespace kamerzoek
