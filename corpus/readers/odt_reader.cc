// OpenDocument text (.odt), as the official repository publishes beside a
// paper's XML and as word processors save: a zip holding content.xml (the
// body: text:h headings, text:p paragraphs, text:list items, tables) and
// meta.xml (title and, from the repository, the paper's metadata as
// user-defined fields). libzip opens the container from memory; what one
// part may unpack to is bounded, so a zip bomb is refused, and the whole
// read runs under the reader limits (corpus/reader_limits.h).
#include <zip.h>

#include <algorithm>
#include <memory>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/publication_metadata.h"
#include "corpus/reader_limits.h"
#include "corpus/readers/readers.h"

namespace kamerzoek::corpus {
namespace {

constexpr std::string_view kOdtMimetype = "application/vnd.oasis.opendocument.text";
// content.xml of a 500-page report is a few MB; far more is a zip bomb.
constexpr zip_uint64_t kMaxPartBytes = zip_uint64_t{64} << 20;

struct ZipCloser {
    void operator()(zip_t* archive) const { zip_discard(archive); }
};
struct ZipFileCloser {
    void operator()(zip_file_t* file) const { zip_fclose(file); }
};
using Archive = std::unique_ptr<zip_t, ZipCloser>;

Archive open_archive(const std::string& bytes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (!source)
        throw ReadError("ODT could not be opened: " + std::string(zip_error_strerror(&error)));
    zip_t* archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (!archive) {
        zip_source_free(source);
        const std::string reason = zip_error_strerror(&error);
        zip_error_fini(&error);
        throw ReadError("ODT could not be opened: damaged zip (" + reason + ")");
    }
    zip_error_fini(&error);
    return Archive(archive);
}

// The unpacked bytes of part `name`; "" when the archive has no such part.
// Reading stops at kMaxPartBytes whatever the zip's directory claims.
std::string read_part(zip_t* archive, const char* name) {
    const zip_int64_t index = zip_name_locate(archive, name, 0);
    if (index < 0) return {};
    const auto too_big = [name] {
        return ReadError(std::string("ODT part ") + name + " unpacks to more than " +
                         std::to_string(kMaxPartBytes >> 20) + " MB: refused as a zip bomb");
    };
    zip_stat_t stat;
    if (zip_stat_index(archive, static_cast<zip_uint64_t>(index), 0, &stat) == 0 &&
        (stat.valid & ZIP_STAT_SIZE) && stat.size > kMaxPartBytes)
        throw too_big();
    std::unique_ptr<zip_file_t, ZipFileCloser> file(
        zip_fopen_index(archive, static_cast<zip_uint64_t>(index), 0));
    if (!file) {
        throw ReadError(std::string("ODT part ") + name +
                        " could not be unpacked: " + zip_strerror(archive));
    }
    std::string out;
    char buffer[64 * 1024];
    for (;;) {
        const zip_int64_t got = zip_fread(file.get(), buffer, sizeof buffer);
        if (got < 0) {
            throw ReadError(std::string("ODT part ") + name +
                            " is damaged: " + zip_file_strerror(file.get()));
        }
        if (got == 0) break;
        out.append(buffer, static_cast<std::size_t>(got));
        if (out.size() > kMaxPartBytes) throw too_big();
    }
    return out;
}

pugi::xml_document parse_part(const std::string& xml, const char* name) {
    pugi::xml_document document;
    const pugi::xml_parse_result parsed = document.load_buffer(xml.data(), xml.size());
    if (!parsed) {
        throw ReadError(std::string("ODT part ") + name + " is not well-formed XML: " +
                        parsed.description() + " at byte " + std::to_string(parsed.offset));
    }
    return document;
}

Block make_block(Block::Role role, std::string text, std::string label = {}) {
    Block block;
    block.role = role;
    block.text = std::move(text);
    block.label = std::move(label);
    return block;
}

// Paragraph text with ODF's spacing elements spelled out.
void append_inline(pugi::xml_node node, std::string& out, std::vector<Block>& footnotes) {
    for (pugi::xml_node child : node.children()) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
            out += child.value();
            continue;
        }
        const std::string_view name = child.name();
        if (name == "text:s") {
            out += ' ';  // text:c repeats it; one space is all a passage needs
        } else if (name == "text:tab" || name == "text:line-break") {
            out += ' ';
        } else if (name == "text:note") {
            // A footnote: its marker stays out of the sentence, its body
            // becomes a footnote block after the paragraph.
            Block footnote = make_block(Block::Role::kFootnote, {},
                                        child.child("text:note-citation").text().get());
            std::vector<Block> nested;
            for (pugi::xml_node part : child.child("text:note-body").children()) {
                if (!footnote.text.empty()) footnote.text += ' ';
                append_inline(part, footnote.text, nested);
            }
            footnotes.push_back(std::move(footnote));
        } else if (name == "office:annotation" || name == "text:tracked-changes" ||
                   name == "text:bookmark-start" || name == "draw:frame") {
            continue;  // comments, deleted text and anchored pictures are not the text
        } else {
            append_inline(child, out, footnotes);  // text:span, text:a, fields
        }
    }
}

