// How results look in a terminal: colour on a TTY, plain text otherwise.
#pragma once

#include <cstdio>

#include "kamerzoek/types.h"

namespace kamerzoek::cli {

struct Style {
    bool colour = false;
    static Style for_stream(std::FILE* stream);
};

void print_results(std::FILE* out, const SearchResults& results, const Style& style);

/// `kamerzoek show`: metadata, parent or annexes, passages with their
/// references, what the document cites and what in the index cites it.
void print_document(std::FILE* out, const DocumentView& document, const Style& style);

/// `kamerzoek cites`: the citing passages, grouped by document.
void print_cites(std::FILE* out, const CitesResults& results, const Style& style);

}  // namespace kamerzoek::cli
