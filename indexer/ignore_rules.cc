#include "indexer/ignore_rules.h"

#include <fnmatch.h>

namespace kamerzoek {
namespace {

std::vector<std::string> split_path(std::string_view path) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= path.size()) {
        const std::size_t slash = std::min(path.find('/', start), path.size());
        if (slash > start) parts.emplace_back(path.substr(start, slash - start));
        start = slash + 1;
    }
    return parts;
}

// One name against one pattern. fnmatch with FNM_PATHNAME never lets `*`
// or `?` stand for a '/'; gitignore's `*` also matches a leading dot.
bool name_matches(const std::string& pattern, const std::string& name) {
    return ::fnmatch(pattern.c_str(), name.c_str(), FNM_PATHNAME) == 0;
}

// `**` stands for any number of names, the one thing gitignore adds to
// fnmatch: none at all inside a pattern ("a/**/b" matches "a/b"), at least
// one at its end ("a/**" is what a/ holds, not a/ itself).
bool components_match(const std::vector<std::string>& pattern, std::size_t p,
                      const std::vector<std::string>& path, std::size_t n) {
    if (p == pattern.size()) return n == path.size();
    if (pattern[p] == "**") {
        const std::size_t least = p + 1 == pattern.size() ? 1 : 0;
        for (std::size_t skip = n + least; skip <= path.size(); ++skip) {
            if (components_match(pattern, p + 1, path, skip)) return true;
        }
        return false;
    }
    return n < path.size() && name_matches(pattern[p], path[n]) &&
           components_match(pattern, p + 1, path, n + 1);
}

// Trailing spaces end a line unless escaped with a backslash.
std::string_view trim_line(std::string_view line) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    while (!line.empty() && line.back() == ' ' &&
           !(line.size() >= 2 && line[line.size() - 2] == '\\'))
        line.remove_suffix(1);
    return line;
}

}  // namespace

void IgnoreRules::add_pattern(std::string_view pattern, const std::string& base) {
    pattern = trim_line(pattern);
    if (pattern.empty() || pattern.front() == '#') return;
    Rule rule;
    rule.base = base;
    if (pattern.front() == '!') {
        rule.negated = true;
        pattern.remove_prefix(1);
    }
    if (!pattern.empty() && pattern.back() == '/') {
        rule.directory_only = true;
        while (!pattern.empty() && pattern.back() == '/') pattern.remove_suffix(1);
    }
    if (pattern.starts_with("**/")) {
        pattern.remove_prefix(3);  // "in any folder": what a pattern without '/' means
    }
    rule.anchored = pattern.find('/') != std::string_view::npos;
    rule.components = split_path(pattern);
    if (rule.components.empty()) return;
    rules_.push_back(std::move(rule));
}

void IgnoreRules::add_file_text(std::string_view text, const std::string& base) {
    while (!text.empty()) {
        const std::size_t end = std::min(text.find('\n'), text.size());
        add_pattern(text.substr(0, end), base);
        text.remove_prefix(std::min(end + 1, text.size()));
    }
}

bool IgnoreRules::matches(const Rule& rule, const std::string& relative, bool is_directory) {
    if (rule.directory_only && !is_directory) return false;
    std::string_view below = relative;
    if (!rule.base.empty()) {
        if (!below.starts_with(rule.base) || below.size() <= rule.base.size() ||
            below[rule.base.size()] != '/')
            return false;
        below.remove_prefix(rule.base.size() + 1);
    }
    const std::vector<std::string> path = split_path(below);
    if (path.empty()) return false;
    if (!rule.anchored) {
        return rule.components.size() == 1 && (rule.components.front() == "**" ||
                                               name_matches(rule.components.front(), path.back()));
    }
    return components_match(rule.components, 0, path, 0);
}

bool IgnoreRules::ignores(const std::string& relative, bool is_directory) const {
    bool ignored = false;
    for (const Rule& rule : rules_) {
        if (matches(rule, relative, is_directory)) ignored = !rule.negated;
    }
    return ignored;
}

}  // namespace kamerzoek
