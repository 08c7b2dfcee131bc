// The identifiers of officielebekendmakingen.nl, in one place: what they
// look like, how they are spelled, what they say by themselves (dossier,
// number, chamber, session) and where they are published.
//
// kst-34300-V-30      Kamerstuk: dossier 34300-V, number 30
// kst-36021-B         Eerste Kamer paper: dossier 36021, letter B
// kst-34417-R2068-7   Rijkswet: written kst-34417-(R2068)-7 by KOOP
// 34300-V             a dossier (no published document of its own)
// h-tk-20152016-26-5  Handelingen: chamber, session, issue[, item]
// ah-tk-20192020-89   Aanhangsel van de Handelingen
// kv-tk-2020Z12345    Kamervragen (questions without an answer yet)
// blg-1007826         bijlage
// stb-2020-118        Staatsblad (also stcrt, trb, gmb, prb, wsb, bgr)
//
// The scheme is described in docs/REFERENCES.md.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kamerzoek::corpus {

enum class OfficialIdKind {
    kHandelingen,
    kAanhangsel,
    kKamerstuk,
    kDossier,
    kKamervragen,
    kBijlage,
    kStaatsblad,
    kStaatscourant,
    kTractatenblad,
    kGemeenteblad,
    kProvinciaalBlad,
    kWaterschapsblad,
    kBladGemeenschappelijkeRegeling,
};

/// "handelingen", "aanhangsel", "kamerstuk", "dossier", "kamervragen",
/// "bijlage", "staatsblad", "staatscourant", "tractatenblad", "gemeenteblad",
/// "provinciaalblad", "waterschapsblad", "bgr".
std::string_view id_kind_name(OfficialIdKind kind);
std::optional<OfficialIdKind> id_kind_from_name(std::string_view name);

class OfficialId {
  public:
    /// A canonical id in any letter case ("kst-34300-v-30"), with or without
    /// the parentheses of an R-number, or a dossier ("34300-V", "30111").
    /// Empty for anything else, including ids of unknown kinds.
    static std::optional<OfficialId> parse(std::string_view text);

    /// Builders for the forms the citation scanner recognises; the parts are
    /// taken as given (the scanner has checked them).
    static OfficialId kamerstuk(std::string_view dossier, std::string_view number);
    static OfficialId dossier(std::string_view dossier);
    /// `item` may be empty: the whole issue.
    static OfficialId handelingen(std::string_view chamber, std::string_view session,
                                  std::string_view issue, std::string_view item = {});
    static OfficialId aanhangsel(std::string_view chamber, std::string_view session,
                                 std::string_view number);
    /// stb, stcrt, trb, gmb, prb, wsb, bgr: year and number.
    static OfficialId gazette(OfficialIdKind kind, std::string_view year, std::string_view number);

    OfficialIdKind kind() const { return kind_; }
    /// The canonical spelling: prefix in lower case, letters after the first
    /// digit in upper case, no parentheses ("kst-34417-R2068-7").
    const std::string& str() const { return text_; }

    /// The dossier of a Kamerstuk ("34300-V"), a dossier itself; else "".
    std::string dossier() const;
    /// The number within its dossier, issue or gazette year ("30", "B", "118").
    std::string number() const;
    /// "tk", "ek" or "vv" for Handelingen, Aanhangsel and Kamervragen; else "".
    std::string chamber() const;
    /// "20152016" for Handelingen and Aanhangsel; else "".
    std::string session() const;
    /// https://zoek.officielebekendmakingen.nl/<id> as KOOP spells it; ""
    /// for a dossier (which has no page of its own).
    std::string url() const;

    friend bool operator==(const OfficialId& a, const OfficialId& b) { return a.text_ == b.text_; }

  private:
    OfficialId(OfficialIdKind kind, std::vector<std::string> parts);

    OfficialIdKind kind_;
    std::vector<std::string> parts_;  // the dash-separated parts after the prefix
    std::string text_;
};

/// The prefix of the ids of `kind` ("kst", "h", "stcrt"); "" for a dossier.
std::string_view id_prefix(OfficialIdKind kind);

}  // namespace kamerzoek::corpus
