// Binary search over text made of sorted lines ('\n'-terminated, compared
// by byte), such as the lexicon and word lists compiled into the library:
// they are searched where they lie, so nothing is parsed or sorted when a
// program starts.
#pragma once

#include <cstddef>
#include <string_view>

namespace kamerzoek {

/// The offset of the first line of `lines` that is not before `key` (the
/// end of `lines` when every line is).
inline std::size_t first_line_from(std::string_view lines, std::string_view key) {
    std::size_t low = 0;              // lines starting before low are before key,
    std::size_t high = lines.size();  // those starting at high or after are not
    while (low < high) {
        const std::size_t middle = low + (high - low) / 2;
        // npos + 1 == 0: the first line.
        const std::size_t start = middle == 0 ? 0 : lines.rfind('\n', middle - 1) + 1;
        const std::size_t end = lines.find('\n', start);
        if (lines.substr(start, end - start) < key) {
            low = end + 1;
        } else {
            high = start;
        }
    }
    return low;
}

/// The line starting at `offset` (without its '\n').
inline std::string_view line_at(std::string_view lines, std::size_t offset) {
    const std::size_t end = lines.find('\n', offset);
    return lines.substr(offset,
                        end == std::string_view::npos ? std::string_view::npos : end - offset);
}

/// Whether `word` is a line of `lines`.
inline bool has_line(std::string_view lines, std::string_view word) {
    const std::size_t at = first_line_from(lines, word);
    return at < lines.size() && line_at(lines, at) == word;
}

/// Calls `visit(line)` for each line starting with `prefix`, in order.
template <typename Visit>
void for_lines_starting_with(std::string_view lines, std::string_view prefix, Visit visit) {
    for (std::size_t at = first_line_from(lines, prefix); at < lines.size();) {
        const std::string_view line = line_at(lines, at);
        if (!line.starts_with(prefix)) break;
        visit(line);
        at += line.size() + 1;
    }
}

/// A '\n'-terminated literal as a string_view, without its final NUL.
template <std::size_t N>
constexpr std::string_view literal_text(const char (&literal)[N]) {
    return std::string_view(literal, N - 1);
}

}  // namespace kamerzoek
