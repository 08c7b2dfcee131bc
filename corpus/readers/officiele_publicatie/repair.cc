#include "corpus/readers/officiele_publicatie/repair.h"

#include <algorithm>
#include <functional>
#include <map>

#include "corpus/encoding.h"

namespace kamerzoek::corpus::op {
namespace {

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

constexpr unsigned kParseFlags = pugi::parse_default | pugi::parse_ws_pcdata;

// Makes one local repair at a parse error; false when there is none to make
// (the input ends inside an element: it is truncated).
bool repair_at(std::string& text, const pugi::xml_parse_result& result) {
    const auto offset = static_cast<std::size_t>(std::max<std::ptrdiff_t>(result.offset, 0));
    if (offset >= text.size()) return false;
    if (result.status == pugi::status_end_element_mismatch ||
        result.status == pugi::status_bad_end_element) {
        const std::size_t tag = text.rfind("</", offset);
        if (tag == std::string::npos || offset - tag > 2) return false;
        // A stray end tag: dropping it lets the parser close what is open.
        const std::size_t close = text.find('>', tag);
        text.erase(tag, close == std::string::npos ? std::string::npos : close - tag + 1);
        return true;
    }
    const std::size_t open = text.rfind('<', offset);
    if (open == std::string::npos) return false;
    text.replace(open, 1, "&lt;");  // a '<' that does not start markup
    return true;
}

}  // namespace

// Named character entities of HTML that turn up in hand-edited files; XML
// knows only the five it predefines.
void replace_html_entities(std::string& text) {
    static const std::map<std::string, std::string, std::less<>> kEntities = {
        {"nbsp", "\u00A0"}, {"eacute", "é"},   {"euml", "ë"},   {"iuml", "ï"},   {"ouml", "ö"},
        {"uuml", "ü"},      {"auml", "ä"},     {"egrave", "è"}, {"agrave", "à"}, {"ccedil", "ç"},
        {"ndash", "–"},     {"mdash", "—"},    {"lsquo", "‘"},  {"rsquo", "’"},  {"ldquo", "“"},
        {"rdquo", "”"},     {"hellip", "…"},   {"euro", "€"},   {"sect", "§"},   {"deg", "°"},
        {"copy", "©"},      {"shy", "\u00AD"}, {"bull", "•"},   {"ecirc", "ê"},  {"oacute", "ó"}};
    if (text.find('&') == std::string::npos) return;
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '&') {
            const std::size_t semi = text.find(';', i);
            if (semi != std::string::npos && semi - i <= 8) {
                const auto it = kEntities.find(std::string_view(text).substr(i + 1, semi - i - 1));
                if (it != kEntities.end()) {
                    out += it->second;
                    i = semi;
                    continue;
                }
            }
        }
        out.push_back(text[i]);
    }
    text = std::move(out);
}

// Text before the first tag (a byte-order mark saved as text that could
// not be repaired, stray characters) is blanked, keeping line numbers.
void blank_text_before_markup(std::string& text, std::vector<std::string>& warnings) {
    const std::size_t first = text.find('<');
    const std::size_t end = first == std::string::npos ? text.size() : first;
    bool blanked = false;
    for (std::size_t i = 0; i < end; ++i) {
        if (is_ascii_space(text[i])) continue;
        text[i] = ' ';
        blanked = true;
    }
    if (blanked) warnings.push_back("removed text before the XML declaration");
}

// Parses leniently: a document pugixml rejects is repaired step by step
// (stray end tags dropped, stray '<' escaped), and a truncated one is read
// up to where it breaks off. Returns the first error, if there was one.
std::optional<ParseFailure> parse_xml(std::string text, pugi::xml_document& document,
                                      std::vector<std::string>& warnings) {
    pugi::xml_parse_result result =
        document.load_buffer(text.data(), text.size(), kParseFlags, pugi::encoding_utf8);
    if (result) return {};
    ParseFailure failure{result.description()};
    std::tie(failure.line, failure.column) =
        line_and_column(text, static_cast<std::size_t>(std::max<std::ptrdiff_t>(result.offset, 0)));
    for (int attempt = 0; attempt < 64 && !result && repair_at(text, result); ++attempt) {
        result = document.load_buffer(text.data(), text.size(), kParseFlags, pugi::encoding_utf8);
    }
    const std::string where =
        " at line " + std::to_string(failure.line) + ", column " + std::to_string(failure.column);
    if (result) {
        warnings.push_back("repaired XML that is not well-formed (" + failure.description + where +
                           ")");
    } else if (document.document_element()) {
        warnings.push_back("XML is cut short or broken (" + failure.description + where +
                           "); read what came before");
    }
    return failure;
}

}  // namespace kamerzoek::corpus::op
