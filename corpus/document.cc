#include "corpus/document.h"

#include <array>
#include <utility>

namespace kamerzoek::corpus {
namespace {

constexpr std::array<std::pair<DocumentKind, std::string_view>, 22> kKindNames{{
    {DocumentKind::kOther, "other"},
    {DocumentKind::kKamerbrief, "kamerbrief"},
    {DocumentKind::kKamerstuk, "kamerstuk"},
    {DocumentKind::kMotie, "motie"},
    {DocumentKind::kAmendement, "amendement"},
    {DocumentKind::kBijlage, "bijlage"},
    {DocumentKind::kHandelingen, "handelingen"},
    {DocumentKind::kAanhangsel, "aanhangsel"},
    {DocumentKind::kKamervragen, "kamervragen"},
    {DocumentKind::kBesluitenlijst, "besluitenlijst"},
    {DocumentKind::kDebate, "debate"},
    {DocumentKind::kStaatsblad, "staatsblad"},
    {DocumentKind::kStaatscourant, "staatscourant"},
    {DocumentKind::kTractatenblad, "tractatenblad"},
    {DocumentKind::kGemeenteblad, "gemeenteblad"},
    {DocumentKind::kProvinciaalblad, "provinciaalblad"},
    {DocumentKind::kWaterschapsblad, "waterschapsblad"},
    {DocumentKind::kBladGemeenschappelijkeRegeling, "bladgemeenschappelijkeregeling"},
    {DocumentKind::kEmail, "email"},
    {DocumentKind::kNota, "nota"},
    {DocumentKind::kRapport, "rapport"},
    {DocumentKind::kFiche, "fiche"},
}};

// Kinds that are one series under another name: a Kamerbrief, a motie and
// an amendement are each published as a Kamerstuk (kst-...).
constexpr std::array<std::string_view, 4> kKamerstukSeries = {"kamerstuk", "kamerbrief", "motie",
                                                              "amendement"};

}  // namespace

std::string_view language_code(Language language) {
    switch (language) {
        case Language::kDutch:
            return "nl";
        case Language::kEnglish:
            return "en";
        case Language::kUnknown:
            break;
    }
    return "und";
}

Language language_from_code(std::string_view code) {
    if (code == "nl") return Language::kDutch;
    if (code == "en") return Language::kEnglish;
    return Language::kUnknown;
}

std::string_view kind_name(DocumentKind kind) {
    for (const auto& [k, name] : kKindNames) {
        if (k == kind) return name;
    }
    return "other";
}

DocumentKind kind_from_name(std::string_view name) {
    for (const auto& [kind, n] : kKindNames) {
        if (n == name) return kind;
    }
    return DocumentKind::kOther;
}

std::vector<std::string_view> kinds_matched_by(std::string_view name) {
    if (name == "kamerstuk") return {kKamerstukSeries.begin(), kKamerstukSeries.end()};
    return {name};
}

std::string Document::text() const {
    std::string all;
    for (const Passage& passage : passages) {
        if (!all.empty()) all.append("\n\n");
        all.append(passage.text);
    }
    return all;
}

}  // namespace kamerzoek::corpus
