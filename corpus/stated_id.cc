#include "corpus/stated_id.h"

#include <array>
#include <cctype>
#include <filesystem>
#include <fstream>

#include "corpus/official_id.h"

namespace kamerzoek::corpus {
namespace {

constexpr std::size_t kHeadBytes = 64 * 1024;

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// The value of attribute `name` in the tag that starts at `tag`; "" when
// the tag has none.
std::string attribute(std::string_view head, std::size_t tag, std::string_view name) {
    const std::size_t close = head.find('>', tag);
    const std::string_view element =
        head.substr(tag, close == std::string_view::npos ? head.size() - tag : close - tag);
    const std::string folded = lower(element);
    std::size_t at = 0;
    while ((at = folded.find(name, at)) != std::string::npos) {
        const std::size_t eq = at + name.size();
        const bool starts_word = at > 0 && std::isspace(static_cast<unsigned char>(folded[at - 1]));
        at = eq;
        if (!starts_word || eq + 1 >= folded.size() || folded[eq] != '=') continue;
        const char quote = element[eq + 1];
        if (quote != '"' && quote != '\'') continue;
        const std::size_t end = element.find(quote, eq + 2);
        if (end == std::string_view::npos) return {};
        return std::string(element.substr(eq + 2, end - eq - 2));
    }
    return {};
}

std::string canonical(std::string_view text) {
    const auto id = OfficialId::parse(text);
    if (!id || id->kind() == OfficialIdKind::kDossier) return {};
    return id->str();
}

// "https://zoek.officielebekendmakingen.nl/stb-2018-84/metadata.xml" -> "stb-2018-84".
std::string id_of_record_url(std::string_view url) {
    std::size_t end = url.rfind('/');
    if (end == std::string_view::npos || end == 0) return {};
    const std::size_t begin = url.rfind('/', end - 1);
    if (begin == std::string_view::npos) return {};
    return canonical(url.substr(begin + 1, end - begin - 1));
}

}  // namespace

std::string id_stated_in(std::string_view head) {
    const std::string folded = lower(head);
    std::size_t at = 0;
    while ((at = folded.find("<meta", at)) != std::string::npos) {
        const std::string name = lower(attribute(head, at, "name"));
        const std::string content = attribute(head, at, "content");
        at += 5;
        if (name == "dc.identifier" || name == "dcterms.identifier") {
            if (std::string id = canonical(content); !id.empty()) return id;
        } else if (name == "overheidop.externmetadatarecord") {
            if (std::string id = id_of_record_url(content); !id.empty()) return id;
        }
    }
    return {};
}

std::string id_stated_by_file(const std::string& path) {
    const std::string extension = lower(std::filesystem::path(path).extension().string());
    static const std::array<std::string_view, 4> kMarkup{".xml", ".html", ".htm", ".xhtml"};
    bool markup = false;
    for (const std::string_view candidate : kMarkup) markup = markup || extension == candidate;
    if (!markup) return {};
    std::ifstream in(path, std::ios::binary);
    std::string head(kHeadBytes, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    return id_stated_in(head);
}

}  // namespace kamerzoek::corpus
