#include "corpus/encoding.h"

#include <unicode/normalizer2.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <memory>
#include <optional>

#include "corpus/reader.h"

namespace kamerzoek::corpus {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
// A UTF-8 BOM that went through Latin-1 once more: "ï»¿" as text.
constexpr std::string_view kTextBom = "\xC3\xAF\xC2\xBB\xC2\xBF";

// Windows-1252 bytes 0x80..0x9F; 0 where the code page leaves a hole.
constexpr std::array<char32_t, 32> kCp1252High = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

// Length of the UTF-8 sequence starting at `p`, or 0 when it is invalid
// (overlong forms, surrogates and code points past U+10FFFF included).
std::size_t utf8_sequence_length(const unsigned char* p, std::size_t available) {
    const unsigned char c = p[0];
    if (c < 0x80) return 1;
    std::size_t length = 0;
    unsigned char min_second = 0x80, max_second = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
        length = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        length = 3;
        if (c == 0xE0) min_second = 0xA0;
        if (c == 0xED) max_second = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        length = 4;
        if (c == 0xF0) min_second = 0x90;
        if (c == 0xF4) max_second = 0x8F;
    } else {
        return 0;
    }
    if (available < length) return 0;
    if (p[1] < min_second || p[1] > max_second) return 0;
    for (std::size_t i = 2; i < length; ++i) {
        if ((p[i] & 0xC0) != 0x80) return 0;
    }
    return length;
}

// Decodes valid UTF-8 to code points.
std::u32string to_code_points(std::string_view utf8) {
    std::u32string out;
    out.reserve(utf8.size());
    const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
    std::size_t i = 0;
    while (i < utf8.size()) {
        std::size_t length = utf8_sequence_length(p + i, utf8.size() - i);
        if (length == 0) length = 1;  // cannot happen for valid input; stay safe
        char32_t cp = length == 1 ? p[i] : p[i] & (0x7F >> length);
        for (std::size_t k = 1; k < length; ++k) cp = (cp << 6) | (p[i + k] & 0x3F);
        out.push_back(cp);
        i += length;
    }
    return out;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

// The byte a code point came from when UTF-8 was misread as Latin-1 or
// Windows-1252, or -1 when no single byte maps to it.
int misread_byte(char32_t cp) {
    if (cp < 0x100) return static_cast<int>(cp);
    const auto* it = std::find(kCp1252High.begin(), kCp1252High.end(), cp);
    return it == kCp1252High.end() ? -1 : 0x80 + static_cast<int>(it - kCp1252High.begin());
}

// Repairs one line of code points in place; returns the number of repaired
// characters. A line qualifies only if every character could have come from
// a single misread byte: genuine text beyond Latin-1 means it is not damaged.
std::size_t repair_line(std::u32string& line) {
    std::string bytes;
    for (const char32_t cp : line) {
        const int byte = misread_byte(cp);
        if (byte < 0) return 0;
        bytes.push_back(static_cast<char>(byte));
    }
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    std::u32string repaired;
    std::size_t count = 0;
    std::size_t i = 0;
    while (i < bytes.size()) {
        const std::size_t length = p[i] < 0x80 ? 1 : utf8_sequence_length(p + i, bytes.size() - i);
        if (length >= 2) {
            repaired += to_code_points(std::string_view(bytes).substr(i, length));
            ++count;
            i += length;
        } else {
            repaired.push_back(line[i]);
            ++i;
        }
    }
    if (count > 0) line = std::move(repaired);
    return count;
}

// Binary files have NUL bytes or many control characters early on.
bool looks_binary(std::string_view bytes) {
    const std::string_view head = bytes.substr(0, 8192);
    if (head.find('\0') != std::string_view::npos) return true;
    const auto controls = std::count_if(head.begin(), head.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f';
    });
    return controls * 20 > static_cast<long>(head.size());
}

std::string normalise_line_ends(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') {
            out.push_back('\n');
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        } else {
            out.push_back(text[i]);
        }
    }
    return out;
}

// Converts bytes in a named charset to UTF-8 with ICU (unmappable bytes
// become U+FFFD).
std::string convert_to_utf8(std::string_view bytes, const char* charset) {
    const icu::UnicodeString text(bytes.data(), static_cast<int32_t>(bytes.size()), charset);
    std::string out;
    text.toUTF8String(out);
    return out;
}

// UTF-16 and UTF-32 announce themselves with a byte-order mark; without one
// they look binary (NUL bytes) and are refused.
const char* unicode_bom_charset(std::string_view bytes) {
    if (bytes.starts_with(std::string_view("\xFF\xFE\0\0", 4))) return "UTF-32LE";
    if (bytes.starts_with(std::string_view("\0\0\xFE\xFF", 4))) return "UTF-32BE";
    if (bytes.starts_with("\xFF\xFE")) return "UTF-16LE";
    if (bytes.starts_with("\xFE\xFF")) return "UTF-16BE";
    return nullptr;
}

