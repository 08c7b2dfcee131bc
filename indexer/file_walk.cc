#include "indexer/file_walk.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <system_error>

#include "corpus/encoding.h"
#include "corpus/reader.h"
#include "indexer/ignore_rules.h"

namespace kamerzoek {
namespace {

namespace fs = std::filesystem;

// A file or folder as the kernel knows it, whatever names lead to it.
struct Identity {
    dev_t device = 0;
    ino_t inode = 0;
    auto operator<=>(const Identity&) const = default;
};

Identity identity_of(const struct stat& info) { return {info.st_dev, info.st_ino}; }

std::string error_text(int error) {
    return std::error_code(error, std::generic_category()).message();
}

std::string normalised(const std::string& path) {
    std::error_code error;
    const fs::path absolute = fs::absolute(path, error);
    std::string out = (error ? fs::path(path) : absolute).lexically_normal().string();
    while (out.size() > 1 && out.back() == '/') out.pop_back();
    return out;
}

bool is_under(const std::string& path, const std::string& root) {
    return path == root || (path.size() > root.size() && path.compare(0, root.size(), root) == 0 &&
                            (root == "/" || path[root.size()] == '/'));
}

// Why a file of this type is not read; "" for files and folders.
std::string special_file_kind(mode_t mode) {
    if (S_ISFIFO(mode)) return "FIFO (named pipe)";
    if (S_ISSOCK(mode)) return "socket";
    if (S_ISCHR(mode)) return "character device";
    if (S_ISBLK(mode)) return "block device";
    if (S_ISREG(mode) || S_ISDIR(mode) || S_ISLNK(mode)) return {};
    return "special file";
}

std::string read_ignore_file(const fs::path& path) {
    struct stat info {};
    // Only a regular file of its own: a link could point anywhere, a FIFO would block.
    if (::lstat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return {};
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string relative_child(const std::string& relative, const std::string& name) {
    return relative.empty() ? name : relative + "/" + name;
}

class Walker {
  public:
    Walker(const WalkOptions& options, WalkResult& result) : options_(options), result_(result) {
        for (const std::string& pattern : options.exclude) excludes_.add_pattern(pattern);
        struct stat info {};
        if (!options.index_dir.empty() && ::stat(options.index_dir.c_str(), &info) == 0)
            index_dir_ = identity_of(info);
    }

    void walk(const std::vector<std::string>& paths) {
        std::vector<std::string> roots;
        for (const std::string& path : paths) roots.push_back(normalised(path));
        for (const std::string& root : roots) {
            std::error_code error;
            const fs::path real = fs::canonical(root, error);
            if (!error) real_roots_.push_back(real.string());
        }
        for (const std::string& root : roots) walk_root(root);
        while (!pending_.empty()) {
            const Pending next = std::move(pending_.back());
            pending_.pop_back();
            walk_dir(next.path, next.relative, next.rules);
        }
        for (const auto& [path, identity] : linked_files_) {
            if (files_seen_.insert(identity).second) result_.files.push_back(path);
        }
        std::sort(result_.files.begin(), result_.files.end());
        result_.files.erase(std::unique(result_.files.begin(), result_.files.end()),
                            result_.files.end());
    }

  private:
    struct Pending {
        std::string path;
        std::string relative;
        IgnoreRules rules;
    };

    void walk_root(const std::string& root) {
        struct stat info {};
        if (::stat(root.c_str(), &info) != 0) {
            // A path that is gone entirely may be an unmounted disk: its
            // documents stay (it is not among the roots).
            result_.failures.push_back({root, "no such file or directory"});
            return;
        }
        result_.roots.push_back(root);
        if (S_ISDIR(info.st_mode)) {
            walk_dir(root, "", IgnoreRules());
        } else if (S_ISREG(info.st_mode)) {
            const std::string name = fs::path(root).filename().string();
            if (excludes_.ignores(name, false)) {
                ++result_.excluded;
            } else {
                add_file(root, identity_of(info));
            }
        } else {
            result_.skipped.push_back({root, special_file_kind(info.st_mode) + ": not read"});
        }
    }

    void add_file(const std::string& path, Identity identity) {
        files_seen_.insert(identity);
        result_.files.push_back(path);
    }

    bool is_excluded(const std::string& relative, bool is_directory, const IgnoreRules& rules) {
        if (!excludes_.ignores(relative, is_directory) && !rules.ignores(relative, is_directory))
            return false;
        ++result_.excluded;
        return true;
    }

    void walk_dir(const std::string& dir, const std::string& relative,
                  const IgnoreRules& inherited) {
        struct stat info {};
        if (::stat(dir.c_str(), &info) != 0) return;
        if (index_dir_ && identity_of(info) == *index_dir_) {
            result_.skipped.push_back({dir, "the index's own folder (--db): not indexed"});
            return;
        }
        if (!dirs_seen_.insert(identity_of(info)).second) return;  // a loop, or walked already
        std::vector<std::string> names;
        std::error_code error;
        for (fs::directory_iterator it(dir, error), end; !error && it != end; it.increment(error))
            names.push_back(it->path().filename().string());
        if (error) {
            result_.failures.push_back({dir, "cannot list folder: " + error.message()});
            result_.unlisted_dirs.push_back(dir);
            return;
        }
        std::sort(names.begin(), names.end());
        IgnoreRules rules = inherited;
        if (std::find(names.begin(), names.end(), kIgnoreFileName) != names.end())
            rules.add_file_text(read_ignore_file(fs::path(dir) / kIgnoreFileName), relative);
        for (const std::string& name : names) {
            // Hidden files and folders (.git, .kamerzoekignore) and editor backups.
            if (corpus::is_hidden_or_backup(name)) continue;
            visit(dir + "/" + name, relative_child(relative, name), rules);
        }
    }

    void visit(const std::string& path, const std::string& relative, const IgnoreRules& rules) {
        struct stat info {};
        if (::lstat(path.c_str(), &info) != 0) return;  // gone since it was listed
        if (is_excluded(relative, S_ISDIR(info.st_mode), rules)) return;
        if (S_ISREG(info.st_mode)) {
            add_file(path, identity_of(info));
        } else if (S_ISDIR(info.st_mode)) {
            walk_dir(path, relative, rules);
        } else if (S_ISLNK(info.st_mode)) {
            visit_link(path, relative, rules);
        } else {
            result_.skipped.push_back(
                {path, special_file_kind(info.st_mode) + ": not a regular file, not read"});
        }
    }

    void visit_link(const std::string& path, const std::string& relative,
                    const IgnoreRules& rules) {
        std::error_code error;
        const std::string target = fs::read_symlink(path, error).string();
        struct stat info {};
        if (::stat(path.c_str(), &info) != 0) {
            result_.skipped.push_back(
                {path, "dangling symbolic link to " + target + " (" + error_text(errno) + ")"});
            return;
        }
        if (!options_.follow_symlinks) {
            result_.skipped.push_back({path, "symbolic link to " + target +
                                                 ": not followed (--follow-symlinks follows links "
                                                 "that stay inside the indexed folders)"});
            return;
        }
        const std::string real = fs::canonical(path, error).string();
        const bool inside =
            !error && std::any_of(real_roots_.begin(), real_roots_.end(),
                                  [&](const std::string& root) { return is_under(real, root); });
        if (!inside) {
            result_.skipped.push_back({path, "symbolic link to " + target +
                                                 ", outside the indexed folders: not followed"});
            return;
        }
        if (S_ISREG(info.st_mode)) {
            linked_files_.emplace_back(path, identity_of(info));
        } else if (S_ISDIR(info.st_mode)) {
            if (is_excluded(relative, true, rules)) return;
            pending_.push_back({path, relative, rules});
        } else {
            result_.skipped.push_back({path, "symbolic link to a " +
                                                 special_file_kind(info.st_mode) + " (" + target +
                                                 "): not read"});
        }
    }

    const WalkOptions& options_;
    WalkResult& result_;
    IgnoreRules excludes_;
    std::optional<Identity> index_dir_;
    std::vector<std::string> real_roots_;
    std::set<Identity> dirs_seen_;
    std::set<Identity> files_seen_;
    // Followed links, walked after everything reached directly, so that a
    // file keeps the name it has without links.
    std::vector<Pending> pending_;
    std::vector<std::pair<std::string, Identity>> linked_files_;
};

}  // namespace

WalkResult walk_paths(const std::vector<std::string>& paths, const WalkOptions& options) {
    WalkResult result;
    Walker(options, result).walk(paths);
    return result;
}

std::string printable_path(const std::string& path) {
    if (corpus::is_valid_utf8(path)) return path;
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    std::string_view rest = path;
    while (!rest.empty()) {
        std::size_t bad = rest.size();
        corpus::is_valid_utf8(rest, &bad);
        for (const char c : rest.substr(0, bad)) {
            if (c == '\\') {
                out += "\\x5C";
            } else {
                out.push_back(c);
            }
        }
        if (bad >= rest.size()) break;
        const auto byte = static_cast<unsigned char>(rest[bad]);
        out += "\\x";
        out.push_back(kHex[byte >> 4]);
        out.push_back(kHex[byte & 0xF]);
        rest.remove_prefix(bad + 1);
    }
    return out;
}

}  // namespace kamerzoek
