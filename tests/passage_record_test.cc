// The stored record of a passage: every field comes back as written, bytes
// that are not a record are refused rather than misread, the word spans it
// keeps are the analyzer's, and snippets cut from them are the snippets
// that breaking the text into words again gives (on real documents too).
#include "indexer/passage_record.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>

#include "analysis/analyzer.h"
#include "corpus/reader.h"
#include "indexer/index_layout.h"
#include "indexer/index_schema.h"
#include "indexer/passage_document.h"
#include "kamerzoek/kamerzoek.h"
#include "searcher/glossary.h"
#include "searcher/query_builder.h"
#include "searcher/snippet.h"
#include "tests/test_paths.h"

namespace kamerzoek {
namespace {

namespace fs = std::filesystem;

PassageRecord a_record() {
    PassageRecord record;
    record.doc_id = "kst-34300-V-30";
    record.ordinal = 130;
    record.lang = "nl";
    record.text = "Zie  Tunesië,\tKamerstuk 34300-V, nr. 30 (terrorismefinanciering).";
    record.section = "1. Inleiding";
    record.speaker = "Van Bommel";
    record.party = "SP";
    record.label = "a.";
    record.footnote = true;
    record.refs = {{"kst-34300-V-30", "kamerstuk", "Kamerstuk 34300-V, nr. 30", 15, 40, false},
                   {"h-tk-20152016-26-5", "handelingen", "h-tk-20152016-26-5", 0, 0, true}};
    // Gaps of 0, 1 and 2 bytes ("Zie", "Tunesië", ..., "nr", "." as if a word).
    record.words = {{0, 3}, {5, 13}, {15, 24}, {25, 30}, {31, 32}, {34, 36}, {36, 37}};
    return record;
}

void expect_same(const PassageRecord& a, const PassageRecord& b) {
    EXPECT_EQ(a.doc_id, b.doc_id);
    EXPECT_EQ(a.ordinal, b.ordinal);
    EXPECT_EQ(a.lang, b.lang);
    EXPECT_EQ(a.text, b.text);
    EXPECT_EQ(a.section, b.section);
    EXPECT_EQ(a.speaker, b.speaker);
    EXPECT_EQ(a.party, b.party);
    EXPECT_EQ(a.label, b.label);
    EXPECT_EQ(a.footnote, b.footnote);
    ASSERT_EQ(a.refs.size(), b.refs.size());
    for (std::size_t i = 0; i < a.refs.size(); ++i) {
        EXPECT_EQ(a.refs[i].id, b.refs[i].id);
        EXPECT_EQ(a.refs[i].type, b.refs[i].type);
        EXPECT_EQ(a.refs[i].cited_as, b.refs[i].cited_as);
        EXPECT_EQ(a.refs[i].begin, b.refs[i].begin);
        EXPECT_EQ(a.refs[i].end, b.refs[i].end);
        EXPECT_EQ(a.refs[i].linked, b.refs[i].linked);
    }
    ASSERT_EQ(a.words.size(), b.words.size());
    for (std::size_t i = 0; i < a.words.size(); ++i) {
        EXPECT_EQ(a.words[i].begin, b.words[i].begin) << i;
        EXPECT_EQ(a.words[i].end, b.words[i].end) << i;
    }
}

TEST(PassageRecord, GivesBackEveryFieldAsWritten) {
    const PassageRecord record = a_record();
    const std::optional<PassageRecord> read = decode_passage_record(encode_passage_record(record));
    ASSERT_TRUE(read.has_value());
    expect_same(record, *read);

    PassageRecord empty;
    const std::optional<PassageRecord> read_empty =
        decode_passage_record(encode_passage_record(empty));
    ASSERT_TRUE(read_empty.has_value());
    expect_same(empty, *read_empty);
}

TEST(PassageRecord, KeepsLongWordsAndLongGaps) {
    PassageRecord record;
    record.text = std::string(200, ' ') + std::string(300, 'a') + " b";
    record.words = {{200, 500}, {501, 502}};
    const std::optional<PassageRecord> read = decode_passage_record(encode_passage_record(record));
    ASSERT_TRUE(read.has_value());
    expect_same(record, *read);
}

TEST(PassageRecord, RefusesJsonOfTheFirstFormatAndDamagedBytes) {
    EXPECT_FALSE(decode_passage_record(R"({"doc_id":"x","passage":0,"text":"t"})").has_value());
    EXPECT_FALSE(decode_passage_record("").has_value());
    const std::string bytes = encode_passage_record(a_record());
    // Every truncation, and a byte too many.
    for (std::size_t size = 0; size < bytes.size(); ++size)
        EXPECT_FALSE(decode_passage_record(bytes.substr(0, size)).has_value()) << size;
    EXPECT_FALSE(decode_passage_record(bytes + '\0').has_value());
    // A word span past the end of the text.
    PassageRecord outside;
    outside.text = "kort";
    outside.words = {{0, 4}, {5, 9}};
    EXPECT_FALSE(decode_passage_record(encode_passage_record(outside)).has_value());
}

// The documents the files hold, passages and references found.
std::vector<corpus::Document> read_documents(const fs::path& path) {
    return corpus::read_file({path.string(), testing::read_bytes(path)});
}

TEST(PassageRecord, StoresTheAnalyzersWordSpansAndTheFieldsOfThePassage) {
    corpus::Document document;
    document.id = "brief";
    corpus::Passage passage;
    passage.ordinal = 0;
    passage.language = corpus::Language::kDutch;
    // Words the simple rule of the record finds ("Tunesië") and words it
    // does not ("3,5", "zo'n", a word in curly quotes, after a dash).
    passage.text =
        "De minister schrijft over Tunesië, zo'n 3,5 miljoen euro en de “terrorismefinanciering” "
        "— zie www.example.nl.";
    passage.speaker = "Van Bommel";
    document.passages.push_back(passage);
    Analyzer analyzer;
    const std::vector<Xapian::Document> xdocs = make_passage_documents(document, analyzer);
    ASSERT_EQ(xdocs.size(), 1u);
    const std::optional<PassageRecord> record = decode_passage_record(xdocs[0].get_data());
    ASSERT_TRUE(record.has_value());
    EXPECT_EQ(record->doc_id, "brief");
    EXPECT_EQ(record->lang, "nl");
    EXPECT_EQ(record->text, passage.text);
    EXPECT_EQ(record->speaker, "Van Bommel");
    const std::vector<Analyzer::Token> tokens = analyzer.tokenize(passage.text);
    ASSERT_EQ(record->words.size(), tokens.size());
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        EXPECT_EQ(record->words[i].begin, tokens[i].begin);
        EXPECT_EQ(record->words[i].end, tokens[i].end);
    }
}

// The stored spans against the analyzer's words, and snippets from stored
// spans against snippets from the text broken into words again, for every
// passage of real documents and queries in both
// languages (compound parts, diacritics, stems, translations).
TEST(PassageRecord, SnippetsFromStoredWordsAreTheSnippetsOfTheTextOnSharedCorpus) {
    const fs::path corpus = testing::shared_corpus_dir();
    if (!fs::exists(corpus)) GTEST_SKIP() << "no " << corpus;
    std::vector<corpus::Document> documents;
    for (const char* file :
         {"seed/kamerbrief-2016-02-09-ftf-conferentie.txt",
          "handelingen-xml/h-tk-20172018-50-1.xml", "treaties-sample/en-nl-BWBV0002783.md",
          "kamerbrief-pdf/fiche-5-herziening-verordening-en-richtlijn-markten-voor-financiele-"
          "instrumenten.pdf"}) {
        for (corpus::Document& document : read_documents(corpus / file))
            documents.push_back(std::move(document));
    }
    ASSERT_GE(documents.size(), 4u);

    Analyzer analyzer;
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    std::vector<PassageRecord> records;
    for (const corpus::Document& document : documents) {
        for (const Xapian::Document& xdoc : make_passage_documents(document, analyzer)) {
            db.add_document(xdoc);
            std::optional<PassageRecord> record = decode_passage_record(xdoc.get_data());
            ASSERT_TRUE(record.has_value()) << document.id;
            const std::vector<Analyzer::Token> tokens = analyzer.tokenize(record->text);
            ASSERT_EQ(record->words.size(), tokens.size()) << document.id;
            for (std::size_t i = 0; i < tokens.size(); ++i) {
                ASSERT_EQ(record->words[i].begin, tokens[i].begin) << document.id << " " << i;
                ASSERT_EQ(record->words[i].end, tokens[i].end) << document.id << " " << i;
            }
            records.push_back(std::move(*record));
        }
    }
    QueryBuilder builder(db, analyzer, Glossary::builtin());
    std::size_t highlighted = 0;
    for (const char* text :
         {"terroristische strijders", "financiering", "Tunesië", "minister van veiligheid",
          "treaty parties", "financial instruments markets", "motie regering", "beleggers"}) {
        const BuiltQuery query = builder.build(text, "");
        for (const PassageRecord& record : records) {
            const corpus::Language language = corpus::language_from_code(record.lang);
            const std::string stored =
                make_snippet(record.text, record.words, language, query, analyzer);
            EXPECT_EQ(stored, make_snippet(record.text, language, query, analyzer))
                << record.doc_id << "#" << record.ordinal << " for " << text;
            if (stored.find(kHighlightBegin) != std::string::npos) ++highlighted;
        }
    }
    EXPECT_GT(highlighted, 50u);  // the comparison covered many snippets with matches
}

class IndexFormat : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("kamerzoek-format-" + std::to_string(::getpid()));
        fs::remove_all(dir_);
        fs::create_directories(dir_ / "docs");
        std::ofstream(dir_ / "docs" / "brief.txt", std::ios::binary)
            << "Den Haag, 1 april 2020\n\nDe minister schrijft over de warmtepompen in de "
               "gebouwde omgeving, en over zo'n 3,5 miljoen euro tegen de "
               "“terrorismefinanciering” in Tunesië.\n";
        Indexer indexer(index());
        indexer.add_paths({(dir_ / "docs").string()});
        indexer.commit();
    }
    void TearDown() override { fs::remove_all(dir_); }

    std::string index() const { return (dir_ / "index").string(); }

    fs::path dir_;
};

