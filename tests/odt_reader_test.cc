// OpenDocument text: headings as sections, paragraphs, lists, tables and
// footnotes from content.xml, title and metadata from meta.xml; damaged
// and oversized containers refused with their reason.
#include <gtest/gtest.h>
#include <zip.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include "corpus/reader.h"
#include "kamerzoek/kamerzoek.h"
#include "tests/reader_test_support.h"
#include "tests/test_paths.h"

namespace kamerzoek {
namespace {

namespace fs = std::filesystem;
using corpus::Document;
using corpus::Passage;

Document read_odt(const fs::path& path) {
    std::vector<Document> documents = corpus::read_file(testing::load(path));
    EXPECT_EQ(documents.size(), 1u);
    return documents.empty() ? Document{} : std::move(documents.front());
}

const Passage* passage_holding(const Document& document, const std::string& text) {
    for (const Passage& passage : document.passages) {
        if (passage.text.find(text) != std::string::npos) return &passage;
    }
    return nullptr;
}

std::string read_error_of(const corpus::SourceFile& file) {
    try {
        corpus::read_file(file);
    } catch (const corpus::ReadError& e) {
        return e.what();
    }
    return {};
}

TEST(OdtReader, ReadsHeadingsParagraphsListsTablesAndFootnotes) {
    const Document document = read_odt(testing::fixture("odt/notitie-windparken.odt"));
    EXPECT_EQ(document.title, "Notitie windparken op zee");  // meta.xml's dc:title
    EXPECT_EQ(document.id, "notitie-windparken");
    EXPECT_EQ(document.language, corpus::Language::kDutch);

    const Passage* opening = passage_holding(document, "windparken op zee beter");
    ASSERT_NE(opening, nullptr);
    EXPECT_EQ(opening->section, "Aanleiding");
    EXPECT_EQ(opening->text,
              "De gemeente wil de windparken op zee beter laten aansluiten op het net.");

    const Passage* footnote = passage_holding(document, "32 545, nr. 143");
    ASSERT_NE(footnote, nullptr);
    EXPECT_TRUE(footnote->is_footnote);
    EXPECT_EQ(footnote->label, "1");
    ASSERT_EQ(footnote->references.size(), 1u);
    EXPECT_EQ(footnote->references.front().id, "kst-32545-143");

    // A line break is a space; a comment is not the text.
    EXPECT_NE(passage_holding(document, "Deze notitie beschrijft drie maatregelen."), nullptr);
    EXPECT_EQ(passage_holding(document, "opmerking van een collega"), nullptr);

    const Passage* list = passage_holding(document, "Een vergunning voor kabels.");
    ASSERT_NE(list, nullptr);
    EXPECT_EQ(list->section, "Maatregelen");
    EXPECT_NE(passage_holding(document, "Een tweede aansluiting op Maasvlakte."), nullptr);
    EXPECT_NE(passage_holding(document, "Kabels | 12 miljoen"), nullptr);

    // A frame on the page (a footer) and the table of contents are not text.
    EXPECT_EQ(passage_holding(document, "Pagina-voet"), nullptr);
    EXPECT_EQ(passage_holding(document, "1 Aanleiding"), nullptr);
}

TEST(OdtReader, RefusesADamagedContainerWithItsReason) {
    const fs::path path = testing::fixture("odt/afgebroken.odt");
    const std::string reason = read_error_of({path.string(), testing::read_bytes(path)});
    EXPECT_NE(reason.find("ODT could not be opened"), std::string::npos) << reason;
}

// An ODT whose content.xml unpacks to `content_bytes` spaces inside a paragraph.
std::string odt_with_content_of(std::size_t content_bytes, const fs::path& scratch) {
    const fs::path path = scratch / "bom.odt";
    int error = 0;
    zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    if (!archive) return {};
    static const std::string mimetype = "application/vnd.oasis.opendocument.text";
    std::string content = "<office:document-content><office:body><office:text><text:p>";
    content.append(content_bytes, ' ');
    content += "</text:p></office:text></office:body></office:document-content>";
    zip_source_t* mime = zip_source_buffer(archive, mimetype.data(), mimetype.size(), 0);
    const zip_int64_t mime_index = zip_file_add(archive, "mimetype", mime, ZIP_FL_OVERWRITE);
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(mime_index), ZIP_CM_STORE, 0);
    zip_source_t* body = zip_source_buffer(archive, content.data(), content.size(), 0);
    const zip_int64_t body_index = zip_file_add(archive, "content.xml", body, ZIP_FL_OVERWRITE);
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(body_index), ZIP_CM_DEFLATE, 9);
    zip_close(archive);
    std::string bytes = testing::read_bytes(path);
    fs::remove(path);
    return bytes;
}

