#include "cli/terminal_output.h"

#include <fmt/core.h>
#include <unistd.h>

#include <cstdlib>

namespace kamerzoek::cli {
namespace {

const char* const kBold = "\033[1m";
const char* const kDim = "\033[2m";
const char* const kMatch = "\033[1;33m";
const char* const kReset = "\033[0m";

std::string paint(const Style& style, const char* code, const std::string& text) {
    return style.colour ? std::string(code) + text + kReset : text;
}

void print_hit(std::FILE* out, const Hit& hit, const Style& style) {
    std::string heading = fmt::format("{}. {}", hit.rank, hit.title.empty() ? hit.doc_id : hit.title);
    fmt::print(out, "{}\n", paint(style, kBold, heading));
    std::string meta = hit.doc_id;
    if (!hit.date.empty()) meta += " · " + hit.date;
    meta += " · " + hit.kind + " · " + hit.lang;
    if (!hit.section.empty()) meta += " · § " + hit.section;
    if (!hit.speaker.empty()) meta += " · " + hit.speaker + (hit.party.empty() ? "" : " (" + hit.party + ")");
    meta += fmt::format(" · passage {} · score {:.2f}", hit.passage, hit.score);
    fmt::print(out, "   {}\n", paint(style, kDim, meta));
    const std::string snippet = style.colour ? highlight(hit.snippet, kMatch, kReset)
                                             : highlight(hit.snippet, "[", "]");
    fmt::print(out, "   {}\n", snippet);
    for (const Reference& ref : hit.refs) {
        std::string line = fmt::format("   → {} ({})", ref.id, ref.cited_as);
        if (!ref.in_index.empty()) line += " [in index]";
        if (!ref.url.empty()) line += " " + ref.url;
        fmt::print(out, "{}\n", paint(style, kDim, line));
    }
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
    fmt::print(out, "{} of about {} passages for \"{}\"\n\n", results.hits.size(), results.total,
               results.query);
    for (const Hit& hit : results.hits) print_hit(out, hit, style);
}

}  // namespace kamerzoek::cli
