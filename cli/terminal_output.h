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

}  // namespace kamerzoek::cli
