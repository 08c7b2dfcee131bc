// Gitignore patterns, for `kamerzoek index --exclude` and .kamerzoekignore
// files: `#` comments, `!` negation, a trailing `/` for folders only, a
// leading or inner `/` anchoring the pattern to its folder, `**` for any
// number of folders. The last matching pattern decides.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kamerzoek {

class IgnoreRules {
  public:
    /// Adds one pattern. `base` is the folder it applies to, relative to the
    /// indexed folder ("" for the folder itself).
    void add_pattern(std::string_view pattern, const std::string& base = {});

    /// Adds the patterns of an ignore file's text, one a line.
    void add_file_text(std::string_view text, const std::string& base);

    /// Whether `relative` (a path relative to the indexed folder, '/'
    /// between names) is left out.
    bool ignores(const std::string& relative, bool is_directory) const;

    bool empty() const { return rules_.empty(); }

  private:
    struct Rule {
        std::string base;                     // "" or "folder/sub"
        std::vector<std::string> components;  // fnmatch patterns, or "**"
        bool negated = false;
        bool directory_only = false;
        bool anchored = false;  // matched from `base`, else against the name alone
    };
    static bool matches(const Rule& rule, const std::string& relative, bool is_directory);
    std::vector<Rule> rules_;
};

}  // namespace kamerzoek
