#include "indexer/index_layout.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "kamerzoek/error.h"

namespace kamerzoek::layout {
namespace {

namespace fs = std::filesystem;

constexpr const char* kGenerationPrefix = "gen-";
// Stubs may name directories holding stubs; a loop of them must end.
constexpr int kMaxStubDepth = 8;

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

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

IndexError bad_stub_line(const std::string& stub_file, unsigned line, const std::string& why) {
    return IndexError(stub_file + ":" + std::to_string(line) + ": " + why);
}

// Relative paths in a stub are relative to the stub's folder, as in Xapian.
std::string resolve_against_stub(const std::string& path, const std::string& stub_file) {
    const fs::path listed(path);
    return listed.is_absolute() ? path : (fs::path(stub_file).parent_path() / listed).string();
}

// "HOST:PORT" or "[IPV6]:PORT"; false when it is neither.
bool parse_tcp_address(const std::string& address, StubEntry& entry) {
    const std::size_t colon = address.rfind(':');
    if (colon == std::string::npos || colon == 0) return false;
    const char* digits = address.data() + colon + 1;
    const char* end = address.data() + address.size();
    const auto [stop, error] = std::from_chars(digits, end, entry.port);
    if (error != std::errc() || stop != end || digits == end || entry.port == 0 ||
        entry.port > 65535) {
        return false;
    }
    entry.host = address.substr(0, colon);
    if (entry.host.size() > 2 && entry.host.front() == '[' && entry.host.back() == ']')
        entry.host = entry.host.substr(1, entry.host.size() - 2);
    entry.kind = StubEntry::Kind::kRemoteTcp;
    return true;
}

// "remote :PROGRAM ARGS" runs a program speaking the remote protocol on
// stdin/stdout (e.g. over ssh); "remote HOST:PORT" reaches xapian-tcpsrv.
bool parse_remote(const std::string& rest, StubEntry& entry) {
    if (rest.empty()) return false;
    if (rest.front() != ':') return parse_tcp_address(rest, entry);
    const std::size_t space = rest.find(' ');
    entry.kind = StubEntry::Kind::kRemoteProgram;
    entry.program = rest.substr(1, space == std::string::npos ? std::string::npos : space - 1);
    if (space != std::string::npos) entry.args = rest.substr(space + 1);
    return !entry.program.empty();
}

StubEntry parse_stub_line(const std::string& stub_file, unsigned number, const std::string& line) {
    const std::size_t space = line.find(' ');
    const std::string type = line.substr(0, space);
    const std::string rest = space == std::string::npos ? std::string() : line.substr(space + 1);
    StubEntry entry;
    entry.text = line;
    entry.line = number;
    if (type == "glass" || type == "auto" || type == "chert") {
        if (rest.empty()) throw bad_stub_line(stub_file, number, "no database path after " + type);
        entry.backend = type;
        entry.path = resolve_against_stub(rest, stub_file);
        return entry;
    }
    if (type == "remote" && !rest.empty() && rest.front() != ':' &&
        rest.find(' ') != std::string::npos) {
        // Xapian 1.4 would ignore what follows the port; saying so beats
        // letting a timeout written there silently do nothing.
        throw bad_stub_line(stub_file, number,
                            "nothing may follow HOST:PORT on a remote line (a stub has no "
                            "place for a timeout; set KAMERZOEK_REMOTE_TIMEOUT_MS instead)");
    }
    if (type == "remote" && parse_remote(rest, entry)) return entry;
    throw bad_stub_line(stub_file, number,
                        "not a database line (expected `auto PATH`, `glass PATH`, "
                        "`remote HOST:PORT` or `remote :PROGRAM ARGS`)");
}

std::string sharded_index_message(const std::string& location) {
    const std::string stub = stub_file_of(location);
    std::string listed;
    for (const StubEntry& entry : read_stub(stub))
        listed += (listed.empty() ? "" : ", ") + entry.text;
    return "index " + location + " is a set of shards (" + stub + " lists: " + listed +
           "); shards are searched as one but indexed one by one: run kamerzoek index with "
           "each shard's own --db";
}

std::string fingerprint_at(const fs::path& location, int depth) {
    std::error_code error;
    if (fs::is_directory(location, error) && is_legacy_database(location)) return location.string();
    const std::string stub = stub_file_of(location.string());
    if (stub.empty() || depth > kMaxStubDepth) return location.string() + "?";
    std::string print = stub + "{" + read_text(stub);
    try {
        for (const StubEntry& entry : read_stub(stub)) {
            if (entry.kind == StubEntry::Kind::kLocal)
                print += "|" + fingerprint_at(entry.path, depth + 1);
        }
    } catch (const IndexError&) {
        // A stub that does not parse is told apart by its text alone.
    }
    return print + "}";
}

}  // namespace

std::string stub_file_of(const std::string& location) {
    const fs::path path(location);
    std::error_code error;
    if (fs::is_regular_file(path, error)) return location;
    if (fs::is_directory(path, error) && !is_legacy_database(path) &&
        fs::is_regular_file(path / kStubFile, error)) {
        return (path / kStubFile).string();
    }
    return {};
}

std::vector<StubEntry> read_stub(const std::string& stub_file) {
    std::ifstream stub(stub_file);
    if (!stub) throw IndexError("cannot read stub file " + stub_file + ": " + std::strerror(errno));
    std::vector<StubEntry> entries;
    std::string line;
    for (unsigned number = 1; std::getline(stub, line); ++number) {
        // Xapian skips empty lines and comments, and nothing else.
        if (line.empty() || line.front() == '#') continue;
        entries.push_back(parse_stub_line(stub_file, number, line));
    }
    return entries;
}

bool is_sharded(const std::string& location) {
    const std::string stub = stub_file_of(location);
    if (stub.empty()) return false;
    if (stub == location) return true;
    const std::vector<StubEntry> entries = read_stub(stub);
    return entries.size() != 1 || entries.front().kind != StubEntry::Kind::kLocal;
}

std::string fingerprint(const std::string& location) { return fingerprint_at(location, 0); }

std::string resolve_index_path(const std::string& dir) {
    const fs::path root(dir);
    if (is_legacy_database(root)) return dir;
    if (is_sharded(dir)) throw IndexError(sharded_index_message(dir));
    std::ifstream stub(root / kStubFile);
    std::string backend, target;
    if (!(stub >> backend >> target)) return {};
    return (root / target).string();
}

std::string prepare_next_generation(const std::string& dir) {
    const fs::path root(dir);
    if (is_sharded(dir)) throw IndexError(sharded_index_message(dir));
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

void remove_orphan_generations(const std::string& dir) {
    const fs::path root(dir);
    std::error_code error;
    if (!fs::is_directory(root, error)) return;
    const std::string live = resolve_index_path(dir);
    fs::remove(root / (std::string(kStubFile) + ".new"), error);
    remove_generations_except(
        root, live.empty() || is_legacy_database(root) ? fs::path() : fs::path(live).filename());
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
