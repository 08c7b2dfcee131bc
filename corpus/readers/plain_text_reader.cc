// Plain text, typically what a PDF-to-text tool made of a Kamerbrief. It is
// the reader of last resort: it accepts anything that decodes as text.
#include <algorithm>
#include <filesystem>

#include "corpus/encoding.h"
#include "corpus/extracted_text.h"
#include "corpus/readers/readers.h"

namespace kamerzoek::corpus {
namespace {

constexpr std::size_t kMaxTitleLength = 110;

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// The first sentence of the first paragraph, cut at a word boundary.
std::string title_from_blocks(const std::vector<Block>& blocks) {
    for (const Block& block : blocks) {
        if (block.role == Block::Role::kFootnote || block.text.size() < 12) continue;
        std::string title = block.text;
        const std::size_t sentence_end = title.find(". ");
        if (sentence_end != std::string::npos) title.resize(sentence_end);
        if (title.size() > kMaxTitleLength) {
            const std::size_t cut = title.rfind(' ', kMaxTitleLength);
            title.resize(cut == std::string::npos ? kMaxTitleLength : cut);
            while (!title.empty() && (title.back() == ',' || title.back() == ' ')) title.pop_back();
            title += "…";
        }
        return title;
    }
    return {};
}

// A letter to the Kamer says so, or has a dateline and a minister's signature.
DocumentKind guess_kind(const std::string& path, const ExtractedText& text) {
    const std::string name = lower(std::filesystem::path(path).filename().string());
    std::string head;
    for (const Block& block : text.blocks) {
        head.append(block.text).append(" ");
        if (head.size() > 600) break;
    }
    const std::string lower_head = lower(head);
    if (name.find("bijlage") != std::string::npos || name.find("annex") != std::string::npos ||
        lower_head.starts_with("bijlage") || lower_head.starts_with("annex")) {
        return DocumentKind::kBijlage;
    }
    // A dateline ("Den Haag, 9 februari 2016") or the salutation marks a letter.
    const bool letter_shape = !text.date.empty() ||
                              lower_head.find("geachte voorzitter") != std::string::npos ||
                              lower_head.starts_with("hierbij ");
    if (letter_shape || name.find("kamerbrief") != std::string::npos)
        return DocumentKind::kKamerbrief;
    return DocumentKind::kOther;
}

class PlainTextReader final : public Reader {
  public:
    std::string_view name() const override { return "text"; }

    bool accepts(const SourceFile&) const override { return true; }

    std::vector<Document> read(const SourceFile& file) const override {
        DecodedText decoded = decode_text(file.bytes);
        ExtractedText text = parse_extracted_text(decoded.utf8);
        if (text.blocks.empty()) throw ReadError("no text found");
        Document document;
        document.source_path = file.path;
        document.date = text.date;
        document.kind = guess_kind(file.path, text);
        document.title = title_from_blocks(text.blocks);
        document.warnings = std::move(decoded.repairs);
        document.blocks = std::move(text.blocks);
        return {std::move(document)};
    }
};

}  // namespace

std::unique_ptr<Reader> make_plain_text_reader() { return std::make_unique<PlainTextReader>(); }

}  // namespace kamerzoek::corpus
