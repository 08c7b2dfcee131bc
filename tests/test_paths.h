// Where tests find their inputs: fixtures we wrote (tests/data) and the real
// documents beside the checkout (../shared/corpus).
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace kamerzoek::testing {

inline std::filesystem::path source_dir() { return KAMERZOEK_SOURCE_DIR; }

inline std::filesystem::path fixture(const std::string& relative) {
    return source_dir() / "tests" / "data" / relative;
}

/// ../shared/corpus beside the checkout, or KAMERZOEK_SHARED_CORPUS.
inline std::filesystem::path shared_corpus_dir() {
    if (const char* env = std::getenv("KAMERZOEK_SHARED_CORPUS")) return env;
    return source_dir().parent_path() / "shared" / "corpus";
}

/// The whole content of a file ("" when it cannot be read).
inline std::string read_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct CommandResult {
    int exit_code = -1;
    std::string out;  // standard output
    std::string err;  // standard error
};

/// Runs the kamerzoek binary with `arguments` (shell words) and waits for it;
/// standard error passes through a file in `scratch_dir`.
inline CommandResult run_kamerzoek(const std::string& arguments,
                                   const std::filesystem::path& scratch_dir) {
    const std::filesystem::path err =
        scratch_dir / ("stderr-" + std::to_string(::getpid()) + ".txt");
    const std::string command = std::string(KAMERZOEK_CLI) + " " + arguments + " 2>" + err.string();
    CommandResult result;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (pipe == nullptr) return result;
    std::array<char, 4096> buffer;
    while (std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) {
        result.out.append(buffer.data(), n);
    }
    const int status = ::pclose(pipe);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.err = read_bytes(err);
    std::filesystem::remove(err);
    return result;
}

}  // namespace kamerzoek::testing

/// Fails the current test (never skips it) when the shared corpus is absent.
#define REQUIRE_SHARED_CORPUS()                                                          \
    do {                                                                                 \
        if (!std::filesystem::is_directory(::kamerzoek::testing::shared_corpus_dir())) { \
            FAIL() << "the shared corpus is missing: expected it at "                    \
                   << ::kamerzoek::testing::shared_corpus_dir()                          \
                   << " (clone the project beside ../shared, or set "                    \
                      "KAMERZOEK_SHARED_CORPUS)";                                        \
        }                                                                                \
    } while (0)