TEST(OdtReader, RefusesAZipBombNamingTheFileAndTheReason) {
    const fs::path scratch = fs::temp_directory_path();
    const std::string bomb = odt_with_content_of(std::size_t{80} << 20, scratch);
    ASSERT_LT(bomb.size(), std::size_t{1} << 20);  // 80 MB packed into well under 1 MB
    const std::string reason = read_error_of({"/x/bom.odt", bomb});
    EXPECT_NE(reason.find("content.xml unpacks to more than 64 MB"), std::string::npos) << reason;
    EXPECT_NE(reason.find("zip bomb"), std::string::npos) << reason;

    // The same file through an index run: a failure naming the file, and the run goes on.
    const fs::path folder = scratch / ("kamerzoek-odt-bomb-" + std::to_string(::getpid()));
    const fs::path index = folder.string() + "-index";
    fs::remove_all(folder);
    fs::remove_all(index);
    fs::create_directories(folder);
    { std::ofstream(folder / "bom.odt", std::ios::binary) << bomb; }
    fs::copy_file(testing::fixture("odt/notitie-windparken.odt"), folder / "notitie.odt");
    const IndexReport report = Indexer(index.string()).add_paths({folder.string()});
    ASSERT_EQ(report.failed.size(), 1u);
    EXPECT_TRUE(report.failed.front().path.ends_with("bom.odt"));
    EXPECT_NE(report.failed.front().reason.find("zip bomb"), std::string::npos);
    EXPECT_EQ(report.added, 1u);
    fs::remove_all(folder);
    fs::remove_all(index);
}

TEST(OdtReader, AnOdtAloneIsIndexedAndSearchable) {
    const fs::path folder =
        fs::temp_directory_path() / ("kamerzoek-odt-alone-" + std::to_string(::getpid()));
    const fs::path index = folder.string() + "-index";
    fs::remove_all(folder);
    fs::remove_all(index);
    fs::create_directories(folder);
    fs::copy_file(testing::fixture("odt/notitie-windparken.odt"), folder / "notitie.odt");
    const IndexReport report = Indexer(index.string()).add_paths({folder.string()});
    EXPECT_EQ(report.added, 1u);
    EXPECT_TRUE(report.skipped.empty());
    const SearchResults results = Searcher(index.string()).search("maasvlakte", {});
    ASSERT_FALSE(results.hits.empty());
    EXPECT_EQ(results.hits.front().doc_id, "notitie");
    EXPECT_EQ(results.hits.front().section, "Maatregelen");
    fs::remove_all(folder);
    fs::remove_all(index);
}

TEST(OdtReader, ReadsTheRepositorysOdtOfTheMotionOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const fs::path odt = testing::shared_corpus_dir() /
                         "repository-overheid/frbr/officielepublicaties/kst/32545/kst-32545-143/"
                         "1/odt/kst-32545-143.odt";
    const Document document = read_odt(odt);
    EXPECT_EQ(document.id, "kst-32545-143");
    EXPECT_TRUE(document.title.starts_with("Motie van de leden Inge van Dijk en Grinwis"))
        << document.title;
    EXPECT_EQ(document.kind, corpus::DocumentKind::kMotie);
    EXPECT_EQ(document.date, "2021-07-06");
    EXPECT_EQ(document.dossier, "32545");
    const Passage* request =
        passage_holding(document, "verzoekt de regering, om een grensspaarsaldo");
    ASSERT_NE(request, nullptr);
    EXPECT_NE(request->section.find("MOTIE VAN DE LEDEN INGE VAN DIJK EN GRINWIS"),
              std::string::npos)
        << request->section;
    // The margin block "kst-32545-143 / 's-Gravenhage 2021" is furniture.
    EXPECT_EQ(passage_holding(document, "'s-Gravenhage 2021"), nullptr);
}

}  // namespace
}  // namespace kamerzoek
