#include "searcher/stopwords.h"

#include "analysis/function_words.h"

namespace kamerzoek {

bool BilingualStopper::operator()(const std::string& term) const {
    if (language_ != corpus::Language::kUnknown) return is_stopword(term, language_);
    return is_stopword(term, corpus::Language::kDutch) &&
           is_stopword(term, corpus::Language::kEnglish);
}

}  // namespace kamerzoek
