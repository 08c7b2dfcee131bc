// Which files a run reads. The walk goes down the given folders without
// ever opening a file: it leaves out what --exclude and .kamerzoekignore
// files name, hidden files and editor backups, the index's own folder,
// special files (FIFOs, sockets, devices: opening a FIFO blocks) and
// symbolic links, which it follows only when asked and only to targets
// inside the indexed folders, each directory once.
#pragma once

#include <string>
#include <vector>

#include "kamerzoek/indexer.h"

namespace kamerzoek {

struct WalkOptions {
    /// Gitignore patterns applied to every indexed folder (relative to it).
    std::vector<std::string> exclude;
    /// Follow links whose target lies inside an indexed folder.
    bool follow_symlinks = false;
    /// The index's own folder: never walked, wherever it is.
    std::string index_dir;
};

struct WalkResult {
    /// Regular files to read, absolute, in a stable order.
    std::vector<std::string> files;
    /// The indexed folders and files that exist (normalised): what the index
    /// holds under them and the walk did not find is gone.
    std::vector<std::string> roots;
    /// Indexed files under folders that could not be listed: not gone.
    std::vector<std::string> unlisted_dirs;
    /// Named and passed over, with the reason: links not followed, special
    /// files, the index's folder.
    std::vector<SkippedFile> skipped;
    /// Paths given that do not exist, folders that cannot be listed.
    std::vector<FileFailure> failures;
    /// Files and folders left out by --exclude or .kamerzoekignore.
    std::size_t excluded = 0;
};

/// Walks `paths` (files or folders, recursively).
WalkResult walk_paths(const std::vector<std::string>& paths, const WalkOptions& options);

/// The name of the per-folder ignore file.
inline constexpr const char* kIgnoreFileName = ".kamerzoekignore";

/// A path as text that is always valid UTF-8: bytes that are not UTF-8 are
/// written \xNN (and a backslash \x5C, so that nothing is ambiguous); a
/// valid path is returned as it is.
std::string printable_path(const std::string& path);

}  // namespace kamerzoek