struct DetectedCharset {
    std::string name;
    int confidence = 0;
};

DetectedCharset detect_charset(std::string_view bytes) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> detector(ucsdet_open(&status),
                                                                        &ucsdet_close);
    if (U_FAILURE(status)) return {};
    ucsdet_setText(detector.get(), bytes.data(), static_cast<int32_t>(bytes.size()), &status);
    const UCharsetMatch* match = ucsdet_detect(detector.get(), &status);
    if (U_FAILURE(status) || match == nullptr) return {};
    DetectedCharset detected;
    const char* name = ucsdet_getName(match, &status);
    detected.confidence = ucsdet_getConfidence(match, &status);
    if (U_FAILURE(status) || name == nullptr) return {};
    detected.name = name;
    return detected;
}

// The 8-bit charsets a Dutch or English document plausibly comes in. ICU
// tells the Latin family apart by letter statistics, which is unreliable
// for short texts, so they all decode as Windows-1252 (the superset of
// Latin-1 that Windows editors actually write).
std::optional<std::string> western_charset(const DetectedCharset& detected) {
    static constexpr std::array<std::string_view, 7> kLatin = {
        "ISO-8859-1",   "windows-1252", "ISO-8859-15", "ISO-8859-9",
        "windows-1254", "ISO-8859-2",   "windows-1250"};
    if (std::find(kLatin.begin(), kLatin.end(), detected.name) == kLatin.end()) return {};
    if (detected.name == "ISO-8859-2" || detected.name == "windows-1250") return detected.name;
    return "windows-1252";
}

