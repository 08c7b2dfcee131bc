// The function words of Dutch and English, in one list per language: which
// of them a query drops (stopwords) and which tell the two languages apart
// in running text (markers, frequent in one language and rare in the other;
// "de" and "in" occur in both, so only one of them is a marker).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "corpus/document.h"

namespace kamerzoek {

/// Whether `folded` is a function word of `language` that a query drops from
/// its free text. Unknown language: never.
bool is_stopword(std::string_view folded, corpus::Language language);

/// Whether `folded` is one of the frequent function words that mark text as
/// `language` (corpus/language.cc counts them).
bool is_language_marker(std::string_view folded, corpus::Language language);

/// The language whose stopwords a query uses more: Dutch, English, or
/// unknown when it uses none or as many of each.
corpus::Language query_language(const std::vector<std::string>& folded_words);

}  // namespace kamerzoek
