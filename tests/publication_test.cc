// Publications, not files: renditions grouped into one document, metadata
// files never documents, annexes linked to their main document.
#include "corpus/publication.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include "corpus/reader.h"
#include "kamerzoek/kamerzoek.h"
#include "tests/test_paths.h"

namespace kamerzoek {
namespace {

namespace fs = std::filesystem;
using corpus::Publication;

const std::string kMotion = "frbr/officielepublicaties/kst/32545/kst-32545-143/1";
const std::string kScan = "frbr/officielepublicaties/blg/onopgemaakt/blg-1007826/1";

fs::path fresh_dir(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() /
                         ("kamerzoek-publication-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

const Publication* find_publication(const corpus::PublicationSet& set, const std::string& path) {
    for (const Publication& publication : set.publications) {
        if (publication.path == path) return &publication;
    }
    return nullptr;
}

bool skipped(const corpus::PublicationSet& set, const std::string& path) {
    return std::any_of(set.skipped.begin(), set.skipped.end(), [&](const corpus::SkippedFile& f) {
        return f.path == path && !f.reason.empty();
    });
}

// -------------------------------------------------------------- grouping

TEST(Publications, GroupsTheRenditionsOfTheRepositoryLayoutIntoOne) {
    const std::string base = "/r/kst-1-2/1/";
    const corpus::PublicationSet set = corpus::group_publications(
        {base + "pdf/kst-1-2.pdf", base + "html/kst-1-2.html", base + "xml/kst-1-2.xml",
         base + "odt/kst-1-2.odt", base + "metadata/metadata.xml",
         base + "metadataowms/metadata_owms.xml"});
    ASSERT_EQ(set.publications.size(), 1u);
    const Publication& publication = set.publications.front();
    EXPECT_EQ(publication.path, base + "xml/kst-1-2.xml");  // official XML first
    EXPECT_EQ(publication.alternates,
              (std::vector<std::string>{base + "html/kst-1-2.html", base + "pdf/kst-1-2.pdf",
                                        base + "odt/kst-1-2.odt"}));
    EXPECT_EQ(publication.metadata,
              (std::vector<std::string>{base + "metadata/metadata.xml",
                                        base + "metadataowms/metadata_owms.xml"}));
    EXPECT_TRUE(set.skipped.empty());
}

TEST(Publications, ReadsTheBestRenditionThatIsThere) {
    const corpus::PublicationSet set = corpus::group_publications(
        {"/r/p/1/pdf/p.pdf", "/r/p/1/odt/p.odt", "/r/p/1/metadata/metadata.xml"});
    ASSERT_EQ(set.publications.size(), 1u);
    EXPECT_EQ(set.publications.front().path, "/r/p/1/pdf/p.pdf");  // ODT below PDF
    EXPECT_EQ(set.publications.front().alternates, std::vector<std::string>{"/r/p/1/odt/p.odt"});
}

TEST(Publications, GroupsRenditionsOfOneStemInOneFolderOnly) {
    const corpus::PublicationSet set = corpus::group_publications(
        {"/d/stb.xml", "/d/stb.html", "/d/other.pdf", "/d/test2006.nl", "/d/test2006.en",
         "/e/stb.pdf", "/d/pdf/a.pdf", "/d/pdf/b.pdf"});
    ASSERT_NE(find_publication(set, "/d/stb.xml"), nullptr);
    EXPECT_EQ(find_publication(set, "/d/stb.xml")->alternates,
              std::vector<std::string>{"/d/stb.html"});
    // Not renditions: twins in two languages, a namesake in another folder,
    // two papers in a folder that happens to be called pdf/.
    for (const char* path : {"/d/other.pdf", "/d/test2006.nl", "/d/test2006.en", "/e/stb.pdf",
                             "/d/pdf/a.pdf", "/d/pdf/b.pdf"}) {
        ASSERT_NE(find_publication(set, path), nullptr) << path;
        EXPECT_TRUE(find_publication(set, path)->alternates.empty()) << path;
    }
    EXPECT_EQ(set.publications.size(), 7u);
}

TEST(Publications, AttachesMetadataNamedForAFileOrAFolder) {
    const corpus::PublicationSet set = corpus::group_publications(
        {"/x/blg-1.xml", "/x/blg-1_metadata.xml", "/x/h-ek-2.xml", "/x/h-ek-2.metadata.xml",
         "/k/kst-3.xml", "/k/metadata.xml", "/p/manifest.xml", "/p/1/pdf/brief.pdf"});
    EXPECT_EQ(find_publication(set, "/x/blg-1.xml")->metadata,
              std::vector<std::string>{"/x/blg-1_metadata.xml"});
    EXPECT_EQ(find_publication(set, "/x/h-ek-2.xml")->metadata,
              std::vector<std::string>{"/x/h-ek-2.metadata.xml"});
    EXPECT_EQ(find_publication(set, "/k/kst-3.xml")->metadata,
              std::vector<std::string>{"/k/metadata.xml"});
    EXPECT_EQ(find_publication(set, "/p/1/pdf/brief.pdf")->metadata,
              std::vector<std::string>{"/p/manifest.xml"});
    EXPECT_EQ(set.publications.size(), 4u);
}

TEST(Publications, SkipsMetadataAndSearchAnswersThatStandAlone) {
    const corpus::PublicationSet set = corpus::group_publications(
        {"/r/sru.xml", "/r/a/1/metadata/metadata.xml", "/r/lone/metadata_owms.xml",
         "/r/b/manifest.xml", "/r/brief.pdf"});
    ASSERT_EQ(set.publications.size(), 1u);
    EXPECT_EQ(set.publications.front().path, "/r/brief.pdf");
    for (const char* path : {"/r/sru.xml", "/r/a/1/metadata/metadata.xml",
                             "/r/lone/metadata_owms.xml", "/r/b/manifest.xml"}) {
        EXPECT_TRUE(skipped(set, path)) << path;
    }
}

TEST(Publications, KnowsAnnexesByTheirNamesInDutchAndEnglish) {
    for (const char* name :
         {"Bijlage A - DPIA Coronamelder.pdf", "bijlage-3.pdf", "Bijlage 12 rapport.pdf",
          "Bijlagen bij de brief.pdf", "bijlage_II.pdf", "Annex II.pdf", "annex-b.pdf",
          "Appendix B - Results.pdf", "BIJLAGE.pdf"}) {
        EXPECT_TRUE(corpus::is_annex_name(std::string("/d/") + name)) << name;
    }
    for (const char* name :
         {"20200928 Duidingsrapportage Coronamelder.pdf", "bijlagenoverzicht.pdf", "annexatie.pdf",
          "kst-35538-4.pdf", "Leeswijzer bijlage.pdf"}) {
        EXPECT_FALSE(corpus::is_annex_name(std::string("/d/") + name)) << name;
    }
}

TEST(Publications, LinksAnnexesToTheOneMainDocumentOfTheirFolder) {
    const corpus::PublicationSet set = corpus::group_publications(
        {"/c/Rapport.pdf", "/c/Bijlage A - x.pdf", "/c/Bijlage B - y.pdf", "/c/readme.pdf",
         "/two/brief.pdf", "/two/nota.pdf", "/two/Bijlage 1.pdf"});
    EXPECT_EQ(find_publication(set, "/c/Bijlage A - x.pdf")->annex_of, "/c/Rapport.pdf");
    EXPECT_EQ(find_publication(set, "/c/Bijlage B - y.pdf")->annex_of, "/c/Rapport.pdf");
    EXPECT_EQ(find_publication(set, "/c/Rapport.pdf")->annex_of, "");
    EXPECT_EQ(find_publication(set, "/c/readme.pdf")->annex_of, "");
    // Two candidates: which one the annex belongs to is not for a name to say.
    EXPECT_EQ(find_publication(set, "/two/Bijlage 1.pdf")->annex_of, "");
}

TEST(Publications, AMetadataRecordReadOnItsOwnIsNoPublication) {
    EXPECT_THROW(corpus::read_file({"/x/opmeta.xml",
                                    "<?xml version=\"1.0\"?>\n<metadata_gegevens><metadata "
                                    "name=\"DC.title\" content=\"Titel\"/></metadata_gegevens>"}),
                 corpus::NotAPublication);
    EXPECT_THROW(corpus::read_file({"/x/answer.xml",
                                    "<sru:searchRetrieveResponse xmlns:sru=\"x\"><sru:version>2.0"
                                    "</sru:version></sru:searchRetrieveResponse>"}),
                 corpus::NotAPublication);
}

void write_file(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
}

std::string html_stating(const std::string& id) {
    return "<!DOCTYPE html><html><head><meta name=\"DC.identifier\" content=\"" + id +
           "\"/><title>t</title></head><body><p>tekst</p></body></html>";
}

std::string xml_stating(const std::string& id) {
    return "<?xml version=\"1.0\"?><officiele-publicatie><metadata><meta "
           "name=\"OVERHEIDop.externMetadataRecord\" "
           "content=\"https://zoek.officielebekendmakingen.nl/" +
           id + "/metadata.xml\"/></metadata><staatsblad/></officiele-publicatie>";
}

TEST(Publications, FilesOfOneNameStatingDifferentIdsAreTwoPublications) {
    const fs::path dir = fresh_dir("stated-ids");
    write_file(dir / "same/stb.xml", xml_stating("stb-2018-84"));
    write_file(dir / "same/stb.html", html_stating("stb-2018-84"));
    write_file(dir / "same/stb.pdf", "%PDF-1.4");  // states nothing: goes with the best
    write_file(dir / "differ/stb.xml", xml_stating("stb-2018-84"));
    write_file(dir / "differ/stb.html", html_stating("stb-2014-296"));
    write_file(dir / "differ/stb.pdf", "%PDF-1.4");
    const corpus::PublicationSet set = corpus::group_publications(
        {(dir / "same/stb.xml").string(), (dir / "same/stb.html").string(),
         (dir / "same/stb.pdf").string(), (dir / "differ/stb.xml").string(),
         (dir / "differ/stb.html").string(), (dir / "differ/stb.pdf").string()});
    ASSERT_EQ(set.publications.size(), 3u);
    EXPECT_EQ(find_publication(set, (dir / "same/stb.xml").string())->alternates,
              (std::vector<std::string>{(dir / "same/stb.html").string(),
                                        (dir / "same/stb.pdf").string()}));
    ASSERT_NE(find_publication(set, (dir / "differ/stb.xml").string()), nullptr);
    EXPECT_EQ(find_publication(set, (dir / "differ/stb.xml").string())->alternates,
              std::vector<std::string>{(dir / "differ/stb.pdf").string()});
    ASSERT_NE(find_publication(set, (dir / "differ/stb.html").string()), nullptr);
    EXPECT_TRUE(find_publication(set, (dir / "differ/stb.html").string())->alternates.empty());
    fs::remove_all(dir);
}

TEST(Publications, TheOfficialXmlFolderHoldsFiveDifferentPublicationsOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const fs::path folder = testing::shared_corpus_dir() / "officiele-publicaties-xml";
    std::vector<std::string> files;
    for (const auto& entry : fs::directory_iterator(folder)) files.push_back(entry.path().string());
    const corpus::PublicationSet set = corpus::group_publications(files);
    // stb.html is stb-2014-296, stb.xml stb-2018-84; stcrt.html is
    // stcrt-2013-10981, stcrt.xml stcrt-2015-47076 (and bgr.xml, and
    // opmeta1.xml, a metadata record known by its content when read).
    for (const char* name : {"stb.xml", "stb.html", "stcrt.xml", "stcrt.html", "bgr.xml"}) {
        const Publication* publication = find_publication(set, (folder / name).string());
        ASSERT_NE(publication, nullptr) << name;
        EXPECT_TRUE(publication->alternates.empty()) << name;
    }
}

TEST(Publications, AReadmeInMarkdownAndAsPdfIsOneGuideOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const fs::path folder = testing::shared_corpus_dir() / "annex-set-coronamelder";
    const Publication guide = corpus::publication_of((folder / "README.md").string());
    EXPECT_EQ(guide.alternates, std::vector<std::string>{(folder / "readme.pdf").string()});
}

// ------------------------------------------------------- reindexing

std::map<std::string, DocumentView> documents_in(const fs::path& index) {
    Searcher searcher(index.string());
    std::map<std::string, DocumentView> documents;
    SearchOptions options;
    options.limit = 100;
    options.per_document = 1;
    for (const Hit& hit : searcher.search("spaarrente", options).hits)
        documents.emplace(hit.doc_id, searcher.show(hit.doc_id));
    return documents;
}

void copy_rendition(const fs::path& from, const fs::path& to, const std::string& relative) {
    fs::create_directories((to / relative).parent_path());
    fs::copy_file(from / relative, to / relative, fs::copy_options::overwrite_existing);
}

TEST(Publications, ReindexingKeepsOneDocumentAsRenditionsComeChangeAndGoOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const fs::path source = testing::shared_corpus_dir() / "repository-overheid" / kMotion;
    const fs::path root = fresh_dir("renditions");
    const fs::path folder = root / "kst-32545-143" / "1";
    const fs::path index = fresh_dir("renditions-index");
    copy_rendition(source, folder, "pdf/kst-32545-143.pdf");
    copy_rendition(source, folder, "metadata/metadata.xml");
    auto run = [&] { return Indexer(index.string()).add_paths({root.string()}); };
    auto only_document = [&](const std::string& rendition) {
        const auto documents = documents_in(index);
        EXPECT_EQ(documents.size(), 1u);
        if (documents.size() != 1) return;
        const DocumentView& view = documents.begin()->second;
        EXPECT_EQ(view.doc_id, "kst-32545-143");
        EXPECT_TRUE(view.source.ends_with(rendition)) << view.source;
        EXPECT_EQ(view.date, "2021-07-06");
        EXPECT_TRUE(view.title.starts_with("Motie van de leden Inge van Dijk en Grinwis"))
            << view.title;
    };

    IndexReport report = run();
    EXPECT_TRUE(report.failed.empty());
    only_document("pdf/kst-32545-143.pdf");

    // The official XML appears: it becomes what is read, the PDF an alternate.
    copy_rendition(source, folder, "xml/kst-32545-143.xml");
    report = run();
    EXPECT_TRUE(report.failed.empty());
    only_document("xml/kst-32545-143.xml");
    EXPECT_EQ(documents_in(index).begin()->second.alternates,
              std::vector<std::string>{(folder / "pdf/kst-32545-143.pdf").string()});

    // An alternate appears, then changes: still one document, reread.
    copy_rendition(source, folder, "html/kst-32545-143.html");
    report = run();
    EXPECT_EQ(report.updated, 1u);
    EXPECT_EQ(documents_in(index).begin()->second.alternates.size(), 2u);
    std::ofstream(folder / "html/kst-32545-143.html", std::ios::app) << "\n";
    report = run();
    EXPECT_EQ(report.updated, 1u);
    only_document("xml/kst-32545-143.xml");

    // The XML goes: the HTML is read again, and is still the same publication.
    fs::remove(folder / "xml/kst-32545-143.xml");
    report = run();
    EXPECT_TRUE(report.failed.empty());
    only_document("html/kst-32545-143.html");
    fs::remove_all(root);
    fs::remove_all(index);
}

// ----------------------------------------- the real publications

// One index of the folders these tests look at, built once for all of them.
struct CorpusIndex {
    fs::path dir = fresh_dir("corpus-index");
    IndexReport report;

    CorpusIndex() {
        const fs::path corpus = testing::shared_corpus_dir();
        report = Indexer(dir.string())
                     .add_paths({(corpus / "repository-overheid").string(),
                                 (corpus / "kamerbrief-pdf").string(),
                                 (corpus / "annex-set-coronamelder").string(),
                                 (corpus / "officiele-publicaties-xml").string(),
                                 (corpus / "woo-pdf").string()});
    }
    ~CorpusIndex() { fs::remove_all(dir); }
};

const CorpusIndex& corpus_index() {
    static const CorpusIndex index;
    return index;
}

std::vector<Hit> top_hits(const std::string& query, std::size_t limit = 10) {
    SearchOptions options;
    options.limit = limit;
    return Searcher(corpus_index().dir.string()).search(query, options).hits;
}

TEST(Publications, TheRepositoryLayoutMakesOneDocumentWithItsMetadataOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    Searcher searcher(corpus_index().dir.string());
    const DocumentView view = searcher.show("kst-32545-143");
    EXPECT_EQ(view.doc_id, "kst-32545-143");
    EXPECT_TRUE(view.source.ends_with("/xml/kst-32545-143.xml")) << view.source;
    EXPECT_EQ(view.date, "2021-07-06");
    EXPECT_EQ(view.published, "2021-07-07");
    EXPECT_EQ(view.dossier.value_or(""), "32545");
    EXPECT_EQ(view.authors, (std::vector<std::string>{"I. (Inge) van Dijk", "P.A. Grinwis"}));
    ASSERT_EQ(view.alternates.size(), 3u);
    EXPECT_TRUE(view.alternates[0].ends_with("/html/kst-32545-143.html"));
    EXPECT_TRUE(view.alternates[1].ends_with("/pdf/kst-32545-143.pdf"));
    EXPECT_TRUE(view.alternates[2].ends_with("/odt/kst-32545-143.odt"));
    // No copy of it under another id (it was three: -46453, -24366).
    std::set<std::string> motion_documents;
    for (const Hit& hit : top_hits("negatieve spaarrente", 10)) {
        if (hit.doc_id.starts_with("kst-32545-143")) motion_documents.insert(hit.doc_id);
        EXPECT_TRUE(hit.source.find("/html/") == std::string::npos &&
                    hit.source.find("/pdf/kst-32545") == std::string::npos)
            << "an alternate was indexed: " << hit.source;
    }
    EXPECT_EQ(motion_documents, std::set<std::string>{"kst-32545-143"});
    // "Voorgesteld 6 juli 2021" is its date, not its first passage.
    ASSERT_FALSE(view.passages.empty());
    EXPECT_TRUE(view.passages.front().text.starts_with("De Kamer,")) << view.passages.front().text;
}

TEST(Publications, MetadataFilesAreNeverDocumentsOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const IndexReport& report = corpus_index().report;
    auto was_skipped = [&](const std::string& name) {
        return std::any_of(report.skipped.begin(), report.skipped.end(),
                           [&](const SkippedFile& file) {
                               return file.path.ends_with(name) && !file.reason.empty();
                           });
    };
    EXPECT_TRUE(was_skipped("repository-overheid/sru.xml"));
    EXPECT_TRUE(was_skipped("officiele-publicaties-xml/opmeta1.xml"));
    for (const FileFailure& failure : report.failed)
        EXPECT_EQ(failure.path.find("metadata"), std::string::npos) << failure.path;
    for (const std::string query : {"motie grensspaarsaldo", "OVERHEIDop.dossiernummer",
                                    "searchRetrieveResponse", "DCTERMS.available"}) {
        for (const Hit& hit : top_hits(query)) {
            EXPECT_FALSE(hit.title.starts_with("<?xml")) << query << ": " << hit.doc_id;
            EXPECT_FALSE(hit.text.find("<?xml") != std::string::npos)
                << query << ": " << hit.doc_id;
            EXPECT_FALSE(hit.source.ends_with(".xml") &&
                         hit.source.find("metadata") != std::string::npos)
                << hit.source;
        }
    }
    const std::vector<Hit> motion = top_hits("motie grensspaarsaldo");
    ASSERT_FALSE(motion.empty());
    EXPECT_EQ(motion.front().doc_id, "kst-32545-143");
}

TEST(Publications, AScanWithoutTextIsRejectedWithItsReasonOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const IndexReport& report = corpus_index().report;
    const auto scan = std::find_if(
        report.failed.begin(), report.failed.end(),
        [](const FileFailure& f) { return f.path.ends_with(kScan + "/pdf/blg-1007826.pdf"); });
    ASSERT_NE(scan, report.failed.end());
    EXPECT_FALSE(scan->reason.empty());
}

TEST(Publications, AManifestGivesAPdfItsTitleDateAndMinistryOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const DocumentView view = Searcher(corpus_index().dir.string()).show("plooicb-2011-5424");
    EXPECT_EQ(view.title, "Brief Tweede Kamer: Draagmoederschap");
    EXPECT_EQ(view.date, "2011-03-01");
    EXPECT_EQ(view.kind, "kamerbrief");
    EXPECT_EQ(view.authors, std::vector<std::string>{"Ministerie van Justitie en Veiligheid"});
    EXPECT_TRUE(view.source.ends_with("20110301-5687928a-draagmoederschap.pdf"));
    // Not in the manifest: "Ons kenmerk" from the letter's side column.
    EXPECT_EQ(view.kenmerk, "5687928/11");
}

TEST(Publications, AnnexesFindTheirReportOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    Searcher searcher(corpus_index().dir.string());
    const std::string report_id = "20200928-duidingsrapportage-coronamelder";
    const DocumentView report = searcher.show(report_id);
    // Bijlage A to K as the folder holds them (there is no F), in order.
    const std::string letters = "abcdeghijk";
    ASSERT_EQ(report.annexes.size(), letters.size());
    for (std::size_t i = 0; i < report.annexes.size(); ++i) {
        // Bijlage D prints its own id (35 538, nr. 4) and is known by it.
        const std::string expected_start =
            letters[i] == 'd' ? "kst-35538-4" : std::string("bijlage-") + letters[i] + "-";
        EXPECT_TRUE(report.annexes[i].starts_with(expected_start)) << report.annexes[i];
        const DocumentView annex = searcher.show(report.annexes[i]);
        EXPECT_EQ(annex.kind, "bijlage");
        EXPECT_EQ(annex.parent_id, report_id);
    }
    EXPECT_NE(report.kind, "bijlage");
    SearchOptions options;
    options.limit = 50;
    options.per_document = 1;
    std::set<std::string> found;
    for (const Hit& hit : searcher.search("kind:bijlage coronamelder", options).hits) {
        if (hit.parent_id == report_id) found.insert(hit.doc_id);
    }
    EXPECT_GE(found.size(), 8u);
}

TEST(Publications, AnAnnexIsTitledAsItsSenderNamedItOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    Searcher searcher(corpus_index().dir.string());
    // Its first heading is "Openbare versie"; its name says what it is.
    EXPECT_EQ(searcher.show("bijlage-b-advies-autoriteit-persoonsgegevens").title,
              "Bijlage B - Advies Autoriteit Persoonsgegevens");
    // A printed Kamerstuk keeps its printed title.
    EXPECT_TRUE(searcher.show("kst-35538-4").title.starts_with("Tijdelijke bepalingen"));
    const std::vector<Hit> hits = top_hits("Advies Autoriteit Persoonsgegevens", 3);
    ASSERT_FALSE(hits.empty());
    EXPECT_EQ(hits.front().doc_id, "bijlage-b-advies-autoriteit-persoonsgegevens");
}

TEST(Publications, WooReleasesAreEmailsAndNotasWithSubjectAndDateOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    Searcher searcher(corpus_index().dir.string());
    const DocumentView mail =
        searcher.show("vws-woo-183617-voorstel-werkgroep-aerogene-transmissie");
    EXPECT_EQ(mail.kind, "email");
    EXPECT_EQ(mail.title, "Voorstel werkgroep aerogene transmissie");
    EXPECT_EQ(mail.date, "2020-09-09");  // "Sent: Wed 9/9/2020 12:45:19 PM"
    ASSERT_FALSE(mail.passages.empty());
    EXPECT_TRUE(mail.passages.front().text.starts_with("In de bijlage mijn voorstel"))
        << mail.passages.front().text;

    const DocumentView nota = searcher.show("171059");
    EXPECT_EQ(nota.kind, "nota");
    EXPECT_EQ(nota.title, "Aanwijzing leerling- en doelgroepenvervoer");
    EXPECT_EQ(nota.kenmerk, "1739903-209722-PG");

    SearchOptions options;
    options.per_document = 1;
    std::set<std::string> mails;
    for (const Hit& hit : searcher.search("kind:email", options).hits) mails.insert(hit.doc_id);
    EXPECT_EQ(mails.size(), 3u);
    for (const Hit& hit : searcher.search("kind:email OR kind:nota", options).hits) {
        for (const char* header : {"Subject:", "Received:", "Sent:", "Verzonden:", "Onderwerp:"})
            EXPECT_EQ(hit.text.find(header), std::string::npos) << hit.doc_id << ": " << hit.text;
    }
}

TEST(Publications, TwoPublicationsOfOneNameAreBothIndexedUnderTheirOwnIdsOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    Searcher searcher(corpus_index().dir.string());
    const DocumentView decree = searcher.show("stb-2018-84");
    EXPECT_TRUE(decree.source.ends_with("officiele-publicaties-xml/stb.xml")) << decree.source;
    EXPECT_TRUE(decree.alternates.empty());
    const DocumentView other_decree = searcher.show("stb-2014-296");
    EXPECT_TRUE(other_decree.source.ends_with("officiele-publicaties-xml/stb.html"))
        << other_decree.source;
    EXPECT_EQ(other_decree.kind, "staatsblad");
    const DocumentView notice = searcher.show("stcrt-2013-10981");
    EXPECT_TRUE(notice.source.ends_with("officiele-publicaties-xml/stcrt.html")) << notice.source;
    EXPECT_EQ(searcher.show("stcrt-2015-47076").alternates, std::vector<std::string>{});
    const std::vector<Hit> hits = top_hits("Jan Arendsland Staphorst", 3);
    ASSERT_FALSE(hits.empty());
    EXPECT_EQ(hits.front().doc_id, "stcrt-2013-10981");
}

TEST(Publications, TheReadingGuideIsOneDocumentReadFromItsMarkdownOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    Searcher searcher(corpus_index().dir.string());
    SearchOptions options;
    options.per_document = 1;
    options.limit = 50;
    std::set<std::string> guides;
    for (const Hit& hit : searcher.search("beveiligingsonderzoeken leeswijzer", options).hits) {
        if (hit.source.find("annex-set-coronamelder/readme") != std::string::npos ||
            hit.source.find("annex-set-coronamelder/README") != std::string::npos)
            guides.insert(hit.doc_id);
    }
    ASSERT_EQ(guides.size(), 1u);
    const DocumentView guide = searcher.show(*guides.begin());
    EXPECT_TRUE(guide.source.ends_with("README.md")) << guide.source;
    ASSERT_EQ(guide.alternates.size(), 1u);
    EXPECT_TRUE(guide.alternates.front().ends_with("readme.pdf"));
    EXPECT_NE(guide.kind, "bijlage");
}

TEST(Publications, AReportAndABncFicheAreNamedForWhatTheyAreOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    Searcher searcher(corpus_index().dir.string());
    EXPECT_EQ(searcher.show("20200928-duidingsrapportage-coronamelder").kind, "rapport");
    const std::string fiche_id =
        "fiche-5-herziening-verordening-en-richtlijn-markten-voor-financiele-instrumenten";
    EXPECT_EQ(searcher.show(fiche_id).kind, "fiche");
    SearchOptions options;
    options.per_document = 1;
    const SearchResults fiches = searcher.search("kind:fiche", options);
    ASSERT_EQ(fiches.hits.size(), 1u);
    EXPECT_EQ(fiches.hits.front().doc_id, fiche_id);
    const SearchResults reports = searcher.search("kind:rapport coronamelder", options);
    ASSERT_FALSE(reports.hits.empty());
    EXPECT_EQ(reports.hits.front().doc_id, "20200928-duidingsrapportage-coronamelder");
    // The annexes stay annexes, whatever their names call them.
    EXPECT_EQ(searcher.show("bijlage-j-minvws-coronamelder-report-v1-0").kind, "bijlage");
}

}  // namespace
}  // namespace kamerzoek
