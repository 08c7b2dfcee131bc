#include "corpus/official_id.h"

#include <gtest/gtest.h>

namespace kamerzoek::corpus {
namespace {

std::string canonical(std::string_view text) {
    const auto id = OfficialId::parse(text);
    return id ? id->str() : std::string("<none>");
}

TEST(OfficialId, ParsesKamerstukkenInAnyLetterCase) {
    const auto id = OfficialId::parse("kst-34300-v-30");
    ASSERT_TRUE(id);
    EXPECT_EQ(id->kind(), OfficialIdKind::kKamerstuk);
    EXPECT_EQ(id->str(), "kst-34300-V-30");
    EXPECT_EQ(id->dossier(), "34300-V");
    EXPECT_EQ(id->number(), "30");
    EXPECT_EQ(canonical("KST-21501-07-1398"), "kst-21501-07-1398");
    EXPECT_EQ(OfficialId::parse("kst-21501-07-1398")->dossier(), "21501-07");
}

TEST(OfficialId, KeepsEersteKamerLettersAndRNumbers) {
    const auto letter = OfficialId::parse("kst-36021-B");
    ASSERT_TRUE(letter);
    EXPECT_EQ(letter->dossier(), "36021");
    EXPECT_EQ(letter->number(), "B");
    EXPECT_EQ(OfficialId::parse("kst-29800-VII-C")->dossier(), "29800-VII");
    EXPECT_EQ(canonical("kst-34417-(R2068)-7"), "kst-34417-R2068-7");
    const auto rijkswet = OfficialId::parse("kst-34417-R2068-7");
    EXPECT_EQ(rijkswet->dossier(), "34417-R2068");
    EXPECT_EQ(rijkswet->url(), "https://zoek.officielebekendmakingen.nl/kst-34417-(R2068)-7");
}

TEST(OfficialId, ParsesHandelingenAanhangselAndKamervragen) {
    const auto item = OfficialId::parse("h-tk-20152016-26-5");
    ASSERT_TRUE(item);
    EXPECT_EQ(item->kind(), OfficialIdKind::kHandelingen);
    EXPECT_EQ(item->chamber(), "tk");
    EXPECT_EQ(item->session(), "20152016");
    EXPECT_EQ(item->number(), "26");
    EXPECT_EQ(item->dossier(), "");
    EXPECT_EQ(canonical("h-ek-20012002-10"), "h-ek-20012002-10");
    EXPECT_EQ(OfficialId::parse("ah-tk-20192020-89")->kind(), OfficialIdKind::kAanhangsel);
    EXPECT_EQ(OfficialId::parse("kv-tk-2020z12345")->str(), "kv-tk-2020Z12345");
    EXPECT_EQ(OfficialId::parse("kv-tk-2020Z12345")->kind(), OfficialIdKind::kKamervragen);
}

TEST(OfficialId, ParsesGazettesAndBijlagen) {
    EXPECT_EQ(OfficialId::parse("stb-2020-118")->kind(), OfficialIdKind::kStaatsblad);
    EXPECT_EQ(OfficialId::parse("stcrt-2015-47076")->kind(), OfficialIdKind::kStaatscourant);
    EXPECT_EQ(OfficialId::parse("stcrt-2015-47076")->number(), "47076");
    EXPECT_EQ(OfficialId::parse("trb-2020-12")->kind(), OfficialIdKind::kTractatenblad);
    EXPECT_EQ(OfficialId::parse("gmb-2021-1234")->kind(), OfficialIdKind::kGemeenteblad);
    EXPECT_EQ(OfficialId::parse("prb-2021-12")->kind(), OfficialIdKind::kProvinciaalBlad);
    EXPECT_EQ(OfficialId::parse("wsb-2021-12")->kind(), OfficialIdKind::kWaterschapsblad);
    EXPECT_EQ(OfficialId::parse("bgr-2021-12")->kind(),
              OfficialIdKind::kBladGemeenschappelijkeRegeling);
    EXPECT_EQ(OfficialId::parse("blg-1007826")->kind(), OfficialIdKind::kBijlage);
    EXPECT_EQ(OfficialId::parse("stb-2020-118")->url(),
              "https://zoek.officielebekendmakingen.nl/stb-2020-118");
}

TEST(OfficialId, ParsesDossiersWithoutAPage) {
    const auto dossier = OfficialId::parse("34300-v");
    ASSERT_TRUE(dossier);
    EXPECT_EQ(dossier->kind(), OfficialIdKind::kDossier);
    EXPECT_EQ(dossier->str(), "34300-V");
    EXPECT_EQ(dossier->dossier(), "34300-V");
    EXPECT_EQ(dossier->url(), "");
    EXPECT_EQ(canonical("31832"), "31832");
}

TEST(OfficialId, RejectsWhatIsNoOfficialId) {
    for (const char* text :
         {"", "kst", "kst-34300", "kst-abc-5", "h-tk-2015-26", "h-xx-20152016-26", "ah-tk-20192020",
          "stb-20-118", "stb-2020", "stb-2020-11a", "blg-x1", "foo-2020-1", "kst-34300-V-30 ",
          "kst-34300--30", "ECLI:NL:HR:2020:1", "S0092-8674(20)31008-4"}) {
        EXPECT_FALSE(OfficialId::parse(text)) << text;
    }
}

TEST(OfficialId, BuildsTheCanonicalSpelling) {
    EXPECT_EQ(OfficialId::kamerstuk("34300-V", "30").str(), "kst-34300-V-30");
    EXPECT_EQ(OfficialId::dossier("21501-07").str(), "21501-07");
    EXPECT_EQ(OfficialId::handelingen("tk", "20152016", "26", "5").str(), "h-tk-20152016-26-5");
    EXPECT_EQ(OfficialId::handelingen("tk", "20072008", "49").str(), "h-tk-20072008-49");
    EXPECT_EQ(OfficialId::aanhangsel("tk", "20192020", "89").str(), "ah-tk-20192020-89");
    EXPECT_EQ(OfficialId::gazette(OfficialIdKind::kStaatscourant, "2015", "47076").str(),
              "stcrt-2015-47076");
    EXPECT_EQ(OfficialId::kamerstuk("34300-V", "30"), *OfficialId::parse("kst-34300-v-30"));
}

TEST(OfficialId, NamesItsKinds) {
    EXPECT_EQ(id_kind_name(OfficialIdKind::kStaatsblad), "staatsblad");
    EXPECT_EQ(id_kind_from_name("kamerstuk"), OfficialIdKind::kKamerstuk);
    EXPECT_FALSE(id_kind_from_name("nothing"));
    EXPECT_EQ(id_prefix(OfficialIdKind::kStaatscourant), "stcrt");
}

}  // namespace
}  // namespace kamerzoek::corpus
