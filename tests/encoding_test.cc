#include "corpus/encoding.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "corpus/reader.h"
#include "tests/test_paths.h"

namespace kamerzoek::corpus {
namespace {

using ::kamerzoek::testing::fixture;

std::string read_fixture(const std::string& relative) {
    std::ifstream in(fixture(relative), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

bool mentions(const std::vector<std::string>& repairs, std::string_view word) {
    for (const std::string& repair : repairs) {
        if (repair.find(word) != std::string::npos) return true;
    }
    return false;
}

TEST(DecodeText, LeavesCleanUtf8AsItIs) {
    const DecodedText decoded = decode_text("Coördinatie in Den Haag.\n");
    EXPECT_EQ(decoded.utf8, "Coördinatie in Den Haag.\n");
    EXPECT_TRUE(decoded.repairs.empty());
}

TEST(DecodeText, RemovesTheByteOrderMarkAndNormalisesLineEnds) {
    const DecodedText decoded = decode_text(
        "\xEF\xBB\xBF"
        "een\r\ntwee\rdrie\n");
    EXPECT_EQ(decoded.utf8, "een\ntwee\ndrie\n");
    EXPECT_TRUE(decoded.repairs.empty());
}

TEST(DecodeText, RepairsDoubleEncodedUtf8AndCountsThePlaces) {
    const DecodedText decoded = decode_text("De cliÃ«nten van de minister van FinanciÃ«n.\n");
    EXPECT_EQ(decoded.utf8, "De cliënten van de minister van Financiën.\n");
    ASSERT_EQ(decoded.repairs.size(), 1u);
    EXPECT_EQ(decoded.repairs[0], "repaired double-encoded UTF-8 (2 places)");
}

TEST(DecodeText, RepairsCharactersMisreadAsWindows1252) {
    // "–" (E2 80 93) misread as Windows-1252 is "â€“".
    const DecodedText decoded = decode_text("zorgen â€“ en niet alleen ik â€™s avonds\n");
    EXPECT_EQ(decoded.utf8, "zorgen – en niet alleen ik ’s avonds\n");
}

TEST(DecodeText, RepairsCharactersMisreadAsLatin1WithControlCodes) {
    // The same dash misread as Latin-1 keeps two C1 control characters.
    const DecodedText decoded = decode_text("zorgen \xC3\xA2\xC2\x80\xC2\x93 en\n");
    EXPECT_EQ(decoded.utf8, "zorgen – en\n");
}

TEST(DecodeText, RepairsOnlyTheDamagedLinesOfAPartlyDamagedFile) {
    const DecodedText decoded = decode_text(read_fixture("encoding/partly-double-encoded.txt"));
    EXPECT_EQ(
        decoded.utf8,
        "De cliënten zijn tevreden.\nEen echte ł blijft: Łódź.\nHet coördinatiepunt – werkt.\n");
    EXPECT_TRUE(mentions(decoded.repairs, "double-encoded UTF-8 (3 places)"));
}

TEST(DecodeText, LeavesGenuineLatinCharactersAlone) {
    const std::string text = "À la carte: 25 °C in São Paulo, Æsop en Ørsted, ©ÉÖ.\n";
    const DecodedText decoded = decode_text(text);
    EXPECT_EQ(decoded.utf8, text);
    EXPECT_TRUE(decoded.repairs.empty());
}

TEST(DecodeText, StripsAByteOrderMarkSavedAsText) {
    const DecodedText decoded = decode_text("ï»¿\n<?xml version=\"1.0\"?>\n<a>cliÃ«nt</a>\n");
    EXPECT_EQ(decoded.utf8, "\n<?xml version=\"1.0\"?>\n<a>cliënt</a>\n");
    EXPECT_TRUE(mentions(decoded.repairs, "byte-order mark"));
}

TEST(DecodeText, StripsRepeatedByteOrderMarkCharacters) {
    const DecodedText decoded =
        decode_text("\xEF\xBB\xBF\xEF\xBB\xBF\xEF\xBB\xBF<?xml version=\"1.0\"?><a/>");
    EXPECT_EQ(decoded.utf8, "<?xml version=\"1.0\"?><a/>");
}

TEST(DecodeText, ConvertsWindows1252) {
    const DecodedText decoded = decode_text(read_fixture("encoding/windows-1252.txt"));
    EXPECT_EQ(decoded.utf8,
              "Coördinatie van het beleid kost € 12 miljoen.\n"
              "De minister van Financiën antwoordt: “ja”.\n");
    EXPECT_TRUE(mentions(decoded.repairs, "converted from windows-1252"));
}

TEST(DecodeText, ConvertsOnlyTheLegacyLinesOfAMostlyUtf8File) {
    const DecodedText decoded = decode_text(read_fixture("encoding/mixed-utf8-latin1.txt"));
    EXPECT_EQ(decoded.utf8,
              "Eerste regel in UTF-8: coördinatie.\nTweede regel in Latin-1: coördinatie.\n");
    EXPECT_TRUE(mentions(decoded.repairs, "converted 1 line from windows-1252"));
}

TEST(DecodeText, ConvertsUtf16WithAByteOrderMark) {
    const DecodedText decoded = decode_text(read_fixture("encoding/utf-16le-bom.txt"));
    EXPECT_EQ(decoded.utf8, "Hallo wereld ë\n");
    EXPECT_TRUE(mentions(decoded.repairs, "UTF-16LE"));
}

TEST(DecodeText, RefusesAnEmptyFile) {
    try {
        decode_text("");
        FAIL() << "expected a ReadError";
    } catch (const ReadError& error) {
        EXPECT_STREQ(error.what(), "empty file");
    }
    EXPECT_THROW(decode_text(" \n\t\n"), ReadError);
}

TEST(DecodeText, RefusesBinaryInput) {
    EXPECT_THROW(decode_text(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)), ReadError);
}

TEST(DecodeText, RefusesUndecodableBytesNamingLineAndColumn) {
    std::string bytes = "eerste regel\n";
    for (int i = 0; i < 60; ++i) bytes.push_back(static_cast<char>(0x80 + (i * 37) % 128));
    try {
        decode_text(bytes);
        FAIL() << "expected a ReadError";
    } catch (const ReadError& error) {
        EXPECT_EQ(error.line(), 2);
        EXPECT_EQ(error.column(), 1);
    }
}

TEST(LineAndColumn, CountsFromOne) {
    EXPECT_EQ(line_and_column("ab\ncd", 4), std::make_pair(2, 2));
    EXPECT_EQ(line_and_column("ab", 0), std::make_pair(1, 1));
}

TEST(CollapseWhitespace, TurnsRunsOfAnySpaceIntoOneSpace) {
    EXPECT_EQ(collapse_whitespace("  een\t\n twee\u00A0\u2009drie  "), "een twee drie");
    EXPECT_EQ(collapse_whitespace("zero\u200Bwidth"), "zerowidth");
}

TEST(ToNfc, ComposesCombiningMarks) {
    EXPECT_EQ(to_nfc("cli\u0065\u0308nten"), "cli\u00EBnten");
    EXPECT_EQ(to_nfc("ascii"), "ascii");
}

}  // namespace
}  // namespace kamerzoek::corpus
