// A hostile file nested 200,000 elements deep: the XML readers read it
// without exhausting the stack, and the text below the depth where they stop
// following the structure is still indexed (read flat), not dropped.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "kamerzoek/kamerzoek.h"

namespace kamerzoek {
namespace {

namespace fs = std::filesystem;

constexpr int kDepth = 200000;

std::string nested(const std::string& element, const std::string& inner) {
    std::string out;
    for (int i = 0; i < kDepth; ++i) out += "<" + element + ">";
    out += inner;
    for (int i = 0; i < kDepth; ++i) out += "</" + element + ">";
    return out;
}

std::string official_xml() {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<officiele-publicatie><metadata>"
           "<meta name=\"DC.type\" content=\"Kamerstuk\"/>"
           "<meta name=\"DC.identifier\" content=\"kst-99999-1\"/></metadata><kamerstuk><stuk>"
           "<al>Bovenaan staat de inleiding over warmtepompen.</al>" +
           nested("lijst", "<al>Diep verborgen tekst over zonnepanelen.</al>") +
           "</stuk></kamerstuk></officiele-publicatie>\n";
}

std::string parlamint_tei() {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:lang=\"nl\"><teiHeader><fileDesc>"
           "<titleStmt><title>Vergadering</title></titleStmt></fileDesc></teiHeader><text><body>"
           "<div type=\"debateSection\"><u who=\"#a\"><seg>Bovenaan over warmtepompen.</seg>" +
           nested("seg", "Diep over windparken.") + "</u></div></body></text></TEI>\n";
}

TEST(DeepNesting, TextBelowTheDepthLimitIsIndexedNotDropped) {
    const fs::path dir =
        fs::temp_directory_path() / ("kamerzoek-deep-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir / "docs");
    std::ofstream(dir / "docs" / "kst-99999-1.xml") << official_xml();
    std::ofstream(dir / "docs" / "debat.xml") << parlamint_tei();
    IndexOptions options;
    options.threads = 1;
    const IndexReport report =
        Indexer((dir / "index").string(), options).add_paths({(dir / "docs").string()});
    EXPECT_EQ(report.added, 2u);
    EXPECT_TRUE(report.failed.empty());
    Searcher searcher((dir / "index").string());
    const SearchResults deep_official = searcher.search("zonnepanelen");
    ASSERT_EQ(deep_official.hits.size(), 1u);
    EXPECT_EQ(deep_official.hits[0].doc_id, "kst-99999-1");
    const SearchResults deep_tei = searcher.search("windparken");
    ASSERT_EQ(deep_tei.hits.size(), 1u);
    EXPECT_EQ(deep_tei.hits[0].doc_id, "debat");
    fs::remove_all(dir);
}

}  // namespace
}  // namespace kamerzoek