// Text with a few high bytes among ASCII is legacy-encoded text; a file
// that is mostly high bytes is not a Western document.
bool mostly_ascii(std::string_view bytes) {
    const auto high = std::count_if(bytes.begin(), bytes.end(),
                                    [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    return high * 4 < static_cast<long>(bytes.size());
}

// Counts multibyte UTF-8 sequences: a file that has them was written as
// UTF-8, so any invalid bytes are local damage.
std::size_t count_utf8_multibyte(std::string_view bytes) {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    std::size_t count = 0;
    for (std::size_t i = 0; i < bytes.size();) {
        const std::size_t length = utf8_sequence_length(p + i, bytes.size() - i);
        if (length >= 2) ++count;
        i += std::max<std::size_t>(length, 1);
    }
    return count;
}

// Mostly-UTF-8 files with some lines in Windows-1252 (text pasted from an
// old file): converts just the lines that are not valid UTF-8.
std::string convert_invalid_lines(std::string_view bytes, std::size_t& converted) {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    std::size_t start = 0;
    while (start < bytes.size()) {
        std::size_t end = bytes.find('\n', start);
        end = end == std::string_view::npos ? bytes.size() : end + 1;
        const std::string_view line = bytes.substr(start, end - start);
        if (is_valid_utf8(line)) {
            out.append(line);
        } else {
            out += convert_to_utf8(line, "windows-1252");
            ++converted;
        }
        start = end;
    }
    return out;
}

// Invalid UTF-8: converts from the legacy encoding, or throws when none fits.
std::string decode_legacy(std::string_view bytes, std::size_t bad_offset,
                          std::vector<std::string>& repairs) {
    if (count_utf8_multibyte(bytes) > 0 && mostly_ascii(bytes)) {
        std::size_t converted = 0;
        std::string out = convert_invalid_lines(bytes, converted);
        repairs.push_back("converted " + std::to_string(converted) +
                          (converted == 1 ? " line" : " lines") + " from windows-1252");
        return out;
    }
    const DetectedCharset detected = detect_charset(bytes);
    const auto charset = western_charset(detected);
    if (!charset || !mostly_ascii(bytes)) {
        const auto [line, column] = line_and_column(bytes, bad_offset);
        throw ReadError("not valid UTF-8, and not in a recognised encoding" +
                            (detected.name.empty() ? "" : " (looks like " + detected.name + ")"),
                        line, column);
    }
    repairs.push_back("converted from " + *charset);
    return convert_to_utf8(bytes, charset->c_str());
}

// Byte-order marks saved as text before the content: U+FEFF characters, or
// "ï»¿" when the line could not be repaired as a whole.
bool strip_text_boms(std::string& text) {
    constexpr std::string_view kFeff = "\xEF\xBB\xBF";
    std::size_t start = 0;
    bool stripped = false;
    for (;;) {
        if (std::string_view(text).substr(start).starts_with(kFeff)) {
            start += kFeff.size();
        } else if (std::string_view(text).substr(start).starts_with(kTextBom)) {
            start += kTextBom.size();
        } else {
            break;
        }
        stripped = true;
    }
    text.erase(0, start);
    return stripped;
}

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
    return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

bool is_space(char32_t cp) {
    return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
           (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
           cp == 0x205F || cp == 0x3000;
}

// Zero-width characters that only ever get in the way of matching words.
bool is_invisible(char32_t cp) { return cp == 0x200B || cp == 0xFEFF || cp == 0xAD; }

}  // namespace

bool is_valid_utf8(std::string_view bytes, std::size_t* bad_offset) {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    std::size_t i = 0;
    while (i < bytes.size()) {
        const std::size_t length = utf8_sequence_length(p + i, bytes.size() - i);
        if (length == 0) {
            if (bad_offset) *bad_offset = i;
            return false;
        }
        i += length;
    }
    return true;
}

std::pair<int, int> line_and_column(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    const std::string_view before = text.substr(0, offset);
    const int line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
    const std::size_t line_start = before.rfind('\n');
    const int column =
        1 +
        static_cast<int>(line_start == std::string_view::npos ? offset : offset - line_start - 1);
    return {line, column};
}

std::size_t repair_double_encoded_utf8(std::string& text) {
    // Cheap test first: every misread multibyte sequence starts with a
    // character in U+00C2..U+00F4, written as C3 xx in UTF-8.
    if (text.find('\xC3') == std::string::npos) return 0;
    std::string out;
    out.reserve(text.size());
    std::size_t repaired = 0;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        end = end == std::string::npos ? text.size() : end + 1;
        const std::string_view line = std::string_view(text).substr(start, end - start);
        std::u32string cps = to_code_points(line);
        // Text damaged twice needs a second pass; three is plenty.
        std::size_t line_repaired = 0;
        for (int pass = 0; pass < 3; ++pass) {
            const std::size_t n = repair_line(cps);
            if (n == 0) break;
            line_repaired += n;
        }
        if (line_repaired == 0) {
            out.append(line);
        } else {
            for (const char32_t cp : cps) append_utf8(out, cp);
            repaired += line_repaired;
        }
        start = end;
    }
    text = std::move(out);
    return repaired;
}

DecodedText decode_text(std::string_view bytes) {
    if (bytes.empty()) throw ReadError("empty file");
    DecodedText decoded;
    std::string utf8;
    if (const char* charset = unicode_bom_charset(bytes)) {
        utf8 = convert_to_utf8(bytes, charset);
        decoded.repairs.push_back(std::string("converted from ") + charset);
    } else {
        if (bytes.starts_with(kUtf8Bom)) bytes.remove_prefix(kUtf8Bom.size());
        if (looks_binary(bytes)) throw ReadError("binary file (not text)");
        std::size_t bad = 0;
        utf8 = is_valid_utf8(bytes, &bad) ? std::string(bytes)
                                          : decode_legacy(bytes, bad, decoded.repairs);
    }
    decoded.utf8 = normalise_line_ends(utf8);
    if (const std::size_t n = repair_double_encoded_utf8(decoded.utf8); n > 0) {
        decoded.repairs.push_back("repaired double-encoded UTF-8 (" + plural(n, "place", "places") +
                                  ")");
    }
    if (strip_text_boms(decoded.utf8)) {
        decoded.repairs.push_back("removed a byte-order mark saved as text");
    }
    if (decoded.utf8.find_first_not_of(" \t\n\f") == std::string::npos) {
        throw ReadError("empty file (only whitespace)");
    }
    return decoded;
}

std::string to_nfc(std::string_view utf8) {
    if (std::all_of(utf8.begin(), utf8.end(),
                    [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
        return std::string(utf8);
    }
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) return std::string(utf8);
    const auto text = icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    if (nfc->isNormalized(text, status) && U_SUCCESS(status)) return std::string(utf8);
    status = U_ZERO_ERROR;
    const icu::UnicodeString normalized = nfc->normalize(text, status);
    if (U_FAILURE(status)) return std::string(utf8);
    std::string out;
    normalized.toUTF8String(out);
    return out;
}

std::string collapse_whitespace(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    bool pending_space = false;
    const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
    std::size_t i = 0;
    while (i < utf8.size()) {
        std::size_t length = utf8_sequence_length(p + i, utf8.size() - i);
        if (length == 0) length = 1;
        const std::string_view piece = utf8.substr(i, length);
        const char32_t cp = length == 1 ? p[i] : to_code_points(piece).front();
        i += length;
        if (is_invisible(cp)) continue;
        if (is_space(cp)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out.push_back(' ');
        pending_space = false;
        out.append(piece);
    }
    return out;
}

}  // namespace kamerzoek::corpus
