#include "corpus/references.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "corpus/reader.h"

namespace kamerzoek::corpus {
namespace {

namespace fs = std::filesystem;

#ifdef KAMERZOEK_SOURCE_DIR
const fs::path kSourceDir = KAMERZOEK_SOURCE_DIR;
#else
const fs::path kSourceDir = "/work/main";
#endif

// ../shared/corpus beside the checkout, or KAMERZOEK_SHARED_CORPUS.
fs::path shared_corpus() {
    if (const char* env = std::getenv("KAMERZOEK_SHARED_CORPUS")) return env;
    return kSourceDir / ".." / "shared" / "corpus";
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

std::set<std::string> ids_of(const std::vector<Reference>& refs) {
    std::set<std::string> ids;
    for (const Reference& ref : refs) ids.insert(ref.id);
    return ids;
}

std::set<std::string> ids_in(std::string_view text, const ReferenceContext& context = {}) {
    return ids_of(find_references(text, context));
}

// Crude on purpose: the reader is not under test here.
std::string strip_tags(const std::string& xml) {
    std::string text;
    bool in_tag = false;
    for (char c : xml) {
        if (c == '<') in_tag = true;
        if (!in_tag) text += c;
        if (c == '>') in_tag = false;
    }
    return text;
}

#define REQUIRE_SHARED_CORPUS()                                              \
    if (!fs::is_directory(shared_corpus())) {                                \
        FAIL() << "shared corpus folder missing: " << shared_corpus()        \
               << " (tests ending in OnSharedCorpus need ../shared/corpus)"; \
    }

using Ids = std::set<std::string>;

TEST(ReferenceParser, ExpandsItemListsInHandelingenCitations) {
    EXPECT_EQ(ids_in("Handelingen II 2015/16, nr. 26, items 5 en 16"),
              (Ids{"h-tk-20152016-26-5", "h-tk-20152016-26-16"}));
    EXPECT_EQ(ids_in("Handelingen II 2017/18, nr. 61, items 5 tot en met 8"),
              (Ids{"h-tk-20172018-61-5", "h-tk-20172018-61-6", "h-tk-20172018-61-7",
                   "h-tk-20172018-61-8"}));
    EXPECT_EQ(ids_in("Handelingen II 2016/17, nr. 12, items 3, 4 en 7"),
              (Ids{"h-tk-20162017-12-3", "h-tk-20162017-12-4", "h-tk-20162017-12-7"}));
}

TEST(ReferenceParser, CitesAWholeIssueWhenNoItemIsGiven) {
    const auto refs = find_references("Handelingen Tweede Kamer 2007-08, nr. 49, p. 3623");
    ASSERT_EQ(refs.size(), 1u);
    EXPECT_EQ(refs[0].id, "h-tk-20072008-49");
    EXPECT_EQ(refs[0].type, ReferenceType::kHandelingen);
    EXPECT_EQ(ids_in("Handelingen EK 2001-2002, nr. 10"), (Ids{"h-ek-20012002-10"}));
}

TEST(ReferenceParser, NormalisesSessionYearsAndChambers) {
    for (const char* text : {"Handelingen II 2015/16, nr. 3", "Handelingen II 2015-2016, nr. 3",
                             "Handelingen Tweede Kamer 2015\xE2\x80\x93"
                             "16, nr. 3",
                             "Handelingen TK 2015/2016, nr. 3", "Handelingen 11 2015/16, nr. 3"}) {
        EXPECT_EQ(ids_in(text), (Ids{"h-tk-20152016-3"})) << text;
    }
    EXPECT_EQ(ids_in("Handelingen I 1999/2000, nr. 3"), (Ids{"h-ek-19992000-3"}));
    EXPECT_EQ(ids_in("Handelingen Eerste Kamer 1999-2000, nr. 3"), (Ids{"h-ek-19992000-3"}));
}

TEST(ReferenceParser, ReadsAanhangselCitations) {
    const auto refs = find_references("Aanhangsel Handelingen II 2019/20, nr. 89");
    ASSERT_EQ(refs.size(), 1u);
    EXPECT_EQ(refs[0].id, "ah-tk-20192020-89");
    EXPECT_EQ(refs[0].type, ReferenceType::kAanhangsel);
}

TEST(ReferenceParser, NormalisesKamerstukDossiersChaptersAndNumbers) {
    EXPECT_EQ(ids_in("Kamerstukken II 2015/16, 34 300 V, nr. 30"), (Ids{"kst-34300-V-30"}));
    EXPECT_EQ(ids_in("Kamerstukken I 2021/22, 35 925, nr. E"), (Ids{"kst-35925-E"}));
    EXPECT_EQ(ids_in("Kamerstuk 21 501-30, nr. 374"), (Ids{"kst-21501-30-374"}));
    EXPECT_EQ(ids_in("Kamerstuk 21501-08-726"), (Ids{"kst-21501-08-726"}));
    EXPECT_EQ(ids_in("Kamerstuk 35 300-XV, nr. 2"), (Ids{"kst-35300-XV-2"}));
    EXPECT_EQ(ids_in("Kamerstuk 31700.VIII, nr. 2"), (Ids{"kst-31700-VIII-2"}));
    EXPECT_EQ(ids_in("Kamerstuk 34 417 (R2068), nr. 7"), (Ids{"kst-34417-R2068-7"}));
    EXPECT_EQ(ids_in("34417-(R2068)-7"), (Ids{"kst-34417-R2068-7"}));
    EXPECT_EQ(ids_in("Kamerstuk 31 066, nrs. 520 en 548"), (Ids{"kst-31066-520", "kst-31066-548"}));
    EXPECT_EQ(ids_in("Kamerstuk 33 308, nrs. 1\xE2\x80\x93"
                     "3"),
              (Ids{"kst-33308-1", "kst-33308-2", "kst-33308-3"}));
}

TEST(ReferenceParser, ReturnsADossierWhenNoPaperIsCited) {
    const auto refs = find_references("het wetsvoorstel (Kamerstuk 34 300 V) is aangenomen");
    ASSERT_EQ(refs.size(), 1u);
    EXPECT_EQ(refs[0].id, "34300-V");
    EXPECT_EQ(refs[0].type, ReferenceType::kDossier);
    EXPECT_EQ(official_url(refs[0]), "");
}

TEST(ReferenceParser, AcceptsBareIdsInListsOfPapers) {
    EXPECT_EQ(ids_in("Reactie op onderdeel M van de nota van wijziging - 34426-28"),
              (Ids{"kst-34426-28"}));
    EXPECT_EQ(ids_in("over salarisstijging (Kamerstuk 30111-108) - 30111-109 minister"),
              (Ids{"kst-30111-108", "kst-30111-109"}));
    EXPECT_EQ(ids_in("Zij krijgt nr. 199 (31311)."), (Ids{"kst-31311-199"}));
}

TEST(ReferenceParser, RejectsNumbersThatAreNoKamerstuk) {
    for (const char* text : {"Het kabinet trekt \xE2\x82\xAC 34 300 uit.", "zie artikel 30, lid 2",
                             "Bel 070-3182211.", "nr. 1 hit van 2015", "ISBN 978-90-12345-67-8",
                             "Kamerstukken 1814-1995", "de periode 2015-2016", "tel. 30111-109",
                             "zaak 2018Z05896", "Postbus 20018, 2500 EA Den Haag"}) {
        EXPECT_TRUE(find_references(text).empty()) << text;
    }
}

TEST(ReferenceParser, ResolvesStukNrAgainstTheContextDossier) {
    ReferenceContext context;
    context.dossier = "34300-V";
    EXPECT_EQ(ids_in("de motie op stuk nr. 211", context), (Ids{"kst-34300-V-211"}));
    EXPECT_TRUE(find_references("de motie op stuk nr. 211").empty());
}

TEST(ReferenceParser, RepairsTextDamagedByPdfExtraction) {
    EXPECT_EQ(ids_in("zie 15Kamerstukken II 2015/16, 34 300 V, nr. 30"), (Ids{"kst-34300-V-30"}));
    EXPECT_EQ(ids_in("Kamerstukken II 1985/- 86, 19 200, nr. 3"), (Ids{"kst-19200-3"}));
    EXPECT_EQ(ids_in("Kamerstukken II 1985/-\n86, 19 200, nr. 3"), (Ids{"kst-19200-3"}));
    EXPECT_EQ(ids_in("Handelingen II 2015/16, \n nr.  27,  item 8"), (Ids{"h-tk-20152016-27-8"}));
    EXPECT_EQ(ids_in("Kamer-\nstukken II 2015/16, 34 300 V, nr. 30"), (Ids{"kst-34300-V-30"}));
    EXPECT_EQ(ids_in("21501-07-\n1399"), (Ids{"kst-21501-07-1399"}));
}

TEST(ReferenceParser, KeepsTheCitedTextAndItsByteSpan) {
    const std::string text = "Zie de motie (Kamerstuk 29 754, \nnr. 336) van het lid Roemer.";
    const auto refs = find_references(text);
    ASSERT_EQ(refs.size(), 1u);
    EXPECT_EQ(refs[0].cited_as, "Kamerstuk 29 754, \nnr. 336");
    EXPECT_EQ(text.substr(refs[0].begin, refs[0].end - refs[0].begin), refs[0].cited_as);
}

TEST(ReferenceParser, SharesTheSpanAmongReferencesOfOneCitation) {
    const auto refs = find_references("Handelingen II 2015/16, nr. 26, items 5 en 16.");
    ASSERT_EQ(refs.size(), 2u);
    EXPECT_EQ(refs[0].cited_as, refs[1].cited_as);
    EXPECT_EQ(refs[0].begin, refs[1].begin);
    EXPECT_EQ(refs[0].end, refs[1].end);
}

TEST(ReferenceParser, ParsesACitationInAnyForm) {
    EXPECT_EQ(ids_of(parse_citation("Handelingen II 2015/16, nr. 26, items 5 en 16")),
              (Ids{"h-tk-20152016-26-5", "h-tk-20152016-26-16"}));
    EXPECT_EQ(ids_of(parse_citation("Kamerstuk 34 300 V, nr. 30")), (Ids{"kst-34300-V-30"}));
    EXPECT_EQ(ids_of(parse_citation(" 34 300 V ")), (Ids{"34300-V"}));
    EXPECT_EQ(ids_of(parse_citation("30111")), (Ids{"30111"}));
    EXPECT_TRUE(parse_citation("de kat krabt de krullen").empty());
}

TEST(ReferenceParser, ParsesCanonicalIds) {
    struct Case {
        const char* id;
        ReferenceType type;
    };
    for (const Case& c :
         {Case{"kst-34300-V-30", ReferenceType::kKamerstuk},
          Case{"kst-35925-E", ReferenceType::kKamerstuk},
          Case{"kst-34417-R2068-7", ReferenceType::kKamerstuk},
          Case{"h-tk-20152016-26-5", ReferenceType::kHandelingen},
          Case{"h-ek-20072008-49", ReferenceType::kHandelingen},
          Case{"ah-tk-20192020-89", ReferenceType::kAanhangsel},
          Case{"34300-V", ReferenceType::kDossier}, Case{"21501-30", ReferenceType::kDossier}}) {
        const auto refs = parse_citation(c.id);
        ASSERT_EQ(refs.size(), 1u) << c.id;
        EXPECT_EQ(refs[0].id, c.id);
        EXPECT_EQ(refs[0].type, c.type) << c.id;
    }
}

TEST(ReferenceParser, BuildsOfficialUrlsForPublishedDocuments) {
    const auto refs = parse_citation("kst-34300-V-30");
    ASSERT_EQ(refs.size(), 1u);
    EXPECT_EQ(official_url(refs[0]), "https://zoek.officielebekendmakingen.nl/kst-34300-V-30");
    EXPECT_EQ(official_url(parse_citation("h-tk-20152016-26-5").at(0)),
              "https://zoek.officielebekendmakingen.nl/h-tk-20152016-26-5");
    EXPECT_EQ(official_url(parse_citation("34300-V").at(0)), "");
}

TEST(ReferenceParser, NamesReferenceTypes) {
    EXPECT_EQ(to_string(ReferenceType::kHandelingen), "handelingen");
    EXPECT_EQ(to_string(ReferenceType::kAanhangsel), "aanhangsel");
    EXPECT_EQ(to_string(ReferenceType::kKamerstuk), "kamerstuk");
    EXPECT_EQ(to_string(ReferenceType::kDossier), "dossier");
}

TEST(ReferenceParser, ScansLongTextInLinearTime) {
    const std::string block =
        "Handelingen II 2015/16, nr. 26, items 5 en 16; Kamerstuk 34 300 V, nr. 30. "
        "Op 12-03-2016 kostte het \xE2\x82\xAC 34 300, artikel 30, lid 2, tel. 070-3182211, "
        "nr. 1 en 2 en 3 en 4 (geen dossier) - 30111-109 - 21501-07-1398 1 2 3 4 5 6 7 8 9.\n";
    std::string text;
    while (text.size() < 8'000'000) text += block;
    const auto start = std::chrono::steady_clock::now();
    const auto refs = find_references(text);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_EQ(refs.size(), (text.size() / block.size()) * 5);
    std::printf("references: %.1f MB/s\n", text.size() / 1e6 / seconds);
    EXPECT_LT(seconds, 20.0);
}

TEST(ReferenceParser, RecognisesStaatsbladAndStaatscourantCitations) {
    EXPECT_EQ(ids_in("Staatsblad 2020, 118"), (Ids{"stb-2020-118"}));
    EXPECT_EQ(ids_in("(Stb. 2020, 118)"), (Ids{"stb-2020-118"}));
    EXPECT_EQ(ids_in("Stcrt. 2015, 47076"), (Ids{"stcrt-2015-47076"}));
    EXPECT_EQ(ids_in("Trb. 1956, nr. 75 en Trb. 1989/61"), (Ids{"trb-1956-75", "trb-1989-61"}));
    EXPECT_EQ(ids_in("(*Stb.* 1990, 394)"), (Ids{"stb-1990-394"}));
    EXPECT_EQ(ids_in("de wet van 21 april 1884, Stb. 96, tot regeling"), (Ids{"stb-1884-96"}));
    for (const char* text : {"(Stb. 565)", "Stb. 1947, H 165", "(Stb. XXX, XXX)",
                             "in het Staatsblad zal worden geplaatst", "Stb. 2020, 0118"}) {
        EXPECT_TRUE(find_references(text).empty()) << text;
    }
    const auto refs = parse_citation("Stb. 2020, 118");
    ASSERT_EQ(refs.size(), 1u);
    EXPECT_EQ(refs[0].id, "stb-2020-118");
    EXPECT_EQ(refs[0].type, ReferenceType::kStaatsblad);
    EXPECT_EQ(ids_of(parse_citation("stcrt-2015-47076")), (Ids{"stcrt-2015-47076"}));
    EXPECT_EQ(to_string(ReferenceType::kStaatscourant), "staatscourant");
}

TEST(ReferenceParser, KeepsEersteKamerLettersInAListOfSessions) {
    EXPECT_EQ(ids_in("(Kamerstukken II 2021/22, 36 021, nr. 6; I 2022/23, 36 021, B)"),
              (Ids{"kst-36021-6", "kst-36021-B"}));
}

TEST(ReferenceParser, ReadsTheFormsOfKoopsLinkExtractor) {
    EXPECT_EQ(ids_in("Kamerstukken 2, 2008-2009, 31459, 22"), (Ids{"kst-31459-22"}));
    EXPECT_EQ(ids_in("Kamerstuk TK 31.700XII, 6"), (Ids{"kst-31700-XII-6"}));
    EXPECT_EQ(ids_in("Kamerstuk I 31145 AA"), (Ids{"kst-31145-AA"}));
    EXPECT_EQ(ids_in("Kamerstuk 31700 XII, nr. 42e"), (Ids{"kst-31700-XII-42E"}));
    // Not in running text without a keyword.
    EXPECT_TRUE(find_references("het kost 31.700 euro").empty());
    EXPECT_TRUE(find_references("de 42e vergadering").empty());
}

TEST(ReferenceParser, TakesNoCodeInRealTextForACitation) {
    for (const char* text :
         {"https://www.cell.com/cell/fulltext/S0092-8674(20)31008-4?rss=yes",
          "https://doi.org/10.1016/S1470-2045(20)30265-5",
          "https://www.gastrojournal.org/article/S0016-5085(20)30281-X/pdf",
          "ECLI:NL:RBAMS:2020:2917", "ISSN 0921 - 7371", "ISBN 978-90-12345-67-8",
          "kenmerk 1722926-208233-DICIO", "kenmerk 2020D29960", "T 070 8888 500",
          "Telefoonnummer +31 (0) 88 – 323 02 05", "schade > \xE2\x82\xAC 50.000",
          "artikel 30111, lid 2", "zaaknummer 200.123.456/01", "NMAP scan 217.194.124.5"}) {
        EXPECT_TRUE(find_references(text).empty()) << text;
    }
}

TEST(ReferenceParser, BoundsTheIdsOfOneLongList) {
    // "items 1, 2, ..., 10000" once made 9,999 references, each carrying the
    // whole 59 KB list as its cited text (580 MB).
    std::string text = "Handelingen II 2015/16, nr. 26, items 1";
    for (int i = 2; i <= 10000; ++i) text += ", " + std::to_string(i);
    const auto refs = find_references(text);
    std::size_t cited_bytes = 0;
    for (const Reference& ref : refs) cited_bytes += ref.cited_as.size();
    EXPECT_LE(refs.size(), 100u);
    EXPECT_GE(refs.size(), 10u);
    EXPECT_LT(cited_bytes, 100'000u);
    std::string numbers = "Kamerstuk 34 300 V, nrs. 1";
    for (int i = 2; i <= 5000; ++i) numbers += " en " + std::to_string(i);
    EXPECT_LE(find_references(numbers).size(), 100u);
}

TEST(ReferenceParser, ADocumentDoesNotCiteItsOwnPrintedId) {
    SourceFile file;
    file.path = "/tmp/kst-35538-4.txt";
    file.bytes =
        "Advies over de notificatieapp, Kamerstukken II 2019/20, 35 447, nr. 4.\n\n"
        "Tweede Kamer, vergaderjaar 2019\xE2\x80\x93"
        "2020, 35 538, nr. 4\n";
    const std::vector<Document> documents = read_file(file);
    ASSERT_EQ(documents.size(), 1u);
    ASSERT_EQ(documents[0].id, "kst-35538-4");
    std::set<std::string> cited;
    for (const Passage& passage : documents[0].passages) {
        for (const Reference& ref : passage.references) cited.insert(ref.id);
    }
    EXPECT_EQ(cited, (Ids{"kst-35447-4"}));
}

// ---- the labelled set ------------------------------------------------------

struct LabelledLine {
    std::string text;
    std::set<std::string> expected;
    std::string dossier;
};

std::vector<std::string> split(const std::string& line, char separator) {
    std::vector<std::string> parts;
    std::string part;
    std::istringstream in(line);
    while (std::getline(in, part, separator)) parts.push_back(part);
    if (!line.empty() && line.back() == separator) parts.push_back("");
    return parts;
}

std::string unescape_newlines(const std::string& text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] == 'n') {
            out += '\n';
            ++i;
        } else {
            out += text[i];
        }
    }
    return out;
}

std::vector<LabelledLine> read_labelled_set(const fs::path& path) {
    std::ifstream in(path);
    std::vector<LabelledLine> lines;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        const auto columns = split(line, '\t');
        LabelledLine labelled;
        labelled.text = unescape_newlines(columns[0]);
        if (columns.size() > 1) {
            for (const std::string& id : split(columns[1], ',')) {
                if (!id.empty()) labelled.expected.insert(id);
            }
        }
        if (columns.size() > 2) labelled.dossier = columns[2];
        lines.push_back(labelled);
    }
    return lines;
}

