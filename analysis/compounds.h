// Splitting Dutch compounds ("terrorismefinanciering" -> "terrorisme",
// "financiering") into parts that are themselves known words, so that a
// query for the parts finds the compound and the other way round.
//
// Which words count as known is the caller's choice: at index time the
// built-in seed lexicon plus the words of the document being indexed (so a
// document's parts never depend on what else is in the index, and
// re-indexing it gives the same terms), at query time the seed lexicon plus
// the index's own vocabulary.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace kamerzoek {

/// True when `folded` is in the built-in lexicon of common Dutch words of
/// parliamentary and policy text.
bool in_seed_lexicon(std::string_view folded);

class CompoundSplitter {
  public:
    using IsKnown = std::function<bool(const std::string& folded)>;

    explicit CompoundSplitter(IsKnown is_known);

    /// The parts of a compound in dictionary form, linking -s-, -e- and -en-
    /// removed ("veiligheidsbeleid" -> "veiligheid", "beleid"), or an empty
    /// vector when `folded` is not a compound of known words.
    std::vector<std::string> split(const std::string& folded) const;

    /// Words shorter than this are never split.
    static constexpr std::size_t kMinCompoundLength = 8;
    /// Parts shorter than this are not accepted.
    static constexpr std::size_t kMinPartLength = 4;

  private:
    std::vector<std::string> split_from(const std::string& word, std::size_t depth) const;

    IsKnown is_known_;
};

}  // namespace kamerzoek
