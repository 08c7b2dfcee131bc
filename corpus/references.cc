// Citations in running text and canonical ids: the public face of the
// scanner in corpus/citations/ (see corpus/citations/scanner.h).
#include "corpus/references.h"

#include "corpus/citations/scanner.h"

namespace kamerzoek::corpus {
namespace {

using citations::Scanner;
using std::size_t;
using std::string;
using std::string_view;

// "34300-V" or "34 300 V" as given in a ReferenceContext.
string normalise_context_dossier(string_view dossier) {
    if (dossier.empty()) return {};
    Scanner scanner(dossier, {});
    if (auto d = scanner.whole_dossier()) return d->id;
    return string(dossier);
}

string_view trim(string_view s) {
    while (!s.empty() &&
           (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r'))
        s.remove_prefix(1);
    while (!s.empty() &&
           (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

}  // namespace

std::string_view to_string(ReferenceType type) { return id_kind_name(type); }

std::vector<Reference> find_references(std::string_view text, const ReferenceContext& context) {
    Scanner scanner(text, normalise_context_dossier(context.dossier));
    return scanner.run();
}

std::vector<Reference> parse_citation(std::string_view citation) {
    const string_view text = trim(citation);
    if (text.empty()) return {};
    // Offsets refer to `citation`, of which `text` is the trimmed middle.
    const size_t offset = static_cast<size_t>(text.data() - citation.data());
    // A canonical id of any kind but a lone dossier (which the scanner reads
    // in more spellings: "34 300 V").
    if (auto id = OfficialId::parse(text); id && id->kind() != OfficialIdKind::kDossier) {
        return {Reference{id->str(), id->kind(), string(text), offset, offset + text.size()}};
    }
    Scanner scanner(text, {});
    // A lone dossier ("30111", "34 300 V") is a citation here, though not in
    // running text.
    if (auto d = scanner.whole_dossier()) {
        return {
            Reference{d->id, ReferenceType::kDossier, string(text), offset, offset + text.size()}};
    }
    std::vector<Reference> refs = scanner.run();
    for (Reference& ref : refs) {
        ref.begin += offset;
        ref.end += offset;
    }
    return refs;
}

std::string official_url(const Reference& reference) {
    const auto id = OfficialId::parse(reference.id);
    return id ? id->url() : std::string();
}

}  // namespace kamerzoek::corpus
