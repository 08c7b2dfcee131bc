// Turning a file's bytes into clean UTF-8: byte-order marks, line endings,
// double-encoded UTF-8 and legacy 8-bit encodings.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kamerzoek::corpus {

struct DecodedText {
    std::string utf8;                  // valid UTF-8, BOM removed, LF line ends
    std::vector<std::string> repairs;  // what was repaired, for the run summary
};

/// Decodes `bytes` to UTF-8. Throws ReadError (corpus/reader.h) for empty or
/// binary input, naming the line of the first offending byte where known.
///
/// Repairs on the way, each noted in `repairs`:
/// - UTF-16/UTF-32 with a byte-order mark is converted;
/// - invalid UTF-8 is detected with ICU (Windows-1252, Latin-1 and their
///   kin) and converted; a file that is mostly UTF-8 with a few stray legacy
///   lines has just those lines converted;
/// - double-encoded UTF-8 ("cliÃ«nten") is repaired line by line;
/// - byte-order marks that were saved as text ("ï»¿", U+FEFF) at the start
///   are removed.
DecodedText decode_text(std::string_view bytes);

/// Whether `bytes` is valid UTF-8. On failure sets `bad_offset` to the
/// first invalid byte.
bool is_valid_utf8(std::string_view bytes, std::size_t* bad_offset = nullptr);

/// 1-based line and column of a byte offset.
std::pair<int, int> line_and_column(std::string_view text, std::size_t offset);

/// Repairs UTF-8 that was decoded as Latin-1/Windows-1252 and encoded again
/// ("cliÃ«nten" -> "cliënten"), line by line. Returns the number of
/// characters repaired; `text` must be valid UTF-8.
std::size_t repair_double_encoded_utf8(std::string& text);

/// Unicode NFC of valid UTF-8 (composed "ë" rather than "e" + diaeresis).
std::string to_nfc(std::string_view utf8);

/// Runs of white space (including no-break and other Unicode spaces) become
/// one ASCII space; leading and trailing white space is dropped.
std::string collapse_whitespace(std::string_view utf8);

}  // namespace kamerzoek::corpus
