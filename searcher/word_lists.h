// The system's word lists of English and Dutch (Debian's wbritish and
// wdutch, /usr/share/dict), so that a spelling suggestion never "corrects"
// a real word of either language the index and the lexicon happen to lack
// ("surrogate" is no misspelt "subrogatie").
#pragma once

#include <string>

#include "corpus/document.h"

namespace kamerzoek {

/// Whether `folded` is a word of the `language` word list (unknown: of
/// either), folded (case and diacritics). The lists are compiled in at build time;
/// a missing list knows no words. Safe to call from several threads.
bool is_dictionary_word(const std::string& folded,
                        corpus::Language language = corpus::Language::kUnknown);

/// The language whose word list has, for its size, clearly more words
/// ending as `folded` does (its last kEndingLength letters): "surrogacy"
/// ends like "democracy" and "privacy", not like Dutch words. Unknown when
/// the word is short or neither list clearly wins. Reads both lists whole:
/// for words nothing else places.
corpus::Language language_by_ending(const std::string& folded);

constexpr std::size_t kEndingLength = 3;

}  // namespace kamerzoek
