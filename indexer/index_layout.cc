#include "indexer/index_layout.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "kamerzoek/error.h"

namespace kamerzoek::layout {
namespace {

namespace fs = std::filesystem;

constexpr const char* kGenerationPrefix = "gen-";

bool is_legacy_database(const fs::path& dir) { return fs::exists(dir / "iamglass"); }

// The N of "gen-N", or -1.
long generation_number(const std::string& name) {
    if (name.rfind(kGenerationPrefix, 0) != 0) return -1;
    const std::string digits = name.substr(std::strlen(kGenerationPrefix));
    if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos) return -1;
    return std::stol(digits);
}

void write_durably(const fs::path& path, const std::string& content) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) throw IndexError("cannot write " + path.string() + ": " + std::strerror(errno));
    const bool ok =
        ::write(fd, content.data(), content.size()) == static_cast<ssize_t>(content.size()) &&
        ::fsync(fd) == 0;
    ::close(fd);
    if (!ok) throw IndexError("cannot write " + path.string() + ": " + std::strerror(errno));
}

void sync_directory(const fs::path& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

// A database that was DIR itself: once the stub is in place, removing
// iamglass first makes every new opener follow the stub.
void retire_legacy_database(const fs::path& dir) {
    fs::remove(dir / "iamglass");
    for (const auto& entry : fs::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        if (entry.is_regular_file() &&
            (entry.path().extension() == ".glass" || name == "flintlock")) {
            fs::remove(entry.path());
        }
    }
}

void remove_generations_except(const fs::path& dir, const fs::path& keep) {
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.is_directory() && generation_number(entry.path().filename().string()) >= 0 &&
            entry.path().filename() != keep.filename()) {
            fs::remove_all(entry.path());
        }
    }
}

}  // namespace

std::string resolve_index_path(const std::string& dir) {
    const fs::path root(dir);
    if (is_legacy_database(root)) return dir;
    std::ifstream stub(root / kStubFile);
    std::string backend, target;
    if (!(stub >> backend >> target)) return {};
    return (root / target).string();
}

std::string prepare_next_generation(const std::string& dir) {
    const fs::path root(dir);
    fs::create_directories(root);
    const std::string live = resolve_index_path(dir);
    const fs::path live_name = fs::path(live).filename();
    long next = 1;
    if (!live.empty() && !is_legacy_database(root))
        next = generation_number(live_name.string()) + 1;
    // Leftovers of interrupted rebuilds are never live: clear them.
    remove_generations_except(root,
                              live.empty() || is_legacy_database(root) ? fs::path() : live_name);
    const fs::path generation = root / (kGenerationPrefix + std::to_string(next));
    fs::remove_all(generation);
    return generation.string();
}

void publish_generation(const std::string& dir, const std::string& generation_path) {
    const fs::path root(dir);
    const fs::path name = fs::path(generation_path).filename();
    const fs::path temporary = root / (std::string(kStubFile) + ".new");
    write_durably(temporary, "glass " + name.string() + "\n");
    fs::rename(temporary, root / kStubFile);
    if (is_legacy_database(root)) retire_legacy_database(root);
    sync_directory(root);
    remove_generations_except(root, name);
}

std::uint64_t database_bytes(const std::string& db_path) {
    std::uint64_t bytes = 0;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(db_path, error)) {
        if (entry.is_regular_file(error)) bytes += entry.file_size(error);
    }
    return bytes;
}

}  // namespace kamerzoek::layout