TEST_F(IndexFormat, ANewIndexIsOfFormatTwoWithRecordsAsData) {
    Xapian::Database db(layout::resolve_index_path(index()));
    EXPECT_EQ(db.get_metadata(std::string(schema::kMetaFormat)), "2");
    ASSERT_GT(db.get_doccount(), 0u);
    const std::optional<PassageRecord> record =
        decode_passage_record(db.get_document(*db.postlist_begin("")).get_data());
    ASSERT_TRUE(record.has_value());
    EXPECT_EQ(record->doc_id, "brief");
    EXPECT_FALSE(record->words.empty());
}

// Words whose spans the record stores (in curly quotes) and words it finds
// again in the text ("Tunesië") are marked in a search's snippet.
TEST_F(IndexFormat, ASearchMarksItsWordsFromTheStoredSpans) {
    const SearchResults results = Searcher(index()).search("financiering tunesie");
    ASSERT_EQ(results.hits.size(), 1u);
    const std::string& snippet = results.hits[0].snippet;
    const auto marked = [](const std::string& word) {
        return std::string(1, kHighlightBegin) + word + kHighlightEnd;
    };
    EXPECT_NE(snippet.find("“" + marked("terrorismefinanciering") + "”"), std::string::npos)
        << snippet;
    EXPECT_NE(snippet.find(marked("Tunesië") + "."), std::string::npos) << snippet;
    EXPECT_EQ(snippet.find(marked("warmtepompen")), std::string::npos) << snippet;
}

// An index of the first format stores JSON where records are now read: it
// is refused with the message that says how to rebuild it.
TEST_F(IndexFormat, AnIndexOfFormatOneIsRefusedUntilRebuiltWithFull) {
    {
        Xapian::WritableDatabase db(layout::resolve_index_path(index()));
        db.set_metadata(std::string(schema::kMetaFormat), "1");
        db.commit();
    }
    try {
        Searcher searcher(index());
        FAIL() << "a format 1 index was opened";
    } catch (const FormatMismatch& e) {
        const std::string message = e.what();
        EXPECT_NE(message.find("index format 1"), std::string::npos) << message;
        EXPECT_NE(message.find("reads format 2"), std::string::npos) << message;
        EXPECT_NE(message.find("--full"), std::string::npos) << message;
    }
    EXPECT_THROW(Indexer{index()}, FormatMismatch);
    const auto cli = testing::run_kamerzoek("search --db " + index() + " warmtepompen", dir_);
    EXPECT_EQ(cli.exit_code, 4) << cli.err;
    EXPECT_NE(cli.err.find("format 1"), std::string::npos) << cli.err;
}

}  // namespace
}  // namespace kamerzoek
