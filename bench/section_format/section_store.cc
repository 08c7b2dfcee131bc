#include "bench/section_format/section_store.h"

#include <stdexcept>

namespace kamerzoek::sections {
namespace {

constexpr char kField = '\x1f';
constexpr char kSubField = '\x1e';

// Field values are free text from headings and names: the separators and
// line ends must not occur in them.
std::string clean(std::string_view value) {
    std::string out(value);
    for (char& c : out) {
        if (c == kField || c == kSubField || c == '\n') c = ' ';
    }
    return out;
}

std::vector<std::string_view> split(std::string_view line, char separator) {
    std::vector<std::string_view> fields;
    std::size_t start = 0;
    for (std::size_t at; (at = line.find(separator, start)) != std::string_view::npos;
         start = at + 1) {
        fields.push_back(line.substr(start, at - start));
    }
    fields.push_back(line.substr(start));
    return fields;
}

unsigned long to_number(std::string_view field) { return std::stoul(std::string(field)); }

}  // namespace

std::string encode_section(const std::string& doc_id, const std::vector<StoredPassage>& passages,
                           const std::vector<std::string>& texts) {
    std::string out = clean(doc_id) + '\n' + std::to_string(passages.size()) + '\n';
    for (std::size_t i = 0; i < passages.size(); ++i) {
        const StoredPassage& p = passages[i];
        std::string refs;
        for (const std::string& ref : p.refs) {
            if (!refs.empty()) refs += kSubField;
            refs += clean(ref);
        }
        for (const std::string& field :
             {std::to_string(p.ordinal), p.lang, std::to_string(p.begin), std::to_string(p.end),
              std::to_string(texts[i].size()), std::to_string(p.length), clean(p.section),
              clean(p.speaker), clean(p.party), clean(p.label),
              std::string(p.footnote ? "1" : "")}) {
            out += field;
            out += kField;
        }
        out += refs;
        out += '\n';
    }
    for (const std::string& text : texts) out += text;
    return out;
}

StoredSection decode_section(const std::string& record) {
    StoredSection section;
    const std::string_view all(record);
    std::size_t at = all.find('\n');
    if (at == std::string_view::npos) throw std::runtime_error("section record without header");
    section.doc_id = std::string(all.substr(0, at));
    std::size_t next = all.find('\n', at + 1);
    const std::size_t count = to_number(all.substr(at + 1, next - at - 1));
    std::vector<std::size_t> sizes;
    for (std::size_t i = 0; i < count; ++i) {
        at = next + 1;
        next = all.find('\n', at);
        if (next == std::string_view::npos) throw std::runtime_error("truncated section record");
        const std::vector<std::string_view> f = split(all.substr(at, next - at), kField);
        if (f.size() != 12) throw std::runtime_error("malformed passage in section record");
        StoredPassage p;
        p.ordinal = static_cast<int>(to_number(f[0]));
        p.lang = std::string(f[1]);
        p.begin = static_cast<Xapian::termpos>(to_number(f[2]));
        p.end = static_cast<Xapian::termpos>(to_number(f[3]));
        sizes.push_back(to_number(f[4]));
        p.length = static_cast<Xapian::termcount>(to_number(f[5]));
        p.section = std::string(f[6]);
        p.speaker = std::string(f[7]);
        p.party = std::string(f[8]);
        p.label = std::string(f[9]);
        p.footnote = f[10] == "1";
        if (!f[11].empty()) {
            for (std::string_view ref : split(f[11], kSubField)) p.refs.emplace_back(ref);
        }
        section.passages.push_back(std::move(p));
    }
    std::size_t offset = next + 1;
    for (std::size_t i = 0; i < count; ++i) {
        if (offset + sizes[i] > all.size()) throw std::runtime_error("section text cut short");
        section.passages[i].text = all.substr(offset, sizes[i]);
        offset += sizes[i];
    }
    return section;
}

}  // namespace kamerzoek::sections
