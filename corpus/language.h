// Telling Dutch from English by the text itself.
#pragma once

#include <string_view>

#include "corpus/document.h"

namespace kamerzoek::corpus {

/// The language of `text`, from the frequency of each language's most
/// common function words. Returns `fallback` when the text is too short or
/// too mixed to tell.
Language detect_language(std::string_view text, Language fallback = Language::kUnknown);

}  // namespace kamerzoek::corpus