TEST(ReferenceParser, ReachesPrecisionAndRecallOnTheLabelledSet) {
    const fs::path path = kSourceDir / "tests" / "data" / "references" / "labelled.tsv";
    const auto lines = read_labelled_set(path);
    ASSERT_GE(lines.size(), 200u) << "labelled set missing or short: " << path;
    size_t true_positives = 0, found = 0, expected = 0, negatives = 0;
    for (const LabelledLine& line : lines) {
        ReferenceContext context;
        context.dossier = line.dossier;
        const auto ids = ids_in(line.text, context);
        for (const std::string& id : ids) true_positives += line.expected.count(id);
        found += ids.size();
        expected += line.expected.size();
        negatives += line.expected.empty();
        EXPECT_EQ(ids, line.expected) << "text: " << line.text;
    }
    const double precision = found ? double(true_positives) / found : 1.0;
    const double recall = expected ? double(true_positives) / expected : 1.0;
    std::printf("references: precision %.3f recall %.3f over %zu strings (%zu look-alikes)\n",
                precision, recall, lines.size(), negatives);
    EXPECT_GE(negatives, 50u);
    EXPECT_GE(precision, 0.98);
    EXPECT_GE(recall, 0.98);
}

// Real citations and look-alikes quoted from real publications (the shared
// corpus and the bulk legislation), labelled by us.
TEST(ReferenceParser, ReachesPrecisionAndRecallOnRealCitations) {
    const fs::path path = kSourceDir / "tests" / "data" / "references" / "real_labelled.tsv";
    const auto lines = read_labelled_set(path);
    ASSERT_GE(lines.size(), 100u) << "real labelled set missing or short: " << path;
    size_t true_positives = 0, found = 0, expected = 0, negatives = 0;
    for (const LabelledLine& line : lines) {
        ReferenceContext context;
        context.dossier = line.dossier;
        const auto ids = ids_in(line.text, context);
        for (const std::string& id : ids) true_positives += line.expected.count(id);
        found += ids.size();
        expected += line.expected.size();
        negatives += line.expected.empty();
        if (ids != line.expected) std::printf("differs: %s\n", line.text.c_str());
    }
    const double precision = found ? double(true_positives) / found : 1.0;
    const double recall = expected ? double(true_positives) / expected : 1.0;
    std::printf("real references: precision %.3f recall %.3f over %zu strings (%zu look-alikes)\n",
                precision, recall, lines.size(), negatives);
    EXPECT_GE(negatives, 30u);
    EXPECT_GE(precision, 0.95);
    EXPECT_GE(recall, 0.95);
}

