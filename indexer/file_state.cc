#include "indexer/file_state.h"

#include <sys/stat.h>

#include <cstring>
#include <nlohmann/json.hpp>

#include "corpus/encoding.h"
#include "indexer/file_walk.h"
#include "indexer/index_schema.h"

namespace kamerzoek {
namespace {

// Xapian limits metadata keys to a little over 200 bytes; longer paths are
// keyed by their hash (the path itself is always in the value).
constexpr std::size_t kMaxKeyBytes = 200;

std::string hex(std::uint64_t value) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i, value >>= 4) out[i] = kDigits[value & 0xf];
    return out;
}

std::string state_key(const std::string& path, std::string_view prefix = schema::kMetaFilePrefix) {
    std::string key(prefix);
    if (key.size() + path.size() <= kMaxKeyBytes) return key + path;
    return key + "#" + hex(content_hash(path));
}

std::uint64_t mix(std::uint64_t value) {
    value ^= value >> 33;
    value *= 0xff51afd7ed558ccdULL;
    value ^= value >> 33;
    value *= 0xc4ceb9fe1a85ec53ULL;
    value ^= value >> 33;
    return value;
}

// JSON holds UTF-8 only: a path that is not is kept as its bytes in hex
// beside the printable form, so that the file is found again and, once
// gone, removed.
std::string hex_bytes(std::string_view bytes) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    for (const char c : bytes) {
        out.push_back(kDigits[static_cast<unsigned char>(c) >> 4]);
        out.push_back(kDigits[static_cast<unsigned char>(c) & 0xf]);
    }
    return out;
}

std::string from_hex_bytes(std::string_view hex) {
    std::string out;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
        out.push_back(static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16)));
    return out;
}

}  // namespace

std::uint64_t content_hash(std::string_view bytes) {
    constexpr std::uint64_t kMultiplier = 0x9e3779b97f4a7c15ULL;
    std::uint64_t hash = bytes.size() * kMultiplier;
    std::size_t i = 0;
    for (; i + 8 <= bytes.size(); i += 8) {
        std::uint64_t word;
        std::memcpy(&word, bytes.data() + i, 8);
        hash = (hash ^ mix(word)) * kMultiplier + 0x632be59bd9b4e019ULL;
    }
    std::uint64_t tail = 0;
    if (i < bytes.size()) std::memcpy(&tail, bytes.data() + i, bytes.size() - i);
    return mix(hash ^ mix(tail ^ (bytes.size() - i)));
}

std::uint64_t companions_fingerprint(const std::vector<std::string>& paths) {
    if (paths.empty()) return 0;
    std::string signature;
    for (const std::string& path : paths) {
        struct stat info {};
        signature += path;
        if (::stat(path.c_str(), &info) == 0) {
            signature += ":" + std::to_string(info.st_size) + ":" +
                         std::to_string(info.st_mtim.tv_sec) + "." +
                         std::to_string(info.st_mtim.tv_nsec);
        }
        signature.push_back('\n');
    }
    return content_hash(signature);
}

std::map<std::string, FileState> load_file_states(const Xapian::Database& db) {
    std::map<std::string, FileState> states;
    const std::string prefix(schema::kMetaFilePrefix);
    for (auto key = db.metadata_keys_begin(prefix); key != db.metadata_keys_end(prefix); ++key) {
        const auto json = nlohmann::json::parse(db.get_metadata(*key), nullptr, false);
        if (!json.is_object() || !json.contains("path")) continue;
        FileState state;
        state.path = json.contains("path_bytes") ? from_hex_bytes(json.value("path_bytes", ""))
                                                 : json.value("path", "");
        state.size = json.value("size", std::uint64_t{0});
        state.mtime_ns = json.value("mtime_ns", std::int64_t{0});
        state.hash = std::stoull(json.value("hash", "0"), nullptr, 16);
        state.companions = std::stoull(json.value("companions", "0"), nullptr, 16);
        state.doc_ids = json.value("docs", std::vector<std::string>{});
        state.passages = json.value("passages", std::size_t{0});
        states.emplace(state.path, std::move(state));
    }
    return states;
}

void save_file_state(Xapian::WritableDatabase& db, const FileState& state) {
    nlohmann::json json{{"path", printable_path(state.path)},
                        {"size", state.size},
                        {"mtime_ns", state.mtime_ns},
                        {"hash", hex(state.hash)},
                        {"docs", state.doc_ids},
                        {"passages", state.passages}};
    if (state.companions != 0) json["companions"] = hex(state.companions);
    if (!corpus::is_valid_utf8(state.path)) json["path_bytes"] = hex_bytes(state.path);
    db.set_metadata(state_key(state.path), json.dump());
}

std::map<std::string, FailedFile> load_failed_files(const Xapian::Database& db) {
    std::map<std::string, FailedFile> failures;
    const std::string prefix(schema::kMetaFailedPrefix);
    for (auto key = db.metadata_keys_begin(prefix); key != db.metadata_keys_end(prefix); ++key) {
        const auto json = nlohmann::json::parse(db.get_metadata(*key), nullptr, false);
        if (!json.is_object() || !json.contains("path")) continue;
        FailedFile failed;
        failed.path = json.contains("path_bytes") ? from_hex_bytes(json.value("path_bytes", ""))
                                                  : json.value("path", "");
        failed.size = json.value("size", std::uint64_t{0});
        failed.mtime_ns = json.value("mtime_ns", std::int64_t{0});
        failed.companions = std::stoull(json.value("companions", "0"), nullptr, 16);
        failed.reason = json.value("reason", "");
        failures.emplace(failed.path, std::move(failed));
    }
    return failures;
}

void save_failed_file(Xapian::WritableDatabase& db, const FailedFile& failed) {
    nlohmann::json json{
        {"path", printable_path(failed.path)},
        {"size", failed.size},
        {"mtime_ns", failed.mtime_ns},
        {"companions", hex(failed.companions)},
        {"reason",
         corpus::is_valid_utf8(failed.reason) ? failed.reason : printable_path(failed.reason)}};
    if (!corpus::is_valid_utf8(failed.path)) json["path_bytes"] = hex_bytes(failed.path);
    db.set_metadata(state_key(failed.path, schema::kMetaFailedPrefix), json.dump());
}

void erase_failed_file(Xapian::WritableDatabase& db, const std::string& path) {
    db.set_metadata(state_key(path, schema::kMetaFailedPrefix), "");
}

void erase_file_state(Xapian::WritableDatabase& db, const std::string& path) {
    db.set_metadata(state_key(path), "");
}

std::size_t count_file_states(const Xapian::Database& db) {
    const std::string prefix(schema::kMetaFilePrefix);
    std::size_t count = 0;
    for (auto key = db.metadata_keys_begin(prefix); key != db.metadata_keys_end(prefix); ++key)
        ++count;
    return count;
}

}  // namespace kamerzoek
