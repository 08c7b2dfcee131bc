// What the reader tests share: reading a file through one reader, and the
// text of all blocks of a document.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "corpus/publication.h"
#include "corpus/reader.h"
#include "tests/test_paths.h"

namespace kamerzoek::testing {

/// The file as an index run gives it to a reader: with the metadata files
/// and alternates of its publication.
inline corpus::SourceFile load(const std::filesystem::path& path) {
    return corpus::source_file_of(corpus::publication_of(path.string()), read_bytes(path));
}

/// The one document `reader` makes of the file (a failed expectation when
/// it makes none or several).
inline corpus::Document read_one(const corpus::Reader& reader, const std::filesystem::path& path) {
    const std::vector<corpus::Document> documents = reader.read(load(path));
    EXPECT_EQ(documents.size(), 1u);
    return documents.empty() ? corpus::Document{} : documents.front();
}

/// The text of every block, one per line.
inline std::string all_text(const corpus::Document& document) {
    std::string text;
    for (const corpus::Block& block : document.blocks) text.append(block.text).append("\n");
    return text;
}

}  // namespace kamerzoek::testing