// ---- the shared corpus -----------------------------------------------------

TEST(ReferenceParser, FindsTheCitationsOfTheSeedLetterOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const std::string text =
        read_file(shared_corpus() / "seed" / "kamerbrief-2016-02-09-ftf-conferentie.txt");
    ASSERT_FALSE(text.empty());
    EXPECT_EQ(ids_in(text), (Ids{"h-tk-20152016-26-5", "h-tk-20152016-26-16", "h-tk-20152016-27-8",
                                 "kst-34300-V-30", "kst-29754-336"}));
    for (const Reference& ref : find_references(text)) {
        EXPECT_EQ(text.substr(ref.begin, ref.end - ref.begin), ref.cited_as);
    }
}

std::set<std::string> extref_kamerstukken(const std::string& xml) {
    std::set<std::string> ids;
    const std::string marker = "doc=\"kst-";
    for (size_t at = xml.find(marker); at != std::string::npos; at = xml.find(marker, at + 1)) {
        const size_t begin = at + 5;
        const size_t end = xml.find('"', begin);
        if (end != std::string::npos) ids.insert(xml.substr(begin, end - begin));
    }
    return ids;
}

TEST(ReferenceParser, FindsTheExtrefKamerstukkenOfHandelingenXmlOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const fs::path folder = shared_corpus() / "handelingen-xml";
    ASSERT_TRUE(fs::is_directory(folder)) << "missing: " << folder;
    size_t linked = 0, agreed = 0;
    for (const auto& entry : fs::directory_iterator(folder)) {
        if (entry.path().extension() != ".xml") continue;
        const std::string xml = read_file(entry.path());
        const auto found = ids_in(strip_tags(xml));
        for (const std::string& id : extref_kamerstukken(xml)) {
            ++linked;
            agreed += found.count(id);
            EXPECT_TRUE(found.count(id)) << entry.path().filename() << ": " << id;
        }
    }
    std::printf("references: %zu of %zu extref Kamerstukken found in the text\n", agreed, linked);
    ASSERT_GT(linked, 0u);
    EXPECT_GE(agreed * 10, linked * 9);
}

TEST(ReferenceParser, ReadsTheListOfIncomingPapersOnSharedCorpus) {
    REQUIRE_SHARED_CORPUS();
    const fs::path path = shared_corpus() / "handelingen-xml-damaged" / "h-tk-20172018-70-14.xml";
    const std::string text = strip_tags(read_file(path));
    ASSERT_FALSE(text.empty()) << "missing: " << path;
    const auto ids = ids_in(text);
    for (const char* id : {"kst-30111-109", "kst-30111-108", "kst-21501-02-1855", "kst-22112-2531",
                           "kst-34775-XVI-129", "kst-32847-335"}) {
        EXPECT_TRUE(ids.count(id)) << id;
    }
    for (const std::string& id : ids) {
        EXPECT_EQ(id.rfind("kst-", 0), 0u) << "not a Kamerstuk: " << id;
    }
}

}  // namespace
}  // namespace kamerzoek::corpus
