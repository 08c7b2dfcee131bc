// Function words of Dutch and English, dropped from the free text of a query
// so that it ranks on its content words. Phrases keep them.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "corpus/document.h"

namespace kamerzoek {

bool is_dutch_stopword(const std::string& folded);
bool is_english_stopword(const std::string& folded);

/// The language whose function words a query uses more: Dutch, English, or
/// unknown when it uses none or as many of each.
corpus::Language query_language(const std::vector<std::string>& folded_words);

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
