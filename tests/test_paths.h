// Where tests find their inputs: fixtures we wrote (tests/data) and the real
// documents beside the checkout (../shared/corpus).
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
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

}  // namespace kamerzoek::testing

/// Fails the current test (never skips it) when the shared corpus is absent.
#define REQUIRE_SHARED_CORPUS()                                                           \
    do {                                                                                  \
        if (!std::filesystem::is_directory(::kamerzoek::testing::shared_corpus_dir())) {  \
            FAIL() << "the shared corpus is missing: expected it at "                     \
                   << ::kamerzoek::testing::shared_corpus_dir()                           \
                   << " (clone the project beside ../shared, or set "                     \
                      "KAMERZOEK_SHARED_CORPUS)";                                         \
        }                                                                                 \
    } while (0)
