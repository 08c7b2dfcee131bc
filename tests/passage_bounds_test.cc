// Passages have a size bound whatever the file holds: a text of one very
// long line (no sentence ends) becomes many bounded passages, all of it
// still searchable, instead of one passage of the whole file.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "corpus/passages.h"
#include "kamerzoek/kamerzoek.h"

namespace kamerzoek {
namespace {

namespace fs = std::filesystem;
using corpus::Block;

// "woord0 woord1 ..." of at least `bytes` bytes, without a full stop.
std::string one_long_line(std::size_t bytes) {
    std::string text;
    for (int i = 0; text.size() < bytes; ++i) text += "woord" + std::to_string(i) + " ";
    text.pop_back();
    return text;
}

std::string words_of(const std::vector<corpus::Passage>& passages) {
    std::string joined;
    for (const corpus::Passage& passage : passages)
        joined += (joined.empty() ? "" : " ") + passage.text;
    return joined;
}

TEST(PassageBounds, ALineWithoutSentenceEndsIsCutAtSpaces) {
    const corpus::PassageLimits limits;
    corpus::Document document;
    const std::string text = one_long_line(200'000);
    document.blocks.push_back(Block{Block::Role::kParagraph, text, {}, {}, {}, {}});
    corpus::split_into_passages(document, limits);
    ASSERT_GT(document.passages.size(), 200'000 / limits.hard_max_chars);
    for (const corpus::Passage& passage : document.passages) {
        EXPECT_LE(passage.text.size(), limits.hard_max_chars);
        EXPECT_FALSE(passage.text.starts_with(' ') || passage.text.ends_with(' '));
    }
    EXPECT_EQ(words_of(document.passages), text);  // nothing lost, no word cut
}

TEST(PassageBounds, TextWithoutSpacesIsCutBetweenCharacters) {
    const corpus::PassageLimits limits;
    corpus::Document document;
    std::string text;
    while (text.size() < 20'000) text += "\xC3\xAB";  // "ë", two bytes each
    text += "x";  // so that no cut at an even offset is a character boundary by luck
    document.blocks.push_back(Block{Block::Role::kParagraph, "x" + text, {}, {}, {}, {}});
    corpus::split_into_passages(document, limits);
    ASSERT_GT(document.passages.size(), 1u);
    std::string joined;
    for (const corpus::Passage& passage : document.passages) {
        EXPECT_LE(passage.text.size(), limits.hard_max_chars);
        EXPECT_NE(static_cast<unsigned char>(passage.text.front()) & 0xC0, 0x80)
            << "starts inside a character";
        joined += passage.text;
    }
    EXPECT_EQ(joined, "x" + text);
}

TEST(PassageBounds, AHeadingLongerThanAPassageIsText) {
    corpus::Document document;
    const std::string heading = one_long_line(5000);
    document.blocks.push_back(Block{Block::Role::kHeading, heading, {}, {}, {}, {}});
    document.blocks.push_back(
        Block{Block::Role::kParagraph, "Een gewone alinea over de begroting.", {}, {}, {}, {}});
    corpus::split_into_passages(document);
    for (const corpus::Passage& passage : document.passages) EXPECT_TRUE(passage.section.empty());
    EXPECT_NE(words_of(document.passages).find("woord0"), std::string::npos);
}

TEST(PassageBounds, AFileOfOneLongLineIsIndexedAndSearchable) {
    const fs::path dir =
        fs::temp_directory_path() / ("kamerzoek-long-line-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir / "docs");
    std::ofstream(dir / "docs" / "one-line.txt") << one_long_line(600'000) << " slotwoordxyz\n";
    Indexer indexer((dir / "index").string());
    const IndexReport report = indexer.add_paths({(dir / "docs").string()});
    indexer.commit();
    EXPECT_TRUE(report.failed.empty());
    EXPECT_GT(report.passages_indexed, 600'000 / corpus::PassageLimits().hard_max_chars);
    Searcher searcher((dir / "index").string());
    const SearchResults results = searcher.search("slotwoordxyz");
    ASSERT_EQ(results.hits.size(), 1u);
    EXPECT_LE(results.hits.front().text.size(), corpus::PassageLimits().hard_max_chars);
    fs::remove_all(dir);
}

}  // namespace
}  // namespace kamerzoek
