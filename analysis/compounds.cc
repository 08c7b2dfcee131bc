#include "analysis/compounds.h"

#include <algorithm>
#include <iterator>

namespace kamerzoek {
namespace {

// Compounds of more parts than this are left alone: the deeper the split,
// the likelier it is a chance combination of short words.
constexpr std::size_t kMaxDepth = 3;
// Longer "words" are codes, URLs or garbage, not compounds; splitting them
// would only cost time.
constexpr std::size_t kMaxCompoundLength = 64;

// Common Dutch words of parliamentary and policy text, folded, in no
// particular order. They make splitting work on a document too short to name
// its own parts; the document's own words do the rest.
constexpr std::string_view kSeedLexicon[] = {"aanpak",
                                             "aanslag",
                                             "aanvraag",
                                             "afspraak",
                                             "akkoord",
                                             "arbeid",
                                             "armoede",
                                             "asiel",
                                             "bank",
                                             "bedrijf",
                                             "begroting",
                                             "behandeling",
                                             "beleid",
                                             "belasting",
                                             "beheer",
                                             "bescherming",
                                             "bestrijding",
                                             "besluit",
                                             "bestuur",
                                             "betaling",
                                             "bevoegdheid",
                                             "bewaking",
                                             "bijdrage",
                                             "bijeenkomst",
                                             "binnenland",
                                             "bouw",
                                             "brief",
                                             "buitenland",
                                             "burger",
                                             "commissie",
                                             "conferentie",
                                             "controle",
                                             "crisis",
                                             "criminaliteit",
                                             "cultuur",
                                             "debat",
                                             "defensie",
                                             "dienst",
                                             "dreiging",
                                             "economie",
                                             "energie",
                                             "europa",
                                             "financiering",
                                             "fonds",
                                             "gebied",
                                             "geld",
                                             "gemeente",
                                             "gezondheid",
                                             "grens",
                                             "groei",
                                             "handel",
                                             "handeling",
                                             "hulp",
                                             "huur",
                                             "informatie",
                                             "inkomen",
                                             "inlichting",
                                             "inspectie",
                                             "instelling",
                                             "integratie",
                                             "jeugd",
                                             "justitie",
                                             "kabinet",
                                             "kamer",
                                             "kennis",
                                             "klimaat",
                                             "kosten",
                                             "kracht",
                                             "kwaliteit",
                                             "land",
                                             "leger",
                                             "lening",
                                             "lidstaat",
                                             "maatregel",
                                             "macht",
                                             "markt",
                                             "middel",
                                             "migratie",
                                             "milieu",
                                             "minister",
                                             "ministerie",
                                             "misdrijf",
                                             "motie",
                                             "natuur",
                                             "netwerk",
                                             "onderwijs",
                                             "onderzoek",
                                             "ontwikkeling",
                                             "opvang",
                                             "orde",
                                             "organisatie",
                                             "overheid",
                                             "overleg",
                                             "partij",
                                             "pensioen",
                                             "persoon",
                                             "plan",
                                             "politie",
                                             "politiek",
                                             "premie",
                                             "prijs",
                                             "programma",
                                             "raad",
                                             "recht",
                                             "regel",
                                             "regering",
                                             "reis",
                                             "richtlijn",
                                             "risico",
                                             "samenleving",
                                             "samenwerking",
                                             "school",
                                             "sector",
                                             "staat",
                                             "stelsel",
                                             "steun",
                                             "straf",
                                             "strijd",
                                             "stuk",
                                             "subsidie",
                                             "systeem",
                                             "taak",
                                             "terrorisme",
                                             "terrorist",
                                             "toezicht",
                                             "uitgave",
                                             "uitvoering",
                                             "verband",
                                             "verdrag",
                                             "vergadering",
                                             "verkeer",
                                             "verklaring",
                                             "verkiezing",
                                             "verzekering",
                                             "veiligheid",
                                             "vervoer",
                                             "voorstel",
                                             "voorzitter",
                                             "vrede",
                                             "vrijheid",
                                             "vluchteling",
                                             "water",
                                             "werk",
                                             "werkgroep",
                                             "wereld",
                                             "wetgeving",
                                             "wijk",
                                             "woning",
                                             "zaak",
                                             "zorg",
                                             "zitting",
                                             "toezegging",
                                             "vraag",
                                             "antwoord",
                                             "regio",
                                             "bedreiging",
                                             "omgeving",
                                             "onderdeel",
                                             "overzicht",
                                             "rapport",
                                             "verslag",
                                             "agenda",
                                             "begrotings",
                                             "onderneming",
                                             "ondernemer",
                                             "werkgever",
                                             "werknemer",
                                             "uitkering",
                                             "toeslag",
                                             "kinder",
                                             "kind",
                                             "ouder",
                                             "student",
                                             "leraar",
                                             "ziekte",
                                             "ziekenhuis",
                                             "patient",
                                             "arts",
                                             "medicijn",
                                             "vaccin",
                                             "voedsel",
                                             "landbouw",
                                             "visserij",
                                             "stikstof",
                                             "uitstoot",
                                             "afval",
                                             "olie",
                                             "gas",
                                             "stroom",
                                             "vliegtuig",
                                             "spoor",
                                             "weg",
                                             "haven",
                                             "schip",
                                             "auto",
                                             "fiets",
                                             "trein",
                                             "digitaal",
                                             "cyber",
                                             "data",
                                             "privacy",
                                             "software",
                                             "computer",
                                             "aanval",
                                             "ransomware",
                                             "diplomatie",
                                             "sanctie",
                                             "tegoed",
                                             "bevriezing",
                                             "witwassen",
                                             "fraude",
                                             "corruptie",
                                             "gevangenis",
                                             "rechter",
                                             "rechtspraak",
                                             "advocaat",
                                             "wet",
                                             "grondwet",
                                             "verdediging",
                                             "missie",
                                             "militair",
                                             "wapen",
                                             "oorlog",
                                             "conflict",
                                             "vluchten",
                                             "terugkeer",
                                             "terugkeerder",
                                             "radicalisering",
                                             "extremisme",
                                             "propaganda",
                                             "rekrutering",
                                             "preventie",
                                             "detentie",
                                             "paspoort",
                                             "identiteit",
                                             "nationaliteit",
                                             "bevolking",
                                             "gezin",
                                             "familie",
                                             "gemeenschap",
                                             "provincie",
                                             "waterschap",
                                             "eiland",
                                             "koninkrijk",
                                             "europees",
                                             "internationaal",
                                             "nationaal",
                                             "voortgang",
                                             "inzet",
                                             "resultaat",
                                             "evaluatie",
                                             "doel",
                                             "prioriteit",
                                             "kader",
                                             "uitkomst",
                                             "voorbereiding",
                                             "vertegenwoordiger",
                                             "delegatie",
                                             "ambassade",
                                             "consulaat",
                                             "visum",
                                             "export",
                                             "import",
                                             "investering",
                                             "schuld",
                                             "tekort",
                                             "inflatie",
                                             "rente",
                                             "munt",
                                             "vergunning",
                                             "melding",
                                             "aangifte",
                                             "klacht",
                                             "ombudsman",
                                             "rekenkamer",
                                             "parlement",
                                             "senaat",
                                             "fractie",
                                             "lid",
                                             "stemming",
                                             "amendement",
                                             "wetsvoorstel",
                                             "nota",
                                             "resolutie",
                                             "veiligheidsraad",
                                             "verenigde",
                                             "naties"};

bool ends_with(const std::string& word, std::string_view suffix) {
    return word.size() >= suffix.size() &&
           std::string_view(word).substr(word.size() - suffix.size()) == suffix;
}

// The dictionary forms a compound's first part may have before a linking
// morpheme: "veiligheids" -> "veiligheid", "boeken" -> "boek".
std::vector<std::string> head_forms(const std::string& head) {
    std::vector<std::string> forms{head};
    for (const std::string_view linker : {"s", "e", "en"}) {
        if (ends_with(head, linker)) forms.push_back(head.substr(0, head.size() - linker.size()));
    }
    return forms;
}

// Fewer parts is better; among equals, the split whose shortest part is
// longest (chance splits tend to produce a short part).
bool better_split(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    if (b.empty()) return !a.empty();
    if (a.empty()) return false;
    if (a.size() != b.size()) return a.size() < b.size();
    const auto shorter = [](const std::string& x, const std::string& y) {
        return x.size() < y.size();
    };
    return std::min_element(a.begin(), a.end(), shorter)->size() >
           std::min_element(b.begin(), b.end(), shorter)->size();
}

}  // namespace

bool in_seed_lexicon(std::string_view folded) {
    return std::find(std::begin(kSeedLexicon), std::end(kSeedLexicon), folded) !=
           std::end(kSeedLexicon);
}

CompoundSplitter::CompoundSplitter(IsKnown is_known) : is_known_(std::move(is_known)) {}

std::vector<std::string> CompoundSplitter::split(const std::string& folded) const {
    if (folded.size() < kMinCompoundLength || folded.size() > kMaxCompoundLength) return {};
    const bool letters_only = std::all_of(folded.begin(), folded.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80;
    });
    return letters_only ? split_from(folded, 1) : std::vector<std::string>{};
}

std::vector<std::string> CompoundSplitter::split_from(const std::string& word,
                                                      std::size_t depth) const {
    std::vector<std::string> best;
    if (depth > kMaxDepth) return best;
    for (std::size_t cut = kMinPartLength; cut + kMinPartLength <= word.size(); ++cut) {
        // Look at the head first: the tail is only worth splitting (which
        // recurses) when the head is a word.
        std::vector<std::string> heads;
        for (const std::string& head : head_forms(word.substr(0, cut))) {
            if (head.size() >= kMinPartLength && is_known_(head)) heads.push_back(head);
        }
        if (heads.empty()) continue;
        const std::string tail = word.substr(cut);
        std::vector<std::string> tail_parts;
        if (is_known_(tail)) {
            tail_parts.push_back(tail);
        } else {
            tail_parts = split_from(tail, depth + 1);
        }
        if (tail_parts.empty()) continue;
        for (const std::string& head : heads) {
            std::vector<std::string> candidate{head};
            candidate.insert(candidate.end(), tail_parts.begin(), tail_parts.end());
            if (better_split(candidate, best)) best = std::move(candidate);
        }
    }
    return best;
}

}  // namespace kamerzoek
