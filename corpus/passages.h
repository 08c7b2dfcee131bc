// Splitting a document's blocks into passages a reader would quote.
#pragma once

#include <cstddef>

#include "corpus/document.h"

namespace kamerzoek::corpus {

struct PassageLimits {
    std::size_t max_chars = 1200;    // longer paragraphs split at sentence ends
    std::size_t target_chars = 500;  // enumerated items pack up to about this
    std::size_t min_chars = 100;     // shorter fragments merge with a neighbour
    // Bytes no passage exceeds: a longer sentence (a list without full
    // stops, a file of one line) is cut at a space, or between characters.
    // Bounds what one passage costs the indexer and the index, whatever
    // the file holds.
    std::size_t hard_max_chars = 3000;
};

/// Fills `document.passages` from `document.blocks`: headings become the
/// section of the passages after them (a "heading" longer than max_chars is
/// taken as text); footnotes, speech turns and motions stay passages of
/// their own (split when long, never merged across turns).
void split_into_passages(Document& document, const PassageLimits& limits = {});

}  // namespace kamerzoek::corpus
