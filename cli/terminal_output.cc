#include "cli/terminal_output.h"

#include <fmt/core.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace kamerzoek::cli {
namespace {

const char* const kBold = "\033[1m";
const char* const kDim = "\033[2m";
const char* const kMatch = "\033[1;33m";
const char* const kReset = "\033[0m";

std::string paint(const Style& style, const char* code, const std::string& text) {
    return style.colour ? std::string(code) + text + kReset : text;
}

// A passage's own line breaks (table rows, addresses) continue at the
// passage's indent instead of the terminal's left edge.
std::string indented(const std::string& text, std::string_view indent) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        out.push_back(c);
        if (c == '\n') out.append(indent);
    }
    return out;
}

void print_reference(std::FILE* out, const Reference& ref, const Style& style,
                     const std::string& indent) {
    std::string line = fmt::format("{}→ {} ({})", indent, ref.id, ref.cited_as);
    if (!ref.in_index.empty()) {
        line += ref.in_index == ref.id ? " [in index]" : " [in index as " + ref.in_index + "]";
    }
    if (!ref.url.empty()) line += " " + ref.url;
    fmt::print(out, "{}\n", paint(style, kDim, line));
}

void print_hit(std::FILE* out, const Hit& hit, const Style& style) {
    std::string heading =
        fmt::format("{}. {}", hit.rank, hit.title.empty() ? hit.doc_id : hit.title);
    fmt::print(out, "{}\n", paint(style, kBold, heading));
    std::string meta = hit.doc_id;
    if (!hit.date.empty()) meta += " · " + hit.date;
    meta += " · " + hit.kind + " · " + hit.lang;
    if (!hit.parent_id.empty()) meta += " · annex of " + hit.parent_id;
    if (!hit.section.empty()) meta += " · § " + hit.section;
    if (!hit.speaker.empty())
        meta += " · " + hit.speaker + (hit.party.empty() ? "" : " (" + hit.party + ")");
    meta += fmt::format(" · passage {} · score {:.2f}", hit.passage, hit.score);
    fmt::print(out, "   {}\n", paint(style, kDim, meta));
    const std::string snippet =
        style.colour ? highlight(hit.snippet, kMatch, kReset) : highlight(hit.snippet, "[", "]");
    fmt::print(out, "   {}\n", indented(snippet, "   "));
    for (const Reference& ref : hit.refs) print_reference(out, ref, style, "   ");
    fmt::print(out, "\n");
}

}  // namespace

Style Style::for_stream(std::FILE* stream) {
    Style style;
    const char* no_colour = std::getenv("NO_COLOR");
    style.colour = isatty(fileno(stream)) && (no_colour == nullptr || *no_colour == '\0');
    return style;
}

void print_results(std::FILE* out, const SearchResults& results, const Style& style) {
    if (results.hits.empty()) {
        fmt::print(out, "No passages match \"{}\".\n", results.query);
        return;
    }
    fmt::print(out, "{} of about {} passages in {} {} for \"{}\"\n\n", results.hits.size(),
               results.total, results.documents, results.documents == 1 ? "document" : "documents",
               results.query);
    for (const Hit& hit : results.hits) print_hit(out, hit, style);
}

