#include "corpus/publication.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "corpus/official_id.h"
#include "corpus/stated_id.h"

namespace kamerzoek::corpus {
namespace {

namespace fs = std::filesystem;

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string file_name(std::string_view path) { return fs::path(path).filename().string(); }
std::string folder_of(std::string_view path) { return fs::path(path).parent_path().string(); }

// Folders of the official repository that hold one rendition each
// (".../kst-32545-143/1/pdf/kst-32545-143.pdf").
bool is_rendition_folder(std::string_view name) {
    static const std::set<std::string, std::less<>> kFolders{"xml", "html", "pdf", "odt",
                                                             "txt", "doc",  "docx"};
    return kFolders.count(lower(name)) > 0;
}

// Folders that hold a publication's metadata in the same layout.
bool is_metadata_folder(std::string_view name) {
    const std::string folded = lower(name);
    return folded == "metadata" || folded == "metadataowms";
}

// Which publication a rendition belongs to: the folder of the publication
// (above the rendition folder in the repository layout) and the file name
// without its extension, so that "stb.xml" and "stb.html" meet.
struct GroupKey {
    std::string folder;
    std::string stem;
    auto operator<=>(const GroupKey&) const = default;
};

std::string publication_folder(std::string_view path) {
    const fs::path folder = fs::path(path).parent_path();
    if (is_rendition_folder(folder.filename().string()) && folder.has_parent_path())
        return folder.parent_path().string();
    return folder.string();
}

GroupKey group_key(std::string_view path) {
    return {publication_folder(path), lower(fs::path(path).stem().string())};
}

// Where a metadata file applies, most authoritative first: a record named
// for one file, the repository's metadata/ then metadataowms/ folders, a
// folder's metadata.xml, then a PLOOI manifest.xml over its versions.
enum class MetadataScope { kStem, kLayoutMetadata, kLayoutOwms, kFolder, kManifest, kNone };

struct MetadataFile {
    std::string path;
    MetadataScope scope = MetadataScope::kNone;
    std::string folder;  // where its publications are
    std::string stem;    // kStem only: the file it describes
};

MetadataFile classify_metadata(const std::string& path) {
    const std::string name = lower(file_name(path));
    const fs::path folder = fs::path(path).parent_path();
    const std::string folder_name = folder.filename().string();
    MetadataFile file{path, MetadataScope::kNone, folder.string(), {}};
    if (name == "sru.xml") return file;  // a search answer listing many publications
    if (name == "manifest.xml") {
        file.scope = MetadataScope::kManifest;
    } else if (is_metadata_folder(folder_name) && folder.has_parent_path()) {
        file.scope = lower(folder_name) == "metadataowms" ? MetadataScope::kLayoutOwms
                                                          : MetadataScope::kLayoutMetadata;
        file.folder = folder.parent_path().string();
    } else if (name == "metadata.xml" || name == "metadata_owms.xml") {
        file.scope = MetadataScope::kFolder;
    } else {
        for (const std::string_view suffix : {".metadata.xml", "_metadata.xml", "-metadata.xml"}) {
            if (name.size() > suffix.size() && name.ends_with(suffix)) {
                file.scope = MetadataScope::kStem;
                file.stem = name.substr(0, name.size() - suffix.size());
            }
        }
    }
    return file;
}

bool is_under(const std::string& path, const std::string& folder) {
    return path.size() > folder.size() && path.compare(0, folder.size(), folder) == 0 &&
           path[folder.size()] == '/';
}

// Whether `metadata` describes the publication grouped under `key` whose
// primary rendition is `path`.
bool describes(const MetadataFile& metadata, const GroupKey& key, const std::string& path) {
    switch (metadata.scope) {
        case MetadataScope::kStem:
            return folder_of(path) == metadata.folder && key.stem == metadata.stem;
        case MetadataScope::kLayoutMetadata:
        case MetadataScope::kLayoutOwms:
            return key.folder == metadata.folder;
        case MetadataScope::kFolder:
            // "kst-1.xml" with "kst-1/metadata.xml" beside it, or a folder's own.
            return key.folder == metadata.folder ||
                   (fs::path(metadata.folder).filename().string() == key.stem &&
                    fs::path(metadata.folder).parent_path().string() == key.folder);
        case MetadataScope::kManifest:
            return is_under(path, metadata.folder);
        case MetadataScope::kNone:
            return false;
    }
    return false;
}

// "Leeswijzer", "readme": a guide to a folder, not its main document.
bool is_reading_guide(std::string_view path) {
    const std::string stem = lower(fs::path(path).stem().string());
    return stem == "readme" || stem == "leeswijzer" || stem.starts_with("readme.") ||
           stem.starts_with("leeswijzer ");
}

// Files named as annexes in a folder with exactly one other document
// (reading guides aside) belong to that document.
void link_annexes(std::vector<Publication>& publications) {
    std::map<std::string, std::vector<Publication*>> by_folder;
    for (Publication& publication : publications)
        by_folder[folder_of(publication.path)].push_back(&publication);
    for (auto& [folder, members] : by_folder) {
        std::vector<Publication*> annexes, mains;
        for (Publication* publication : members) {
            if (is_annex_name(publication->path)) {
                annexes.push_back(publication);
            } else if (!is_reading_guide(publication->path)) {
                mains.push_back(publication);
            }
        }
        if (mains.size() != 1) continue;
        for (Publication* annex : annexes) annex->annex_of = mains.front()->path;
    }
}

void attach_metadata(std::vector<Publication>& publications, const std::vector<GroupKey>& keys,
                     const std::vector<std::string>& metadata_paths,
                     std::vector<SkippedFile>& skipped) {
    std::vector<MetadataFile> metadata;
    for (const std::string& path : metadata_paths) metadata.push_back(classify_metadata(path));
    std::stable_sort(
        metadata.begin(), metadata.end(),
        [](const MetadataFile& a, const MetadataFile& b) { return a.scope < b.scope; });
    for (const MetadataFile& file : metadata) {
        bool used = false;
        for (std::size_t i = 0; i < publications.size(); ++i) {
            if (!describes(file, keys[i], publications[i].path)) continue;
            publications[i].metadata.push_back(file.path);
            used = true;
        }
        if (used) continue;
        skipped.push_back({file.path, file.scope == MetadataScope::kNone &&
                                              lower(file_name(file.path)) == "sru.xml"
                                          ? "search-API answer (sru.xml), not a publication"
                                          : "metadata file with no publication beside it"});
    }
}

void sort_best_first(std::vector<std::string>& paths) {
    std::stable_sort(paths.begin(), paths.end(), [](const std::string& a, const std::string& b) {
        return rendition_rank(a) < rendition_rank(b);
    });
}

// Files sharing a stem in one folder are renditions of one publication
// unless they state different ids: "stb.xml" of stb-2018-84 beside
// "stb.html" of stb-2014-296 are two publications. Files named by their
// official id state it by the name and are not opened; a rendition that
// states none (a PDF, an ODT) goes with the best rendition that states one.
// `paths` is sorted best first.
std::vector<std::vector<std::string>> split_by_stated_id(const std::vector<std::string>& paths,
                                                         const std::string& stem) {
    if (paths.size() < 2 || OfficialId::parse(stem)) return {paths};
    std::vector<std::pair<std::string, std::vector<std::string>>> by_id;
    std::vector<std::string> unstated;
    for (const std::string& path : paths) {
        const std::string id = id_stated_by_file(path);
        if (id.empty()) {
            unstated.push_back(path);
            continue;
        }
        auto group = std::find_if(by_id.begin(), by_id.end(),
                                  [&id](const auto& entry) { return entry.first == id; });
        if (group == by_id.end()) group = by_id.insert(by_id.end(), {id, {}});
        group->second.push_back(path);
    }
    if (by_id.size() < 2) return {paths};
    std::vector<std::vector<std::string>> groups;
    for (auto& [id, members] : by_id) groups.push_back(std::move(members));
    groups.front().insert(groups.front().end(), unstated.begin(), unstated.end());
    sort_best_first(groups.front());
    return groups;
}

}  // namespace

int rendition_rank(std::string_view path) {
    const std::string extension = lower(fs::path(path).extension().string());
    if (extension == ".xml") return 0;
    if (extension == ".html" || extension == ".htm" || extension == ".xhtml") return 1;
    if (extension == ".md" || extension == ".markdown") return 2;
    if (extension == ".pdf") return 3;
    if (extension == ".odt") return 4;
    if (extension == ".txt") return 5;
    return -1;
}

bool is_metadata_file(std::string_view path) {
    const std::string name = lower(file_name(path));
    if (!name.ends_with(".xml")) return false;
    if (name == "sru.xml" || name == "manifest.xml" || name.starts_with("metadata")) return true;
    if (name.ends_with(".metadata.xml") || name.ends_with("_metadata.xml") ||
        name.ends_with("-metadata.xml"))
        return true;
    return is_metadata_folder(fs::path(path).parent_path().filename().string());
}

bool is_annex_name(std::string_view path) {
    const std::string name = lower(file_name(path));
    for (const std::string_view word : {"bijlagen", "bijlage", "bijl.", "annexes", "annexe",
                                        "annex", "appendices", "appendix", "attachment"}) {
        if (!name.starts_with(word)) continue;
        if (name.size() == word.size()) return true;
        const char next = name[word.size()];
        return word.back() == '.' || next == ' ' || next == '-' || next == '_' || next == '.' ||
               std::isdigit(static_cast<unsigned char>(next));
    }
    return false;
}

PublicationSet group_publications(std::vector<std::string> files) {
    std::sort(files.begin(), files.end());
    PublicationSet set;
    std::vector<std::string> metadata;
    std::map<GroupKey, std::vector<std::string>> renditions;
    std::vector<std::string> singles;
    for (std::string& path : files) {
        if (is_metadata_file(path)) {
            metadata.push_back(std::move(path));
        } else if (rendition_rank(path) >= 0) {
            renditions[group_key(path)].push_back(std::move(path));
        } else {
            singles.push_back(std::move(path));
        }
    }
    std::vector<std::pair<Publication, GroupKey>> grouped;
    for (auto& [key, paths] : renditions) {
        sort_best_first(paths);
        for (const std::vector<std::string>& group : split_by_stated_id(paths, key.stem)) {
            Publication publication;
            publication.path = group.front();
            publication.alternates.assign(group.begin() + 1, group.end());
            grouped.emplace_back(std::move(publication), key);
        }
    }
    for (std::string& path : singles) {
        GroupKey key = group_key(path);
        grouped.emplace_back(Publication{std::move(path), {}, {}, {}}, std::move(key));
    }
    std::sort(grouped.begin(), grouped.end(),
              [](const auto& a, const auto& b) { return a.first.path < b.first.path; });
    std::vector<GroupKey> keys;
    for (auto& [publication, key] : grouped) {
        set.publications.push_back(std::move(publication));
        keys.push_back(std::move(key));
    }
    attach_metadata(set.publications, keys, metadata, set.skipped);
    link_annexes(set.publications);
    return set;
}

SourceFile source_file_of(const Publication& publication, std::string bytes,
                          std::string annex_of_id) {
    SourceFile file{
        publication.path, std::move(bytes), {}, publication.alternates, std::move(annex_of_id)};
    for (const std::string& path : publication.metadata) {
        constexpr std::uintmax_t kMaxMetadataBytes = 8u << 20;
        std::error_code error;
        if (fs::file_size(path, error) > kMaxMetadataBytes || error) continue;
        std::ifstream in(path, std::ios::binary);
        std::ostringstream content;
        content << in.rdbuf();
        if (in.bad()) continue;
        file.metadata.push_back({path, content.str()});
    }
    return file;
}

Publication publication_of(const std::string& path) {
    // The folders group_publications() would look at for this file: its
    // own, the publication folder of the repository layout with its
    // rendition and metadata folders, and the ancestors a manifest may sit in.
    std::vector<std::string> files{path};
    auto add_folder = [&files](const fs::path& folder) {
        std::error_code error;
        for (fs::directory_iterator it(folder, error), end; !error && it != end;
             it.increment(error)) {
            if (it->is_regular_file(error)) files.push_back(it->path().string());
        }
    };
    const fs::path folder = fs::path(path).parent_path();
    add_folder(folder);
    const fs::path publication = publication_folder(path);
    if (publication != folder) {
        std::error_code error;
        for (fs::directory_iterator it(publication, error), end; !error && it != end;
             it.increment(error)) {
            if (it->is_directory(error) && it->path() != folder) add_folder(it->path());
        }
    }
    fs::path ancestor = publication;
    for (int up = 0; up < 3 && ancestor.has_parent_path() && ancestor != ancestor.root_path();
         ++up) {
        ancestor = ancestor.parent_path();
        std::error_code error;
        if (fs::is_regular_file(ancestor / "manifest.xml", error))
            files.push_back((ancestor / "manifest.xml").string());
    }
    std::sort(files.begin(), files.end());
    files.erase(std::unique(files.begin(), files.end()), files.end());
    for (Publication& candidate : group_publications(files).publications) {
        if (candidate.path == path) return candidate;
        const auto alternate =
            std::find(candidate.alternates.begin(), candidate.alternates.end(), path);
        if (alternate == candidate.alternates.end()) continue;
        // Read as asked: the file itself, the primary among its alternates.
        *alternate = candidate.path;
        candidate.path = path;
        return candidate;
    }
    return Publication{path, {}, {}, {}};
}

}  // namespace kamerzoek::corpus
