// Dropping function words from the free text of a query so that it ranks on
// its content words (the lists: analysis/function_words.h). Phrases keep them.
#pragma once

#include <xapian.h>

#include <string>

#include "corpus/document.h"

namespace kamerzoek {

/// Drops a word when it is a function word of the query's language; when the
/// language is unknown, only when it is one in both (a Dutch "die" or "is"
/// can be an English content word and the other way round).
class BilingualStopper final : public Xapian::Stopper {
  public:
    void set_language(corpus::Language language) { language_ = language; }
    bool operator()(const std::string& term) const override;
    std::string get_description() const override { return "BilingualStopper"; }

  private:
    corpus::Language language_ = corpus::Language::kUnknown;
};

}  // namespace kamerzoek