std::string collapse_spaces(const std::string& text) {
    std::string out;
    for (const char c : text) {
        const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
        if (space && (out.empty() || out.back() == ' ')) continue;
        out += space ? ' ' : c;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

class BodyWalker {
  public:
    std::vector<Block> blocks;

    void walk(pugi::xml_node parent) {
        for (pugi::xml_node node : parent.children()) visit(node);
    }

  private:
    void emit(Block::Role role, pugi::xml_node node) {
        std::string text;
        std::vector<Block> footnotes;
        append_inline(node, text, footnotes);
        if (std::string tidy = collapse_spaces(text); !tidy.empty())
            blocks.push_back(make_block(role, std::move(tidy)));
        for (Block& footnote : footnotes) {
            footnote.text = collapse_spaces(footnote.text);
            if (!footnote.text.empty()) blocks.push_back(std::move(footnote));
        }
    }

    // A table row reads as one line, its non-empty cells separated by bars
    // (as the HTML reader reads one).
    void emit_row(pugi::xml_node row) {
        std::string line;
        for (pugi::xml_node cell : row.children("table:table-cell")) {
            std::string text;
            std::vector<Block> footnotes;
            for (pugi::xml_node part : cell.children()) {
                append_inline(part, text, footnotes);
                text += ' ';
            }
            text = collapse_spaces(text);
            if (text.empty()) continue;
            if (!line.empty()) line += " | ";
            line += text;
        }
        if (!line.empty()) blocks.push_back(make_block(Block::Role::kParagraph, line));
    }

    void visit(pugi::xml_node node) {
        const std::string_view name = node.name();
        if (name == "text:h") {
            emit(Block::Role::kHeading, node);
        } else if (name == "text:p") {
            emit(Block::Role::kParagraph, node);
        } else if (name == "table:table-row") {
            emit_row(node);
        } else if (name == "draw:frame") {
            // A frame anchored to the page is margin furniture (the
            // repository's "kst-32545-143, 's-Gravenhage 2021" block); one
            // anchored in the text holds text of the body.
            if (std::string_view(node.attribute("text:anchor-type").value()) != "page") walk(node);
        } else if (name == "text:table-of-content" || name == "text:alphabetical-index" ||
                   name == "text:tracked-changes" || name == "office:forms" ||
                   name == "text:sequence-decls" || name == "text:variable-decls") {
            return;  // generated from the text, or no text at all
        } else {
            walk(node);  // text:list, text:list-item, text:section, tables, text boxes
        }
    }
};

// meta.xml's title and fields. The repository's user-defined fields are
// named "OVERHEIDop.ParlID/DC.identifier": scheme, then the name.
Metadata read_meta(const std::string& xml) {
    Metadata metadata;
    if (xml.empty()) return metadata;
    pugi::xml_document document;
    if (!document.load_buffer(xml.data(), xml.size())) return metadata;  // meta.xml is optional
    const pugi::xml_node meta_node = document.child("office:document-meta").child("office:meta");
    if (const char* title = meta_node.child("dc:title").text().get(); *title)
        metadata.emplace("dc.title", title);
    for (pugi::xml_node field : meta_node.children("meta:user-defined")) {
        std::string name = field.attribute("meta:name").value();
        if (const std::size_t slash = name.rfind('/'); slash != std::string::npos)
            name = name.substr(slash + 1);
        const std::string value = field.text().get();
        if (name.empty() || value.empty()) continue;
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        metadata.emplace(name, value);
    }
    return metadata;
}

class OdtReader final : public Reader {
  public:
    std::string_view name() const override { return "odt"; }

    // OpenDocument names itself in a first, stored "mimetype" entry.
    bool accepts(const SourceFile& file) const override {
        const std::string_view bytes = file.bytes;
        return bytes.starts_with("PK\x03\x04") && bytes.size() > 30 + kOdtMimetype.size() &&
               bytes.substr(30, 8) == "mimetype" &&
               bytes.substr(38, kOdtMimetype.size()) == kOdtMimetype;
    }

    // libzip and pugixml cannot be interrupted: the read runs in a child
    // process under the time and memory limits, like a PDF's.
    std::vector<Document> read(const SourceFile& file) const override {
        const ReaderLimits limits = reader_limits();
        if (limits.time.count() <= 0) return read_here(file);
        return read_in_child([&] { return read_here(file); }, limits);
    }

  private:
    static std::vector<Document> read_here(const SourceFile& file) {
        const Archive archive = open_archive(file.bytes);
        const std::string content = read_part(archive.get(), "content.xml");
        if (content.empty()) throw ReadError("ODT without content.xml");
        const pugi::xml_document xml = parse_part(content, "content.xml");
        const pugi::xml_node body =
            xml.child("office:document-content").child("office:body").child("office:text");
        if (!body) throw ReadError("ODT content.xml has no office:text body (not a text document)");
        BodyWalker walker;
        walker.walk(body);
        if (walker.blocks.empty()) throw ReadError("ODT without text");
        Document document;
        document.blocks = std::move(walker.blocks);
        override_from_metadata(document, read_meta(read_part(archive.get(), "meta.xml")));
        return {std::move(document)};
    }
};

}  // namespace

std::unique_ptr<Reader> make_odt_reader() { return std::make_unique<OdtReader>(); }

}  // namespace kamerzoek::corpus
