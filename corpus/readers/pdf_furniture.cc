#include "corpus/readers/pdf_furniture.h"

#include <algorithm>
#include <map>
#include <regex>
#include <set>

namespace kamerzoek::corpus::pdf {
namespace {

// A line's shape with its numbers blanked, so "Pagina 2 van 5" on each page
// counts as the same line.
std::string furniture_key(const std::string& line) {
    std::string key;
    for (const char c : line) {
        if (c >= '0' && c <= '9') {
            if (key.empty() || key.back() != '#') key.push_back('#');
        } else if (c != ' ') {
            key.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        }
    }
    // "4 | 75 Report title" and "Report title" alone (when the page number
    // fell on a line of its own) are the same footer.
    const auto number_part = [](char c) { return c == '#' || c == '|' || c == '/' || c == '-'; };
    while (key.size() > 1 && number_part(key.front())) key.erase(key.begin());
    while (key.size() > 1 && number_part(key.back())) key.pop_back();
    return key;
}

// The lines in a page's margins: the outer tenth of its height, and the two
// lines nearest the top and the bottom when they lie in the outer fifth.
std::vector<std::size_t> margin_lines(const LaidOutPage& page) {
    std::vector<std::size_t> by_height(page.lines.size());
    for (std::size_t i = 0; i < by_height.size(); ++i) by_height[i] = i;
    std::sort(by_height.begin(), by_height.end(),
              [&](std::size_t a, std::size_t b) { return page.lines[a].top < page.lines[b].top; });
    std::set<std::size_t> margins;
    for (std::size_t rank = 0; rank < by_height.size(); ++rank) {
        const TextLine& line = page.lines[by_height[rank]];
        const bool outer_tenth = line.bottom < 0.1 * page.height || line.top > 0.9 * page.height;
        const bool near_top = rank < 2 && line.bottom < 0.2 * page.height;
        const bool near_bottom = rank + 2 >= by_height.size() && line.top > 0.8 * page.height;
        if (outer_tenth || near_top || near_bottom) margins.insert(by_height[rank]);
    }
    return {margins.begin(), margins.end()};
}

// "Inleiding ........ 4": a line of a table of contents, which points to
// text rather than being it. Dot leaders (or ellipses) run up to a number.
bool is_contents_line(const std::string& line) {
    static const std::regex pattern(R"((\.{5,}|(…\s*){3,}|(\. ){5,})\s*\d{1,4}$)");
    return line.size() < 400 && std::regex_search(line, pattern);
}

}  // namespace

bool is_page_number(const std::string& line) {
    static const std::regex pattern(
        R"(^(-\s*)?(pagina|page|blad)?\s*\d{1,4}(\s*(/|\||van|of)\s*\d{1,4})?(\s*-)?$)",
        std::regex::icase);
    return !line.empty() && line.size() <= 24 && std::regex_match(line, pattern);
}

std::vector<std::string> drop_page_furniture(std::vector<LaidOutPage>& pages) {
    std::vector<std::string> dropped_from_first;
    std::map<std::string, std::size_t> pages_with;
    std::vector<std::vector<std::size_t>> margins;
    for (const LaidOutPage& page : pages) {
        margins.push_back(margin_lines(page));
        std::set<std::string> keys;
        for (const std::size_t i : margins.back()) keys.insert(furniture_key(page.lines[i].text));
        for (const std::string& key : keys) ++pages_with[key];
    }
    const std::size_t needed = std::max<std::size_t>(2, (pages.size() * 6 + 5) / 10);
    for (std::size_t p = 0; p < pages.size(); ++p) {
        std::vector<bool> drop(pages[p].lines.size(), false);
        for (std::size_t i = 0; i < drop.size(); ++i) {
            drop[i] = is_contents_line(pages[p].lines[i].text);
        }
        for (const std::size_t i : margins[p]) {
            const std::string& text = pages[p].lines[i].text;
            const std::string key = furniture_key(text);
            // A number alone is furniture only when long: a document number
            // stamped on every page ("204737" on a Woo release), not a
            // page number, which is_page_number() tells apart.
            const bool shaped = key.size() > 1 || text.size() >= 5;
            const bool running = pages.size() >= 2 && shaped && pages_with[key] >= needed;
            drop[i] = drop[i] || running || is_page_number(text);
        }
        std::vector<TextLine> kept;
        for (std::size_t i = 0; i < drop.size(); ++i) {
            if (!drop[i]) {
                kept.push_back(std::move(pages[p].lines[i]));
            } else if (p == 0) {
                dropped_from_first.push_back(pages[p].lines[i].text);
            }
        }
        pages[p].lines = std::move(kept);
    }
    return dropped_from_first;
}

}  // namespace kamerzoek::corpus::pdf
