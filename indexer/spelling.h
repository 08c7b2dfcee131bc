// Spelling suggestions from the index's own vocabulary: no separate spelling
// table, so every index can suggest, however it was built.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>

namespace kamerzoek {

/// Optimal string alignment distance (insertions, deletions, substitutions
/// and swaps of neighbours) between two folded words, counted in bytes.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// Letters a suggestion shares with the word it corrects: typos are rarer
/// in the first letters, and a shared start keeps the scan short.
constexpr std::size_t kSpellingSharedStart = 2;

/// Edits a correction of `folded` may make: 1 for words up to 5 letters, else 2.
std::size_t allowed_spelling_edits(std::string_view folded);

/// The indexed word (unprefixed, folded) closest to `folded` that shares its
/// first two letters: within 1 edit for words up to 5 letters, else 2; ties
/// go to the word in most passages. Empty when there is none.
std::string closest_indexed_word(const Xapian::Database& db, const std::string& folded);

}  // namespace kamerzoek