namespace {

// "Bijlage A - DPIA.pdf" from its path, so that hits from files of the
// same title can be told apart.
std::string file_name(const std::string& path) {
    const std::size_t slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string joined(const std::vector<std::string>& items) {
    std::string text;
    for (const std::string& item : items) text += (text.empty() ? "" : ", ") + item;
    return text;
}

std::string joined(const std::vector<int>& numbers) {
    std::string text;
    for (const int number : numbers) text += (text.empty() ? "" : ", ") + std::to_string(number);
    return text;
}

void print_document_heading(std::FILE* out, const DocumentView& document, const Style& style) {
    fmt::print(out, "{}\n",
               paint(style, kBold, document.title.empty() ? document.doc_id : document.title));
    std::string meta = document.doc_id;
    if (!document.date.empty()) meta += " · " + document.date;
    meta += " · " + document.kind + " · " + document.lang;
    if (document.dossier) meta += " · dossier " + *document.dossier;
    fmt::print(out, "   {}\n", paint(style, kDim, meta));
    if (!document.published.empty() && document.published != document.date)
        fmt::print(out, "   {}\n", paint(style, kDim, "published " + document.published));
    if (!document.authors.empty())
        fmt::print(out, "   {}\n", paint(style, kDim, "by " + joined(document.authors)));
    if (!document.kenmerk.empty())
        fmt::print(out, "   {}\n", paint(style, kDim, "kenmerk " + document.kenmerk));
    fmt::print(out, "   {}\n", paint(style, kDim, "file: " + file_name(document.source)));
    fmt::print(out, "   {}\n", paint(style, kDim, "source: " + document.source));
    for (const std::string& alternate : document.alternates)
        fmt::print(out, "   {}\n", paint(style, kDim, "also as: " + alternate));
    if (!document.parent_id.empty()) fmt::print(out, "   annex of {}\n", document.parent_id);
    if (!document.annexes.empty()) fmt::print(out, "   annexes: {}\n", joined(document.annexes));
    fmt::print(out, "\n");
}

void print_document_passage(std::FILE* out, const DocumentPassage& passage, const Style& style) {
    std::string heading = fmt::format("[{}]", passage.ordinal);
    if (passage.footnote) heading += " footnote " + passage.label;
    if (!passage.section.empty()) heading += " § " + passage.section;
    if (!passage.speaker.empty()) {
        heading +=
            " · " + passage.speaker + (passage.party.empty() ? "" : " (" + passage.party + ")");
    }
    fmt::print(out, "  {}\n", paint(style, kBold, heading));
    fmt::print(out, "    {}\n", indented(passage.text, "    "));
    for (const Reference& ref : passage.refs) print_reference(out, ref, style, "    ");
}

void print_cited_by(std::FILE* out, const std::vector<CitingDocument>& cited_by,
                    const Style& style) {
    fmt::print(out, "{}\n", paint(style, kBold, fmt::format("Cited by ({})", cited_by.size())));
    if (cited_by.empty()) fmt::print(out, "  nothing in the index\n");
    for (const CitingDocument& citing : cited_by) {
        std::string line = citing.doc_id;
        if (!citing.date.empty()) line += " · " + citing.date;
        if (!citing.title.empty()) line += " · " + citing.title;
        fmt::print(out, "  {}\n", line);
        fmt::print(out, "    {}\n",
                   paint(style, kDim,
                         fmt::format("as {} in passage(s) {}", joined(citing.cited_ids),
                                     joined(citing.passages))));
    }
}

// The passage text with the citations of what was looked for painted.
std::string marked_citations(const Hit& hit, const CitesResults& results, const Style& style) {
    if (!style.colour) return hit.text;
    std::string text = hit.text;
    for (const Reference& ref : hit.refs) {
        const bool wanted = std::any_of(results.looked_for.begin(), results.looked_for.end(),
                                        [&](const Reference& w) { return w.id == ref.id; });
        const std::size_t at = text.find(ref.cited_as);
        if (!wanted || ref.cited_as.empty() || at == std::string::npos) continue;
        text.replace(at, ref.cited_as.size(), paint(style, kMatch, ref.cited_as));
    }
    return text;
}

void print_cites_group(std::FILE* out, const CitesGroup& group, const CitesResults& results,
                       const Style& style) {
    fmt::print(out, "{}\n", paint(style, kBold, group.title.empty() ? group.doc_id : group.title));
    std::string meta = group.doc_id;
    if (!group.date.empty()) meta += " · " + group.date;
    meta += " · " + group.kind;
    fmt::print(out, "   {}\n", paint(style, kDim, meta));
    for (const Hit& hit : group.passages) {
        std::string heading = fmt::format("[{}]", hit.passage);
        if (!hit.section.empty()) heading += " § " + hit.section;
        if (!hit.speaker.empty()) heading += " · " + hit.speaker;
        if (!results.text.empty()) heading += fmt::format(" · score {:.2f}", hit.score);
        fmt::print(out, "   {}\n", paint(style, kBold, heading));
        const std::string body = results.text.empty()
                                     ? marked_citations(hit, results, style)
                                     : (style.colour ? highlight(hit.snippet, kMatch, kReset)
                                                     : highlight(hit.snippet, "[", "]"));
        fmt::print(out, "     {}\n", indented(body, "     "));
    }
    fmt::print(out, "\n");
}

}  // namespace

void print_document(std::FILE* out, const DocumentView& document, const Style& style) {
    print_document_heading(out, document, style);
    fmt::print(out, "{}\n",
               paint(style, kBold, fmt::format("Passages ({})", document.passages.size())));
    for (const DocumentPassage& passage : document.passages)
        print_document_passage(out, passage, style);
    fmt::print(out, "\n{}\n",
               paint(style, kBold, fmt::format("Cites ({})", document.cites.size())));
    for (const Reference& ref : document.cites) print_reference(out, ref, style, "  ");
    fmt::print(out, "\n");
    print_cited_by(out, document.cited_by, style);
}

void print_cites(std::FILE* out, const CitesResults& results, const Style& style) {
    std::vector<std::string> ids;
    for (const Reference& ref : results.looked_for) ids.push_back(ref.id);
    const std::string what = fmt::format("\"{}\" ({})", results.ref, joined(ids));
    if (results.documents.empty()) {
        fmt::print(out, "No passage in the index cites {}{}.\n", what,
                   results.text.empty() ? "" : " and matches \"" + results.text + "\"");
        return;
    }
    std::size_t shown = 0;
    for (const CitesGroup& group : results.documents) shown += group.passages.size();
    fmt::print(out, "{} of {} passages citing {}, in {} documents\n\n", shown, results.total, what,
               results.documents.size());
    for (const CitesGroup& group : results.documents) print_cites_group(out, group, results, style);
}

}  // namespace kamerzoek::cli
