// Web pages saved from tweedekamer.nl and similar sites: the main text only,
// without navigation, cookie banners, scripts and footers. The main content
// container is found by its id, class or tag; pages without one fall back to
// the whole body with link-heavy lists left out.
#include <gumbo.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/encoding.h"
#include "corpus/extracted_text.h"
#include "corpus/publication_metadata.h"
#include "corpus/readers/readers.h"
#include "corpus/stated_id.h"

namespace kamerzoek::corpus {
namespace {

struct GumboDeleter {
    void operator()(GumboOutput* output) const {
        gumbo_destroy_output(&kGumboDefaultOptions, output);
    }
};
using ParsedHtml = std::unique_ptr<GumboOutput, GumboDeleter>;

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string_view attribute(const GumboNode* node, const char* name) {
    if (node->type != GUMBO_NODE_ELEMENT) return {};
    const GumboAttribute* attr = gumbo_get_attribute(&node->v.element.attributes, name);
    return attr ? std::string_view(attr->value) : std::string_view();
}

GumboTag tag_of(const GumboNode* node) {
    return node->type == GUMBO_NODE_ELEMENT ? node->v.element.tag : GUMBO_TAG_UNKNOWN;
}

const GumboVector& children_of(const GumboNode* node) {
    static const GumboVector empty{nullptr, 0, 0};
    if (node->type == GUMBO_NODE_ELEMENT) return node->v.element.children;
    if (node->type == GUMBO_NODE_DOCUMENT) return node->v.document.children;
    return empty;
}

template <typename Visit>
void for_each_child(const GumboNode* node, Visit visit) {
    const GumboVector& children = children_of(node);
    for (unsigned i = 0; i < children.length; ++i) {
        visit(static_cast<const GumboNode*>(children.data[i]));
    }
}

// Whitespace collapsed to single spaces, ends trimmed; no-break spaces count
// as spaces.
std::string tidy(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        bool space = std::isspace(static_cast<unsigned char>(s[i])) != 0;
        if (!space && i + 1 < s.size() && s[i] == '\xC2' && s[i + 1] == '\xA0') {
            space = true;
            ++i;
        }
        if (space) {
            if (!out.empty() && out.back() != ' ') out.push_back(' ');
        } else {
            out.push_back(s[i]);
        }
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

// ---- what is never main text ----

bool is_invisible_tag(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_SCRIPT:
        case GUMBO_TAG_STYLE:
        case GUMBO_TAG_NOSCRIPT:
        case GUMBO_TAG_TEMPLATE:
        case GUMBO_TAG_IFRAME:
        case GUMBO_TAG_SVG:
        case GUMBO_TAG_NAV:
        case GUMBO_TAG_FORM:
        case GUMBO_TAG_BUTTON:
        case GUMBO_TAG_SELECT:
        case GUMBO_TAG_FOOTER:
        case GUMBO_TAG_ASIDE:
        case GUMBO_TAG_HEAD:
        case GUMBO_TAG_OBJECT:
        case GUMBO_TAG_CANVAS:
            return true;
        default:
            return false;
    }
}

// Ids and classes sites give to navigation, banners and widgets.
bool has_boilerplate_name(const GumboNode* node) {
    static const std::regex pattern(
        R"((^|[-_ ])(nav|navigation|menu|breadcrumbs?|cookie\w*|cookiebar\w*|footer|social|share|skiplink|skip|search-box|tools|colorbox|cbox\w*|popup|banner|sidebar|rs_skip|tkrsplayer\w*|element-hidden|hidden|visually-hidden|sr-only|print-only|advert\w*|consent)([-_ ]|$))",
        std::regex::icase);
    // Capped: std::regex recurses per character and would overflow the stack
    // on an absurdly long attribute.
    const std::string names = std::string(attribute(node, "id").substr(0, 200)) + " " +
                              std::string(attribute(node, "class").substr(0, 400));
    return names.size() > 1 && std::regex_search(names, pattern);
}

bool is_hidden(const GumboNode* node) {
    if (gumbo_get_attribute(&node->v.element.attributes, "hidden")) return true;
    if (attribute(node, "aria-hidden") == "true") return true;
    const std::string style = lower(attribute(node, "style"));
    return style.find("display:none") != std::string::npos ||
           style.find("display: none") != std::string::npos;
}

// Links that work a widget ("#", javascript:) or fetch a file are page
// controls, not text.
bool is_control_link(const GumboNode* node) {
    if (tag_of(node) != GUMBO_TAG_A) return false;
    const std::string_view href = attribute(node, "href");
    return href == "#" || href.substr(0, 11) == "javascript:" ||
           attribute(node, "class").find("download") != std::string_view::npos;
}

bool is_pruned(const GumboNode* node) {
    if (node->type != GUMBO_NODE_ELEMENT) return false;
    if (is_control_link(node)) return true;
    const std::string_view role = attribute(node, "role");
    if (role == "navigation" || role == "banner" || role == "contentinfo" || role == "search") {
        return true;
    }
    // The body's classes describe the page's state ("tk_cookie-processed"),
    // not its part.
    const GumboTag tag = tag_of(node);
    if (tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_MAIN) return false;
    return is_invisible_tag(tag) || is_hidden(node) || has_boilerplate_name(node);
}

// ---- text of a subtree ----

void append_text(const GumboNode* node, std::string& out, bool links_only, bool in_link) {
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
        node->type == GUMBO_NODE_CDATA) {
        if (!links_only || in_link) out.append(node->v.text.text);
        return;
    }
    if (node->type != GUMBO_NODE_ELEMENT || is_pruned(node)) return;
    const GumboTag tag = tag_of(node);
    if (tag == GUMBO_TAG_BR || tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) out.push_back(' ');
    const bool link = in_link || tag == GUMBO_TAG_A;
    for_each_child(node,
                   [&](const GumboNode* child) { append_text(child, out, links_only, link); });
    if (tag == GUMBO_TAG_P || tag == GUMBO_TAG_DIV || tag == GUMBO_TAG_LI) out.push_back(' ');
}

std::string text_of(const GumboNode* node) {
    std::string out;
    append_text(node, out, false, false);
    return tidy(out);
}

// Letters and digits only, so separators such as " | " between menu links
// do not count as text of their own.
std::size_t count_alnum(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80);
    }));
}

std::size_t link_text_length(const GumboNode* node) {
    std::string out;
    append_text(node, out, true, false);
    return count_alnum(out);
}

std::size_t count_links(const GumboNode* node) {
    if (node->type != GUMBO_NODE_ELEMENT || is_pruned(node)) return 0;
    std::size_t n = tag_of(node) == GUMBO_TAG_A ? 1 : 0;
    for_each_child(node, [&](const GumboNode* child) { n += count_links(child); });
    return n;
}

// Menus and link farms: several links and hardly any other text.
bool is_link_list(const GumboNode* node) {
    const std::size_t links = count_links(node);
    if (links < 3) return false;
    const std::size_t total = count_alnum(text_of(node));
    return total > 0 && link_text_length(node) * 10 >= total * 8;
}

// ---- blocks ----

bool is_heading(GumboTag tag) {
    return tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 || tag == GUMBO_TAG_H4;
}

bool is_block_container(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_P:
        case GUMBO_TAG_DIV:
        case GUMBO_TAG_LI:
        case GUMBO_TAG_UL:
        case GUMBO_TAG_OL:
        case GUMBO_TAG_SECTION:
        case GUMBO_TAG_ARTICLE:
        case GUMBO_TAG_MAIN:
        case GUMBO_TAG_HEADER:
        case GUMBO_TAG_BLOCKQUOTE:
        case GUMBO_TAG_TABLE:
        case GUMBO_TAG_TBODY:
        case GUMBO_TAG_THEAD:
        case GUMBO_TAG_TFOOT:
        case GUMBO_TAG_CAPTION:
        case GUMBO_TAG_DD:
        case GUMBO_TAG_DT:
        case GUMBO_TAG_PRE:
        case GUMBO_TAG_FIGURE:
        case GUMBO_TAG_FIGCAPTION:
        case GUMBO_TAG_H5:
        case GUMBO_TAG_H6:
        case GUMBO_TAG_BODY:
        case GUMBO_TAG_CENTER:
        case GUMBO_TAG_ADDRESS:
        case GUMBO_TAG_HR:
            return true;
        default:
            return false;
    }
}

class BlockCollector {
  public:
    explicit BlockCollector(bool drop_link_lists) : drop_link_lists_(drop_link_lists) {}

    void walk(const GumboNode* node) {
        if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
            node->type == GUMBO_NODE_CDATA) {
            pending_.append(node->v.text.text);
            return;
        }
        if (node->type != GUMBO_NODE_ELEMENT || is_pruned(node)) return;
        const GumboTag tag = tag_of(node);
        if (is_heading(tag)) return emit(Block::Role::kHeading, text_of(node));
        if (tag == GUMBO_TAG_TR) return emit(Block::Role::kParagraph, row_text(node));
        if (tag == GUMBO_TAG_DL) return walk_definitions(node);
        if (tag == GUMBO_TAG_BR) {
            pending_.push_back(' ');
            return;
        }
        if (!is_block_container(tag)) {
            for_each_child(node, [&](const GumboNode* child) { walk(child); });
            return;
        }
        if (drop_link_lists_ &&
            (tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL || tag == GUMBO_TAG_DIV) &&
            is_link_list(node)) {
            return;
        }
        flush();
        for_each_child(node, [&](const GumboNode* child) { walk(child); });
        flush();
    }

    std::vector<Block> take() {
        flush();
        return std::move(blocks_);
    }

  private:
    void emit(Block::Role role, std::string text) {
        flush();
        text = tidy(text);
        if (text.empty()) return;
        Block block;
        block.role = role;
        block.text = std::move(text);
        blocks_.push_back(std::move(block));
    }

    void flush() {
        std::string text = tidy(pending_);
        pending_.clear();
        if (!text.empty()) emit(Block::Role::kParagraph, std::move(text));
    }

    // A table row reads as one line, its non-empty cells separated by bars.
    static std::string row_text(const GumboNode* row) {
        std::string line;
        for_each_child(row, [&](const GumboNode* cell) {
            const std::string text = text_of(cell);
            if (text.empty()) return;
            if (!line.empty()) line.append(" | ");
            line.append(text);
        });
        return line;
    }

    // "Nummer" / "33308-13" becomes "Nummer: 33308-13".
    void walk_definitions(const GumboNode* list) {
        flush();
        std::string term;
        for_each_child(list, [&](const GumboNode* child) {
            if (tag_of(child) == GUMBO_TAG_DT) {
                term = text_of(child);
            } else if (tag_of(child) == GUMBO_TAG_DD) {
                const std::string value = text_of(child);
                emit(Block::Role::kParagraph, term.empty() ? value : term + ": " + value);
            }
        });
    }

    bool drop_link_lists_;
    std::string pending_;
    std::vector<Block> blocks_;
};

// ---- finding the main content ----

const GumboNode* find_first(const GumboNode* node, bool (*match)(const GumboNode*)) {
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) return nullptr;
    if (node->type == GUMBO_NODE_ELEMENT && is_pruned(node)) return nullptr;
    if (node->type == GUMBO_NODE_ELEMENT && match(node)) return node;
    const GumboNode* found = nullptr;
    for_each_child(node, [&](const GumboNode* child) {
        if (!found) found = find_first(child, match);
    });
    return found;
}

bool is_main_by_tag(const GumboNode* node) {
    return tag_of(node) == GUMBO_TAG_MAIN || attribute(node, "role") == "main";
}

bool is_main_by_name(const GumboNode* node) {
    static const std::regex pattern(
        R"(^(content-container|main-content|maincontent|main-column|content-main|content|article|article-body|main)$)",
        std::regex::icase);
    const std::string id(attribute(node, "id"));
    return !id.empty() && std::regex_match(id, pattern);
}

bool is_main_by_class(const GumboNode* node) {
    static const std::regex pattern(
        R"((^| )(main-column|main-content|article-body|content-main|page-content)( |$))",
        std::regex::icase);
    const std::string cls(attribute(node, "class"));
    return !cls.empty() && std::regex_search(cls, pattern);
}

bool is_article(const GumboNode* node) { return tag_of(node) == GUMBO_TAG_ARTICLE; }

bool is_h1(const GumboNode* node) { return tag_of(node) == GUMBO_TAG_H1; }

const GumboNode* main_container(const GumboNode* root) {
    for (auto* match : {is_main_by_tag, is_main_by_name, is_main_by_class, is_article}) {
        if (const GumboNode* found = find_first(root, match)) return found;
    }
    return nullptr;
}

bool contains(const GumboNode* ancestor, const GumboNode* node) {
    for (; node; node = node->parent) {
        if (node == ancestor) return true;
    }
    return false;
}

// The page's heading often sits in a header band above the content
// container, with the paper's number and date beside it: the highest
// ancestor of the h1 that does not reach the container holds that band.
const GumboNode* heading_band(const GumboNode* h1, const GumboNode* container) {
    if (!h1 || contains(container, h1)) return nullptr;
    const GumboNode* band = h1;
    while (band->parent && band->parent->type == GUMBO_NODE_ELEMENT &&
           !contains(band->parent, container) && tag_of(band->parent) != GUMBO_TAG_BODY) {
        band = band->parent;
    }
    return band;
}

const GumboNode* body_of(const GumboNode* root) {
    auto is_body = [](const GumboNode* n) { return tag_of(n) == GUMBO_TAG_BODY; };
    const GumboNode* body = find_first(root, is_body);
    return body ? body : root;
}

std::vector<Block> main_blocks(const GumboNode* root) {
    const GumboNode* body = body_of(root);
    const GumboNode* container = main_container(body);
    if (!container) {
        BlockCollector collector(true);
        collector.walk(body);
        return collector.take();
    }
    BlockCollector collector(false);
    if (const GumboNode* band = heading_band(find_first(body, is_h1), container)) {
        collector.walk(band);
    }
    collector.walk(container);
    return collector.take();
}

// ---- metadata ----

const GumboNode* find_element(const GumboNode* node, GumboTag tag) {
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) return nullptr;
    if (tag_of(node) == tag) return node;
    const GumboNode* found = nullptr;
    for_each_child(node, [&](const GumboNode* child) {
        if (!found) found = find_element(child, tag);
    });
    return found;
}

// "<title>… | Tweede Kamer der Staten-Generaal</title>": the part before the
// site's name. (The pages' dcterms.title meta describes another paper.)
std::string page_title(const GumboNode* root) {
    const GumboNode* title = find_element(root, GUMBO_TAG_TITLE);
    std::string text;
    if (title) {
        for_each_child(title, [&](const GumboNode* child) {
            if (child->type == GUMBO_NODE_TEXT) text.append(child->v.text.text);
        });
    }
    text = tidy(text);
    for (const std::string_view separator : {" | ", " - ", " – "}) {
        const std::size_t cut = text.rfind(separator);
        if (cut != std::string::npos && cut > 0) {
            const std::string site = text.substr(cut + separator.size());
            if (site.find("Kamer") != std::string::npos || site.size() < 40) {
                text = tidy(text.substr(0, cut));
                break;
            }
        }
    }
    return text;
}

std::string first_heading(const std::vector<Block>& blocks) {
    for (const Block& block : blocks) {
        if (block.role == Block::Role::kHeading) return block.text;
    }
    return "";
}

std::string field(const std::vector<Block>& blocks, std::string_view name) {
    const std::string prefix = std::string(name) + ": ";
    for (const Block& block : blocks) {
        if (block.text.rfind(prefix, 0) == 0) return block.text.substr(prefix.size());
    }
    return "";
}

// The paper's date as the page states it: a "Publicatiedatum" or "Datum"
// field, else the first element marked as a date.
std::string page_date(const GumboNode* body, const std::vector<Block>& blocks) {
    for (const std::string_view name : {"Publicatiedatum", "Datum", "Vergaderdatum"}) {
        const std::string date = parse_dutch_date(field(blocks, name));
        if (!date.empty()) return date;
    }
    auto is_date = [](const GumboNode* n) {
        const std::string cls(attribute(n, "class"));
        return cls == "date" || tag_of(n) == GUMBO_TAG_TIME;
    };
    if (const GumboNode* node = find_first(body, is_date)) {
        const std::string_view when = attribute(node, "datetime");
        if (when.size() >= 10 && when[4] == '-') return std::string(when.substr(0, 10));
        return parse_dutch_date(text_of(node));
    }
    return "";
}

// Parliament's document numbers look like "2015D04817".
std::string document_number(const std::string& path) {
    static const std::regex number(R"((19|20)\d{2}[A-Z]\d{5})");
    const std::string stem = std::filesystem::path(path).stem().string();
    std::smatch m;
    if (std::regex_search(stem, m, number)) return m.str();
    return "";
}

DocumentKind infer_kind(const std::vector<Block>& blocks, const Document& document) {
    static const std::regex letter(R"(Brief regering|Kamerbrief)", std::regex::icase);
    static const std::regex paper(R"(^(Motie|Amendement|Kamerstuk|Wetsvoorstel|Nota)\b)");
    const std::string heading = first_heading(blocks);
    if (std::regex_search(heading, letter) || std::regex_search(document.title, letter)) {
        return DocumentKind::kKamerbrief;
    }
    if (!document.dossier.empty() || std::regex_search(heading, paper)) {
        return DocumentKind::kKamerstuk;
    }
    for (const Block& block : blocks) {
        if (std::regex_search(block.text, letter)) return DocumentKind::kKamerbrief;
    }
    return DocumentKind::kOther;
}

// "Nummer: 33308-13" names the dossier and the paper's number in it.
void set_paper_number(const std::vector<Block>& blocks, Document& document) {
    static const std::regex number(R"((\d{5}(?:-[A-Z0-9]+)?)-(\d+))");
    std::smatch m;
    const std::string value = field(blocks, "Nummer");
    if (value.size() < 40 && std::regex_match(value, m, number)) {
        document.dossier = m[1].str();
        document.number = m[2].str();
    }
}

// The walks below recurse once per level of nesting; real pages nest a few
// dozen levels, a hostile one could nest deep enough to exhaust the stack.
constexpr int kMaxDepth = 400;

int tree_depth(const GumboNode* root) {
    std::vector<std::pair<const GumboNode*, int>> stack{{root, 0}};
    int deepest = 0;
    while (!stack.empty()) {
        const auto [node, depth] = stack.back();
        stack.pop_back();
        deepest = std::max(deepest, depth);
        if (deepest > kMaxDepth) break;
        for_each_child(node, [&, depth = depth](const GumboNode* child) {
            stack.emplace_back(child, depth + 1);
        });
    }
    return deepest;
}

// Gumbo's time and memory grow with the square of the nesting depth (twenty
// thousand nested divs take gigabytes), so the depth is estimated from the
// tags before parsing. Void elements and those a sibling closes implicitly
// (p, li, td, ...) are not counted: old pages leave them open.
bool nests_too_deeply(std::string_view bytes) {
    static constexpr std::string_view kUncounted[] = {
        "br",  "img",   "meta",   "link",  "input", "hr",     "area", "base",
        "col", "embed", "source", "track", "wbr",   "param",  "p",    "li",
        "dt",  "dd",    "tr",     "td",    "th",    "option", "!"};
    constexpr int kLimit = 1000;
    int depth = 0;
    for (std::size_t i = bytes.find('<'); i != std::string_view::npos; i = bytes.find('<', i + 1)) {
        const bool closing = i + 1 < bytes.size() && bytes[i + 1] == '/';
        std::size_t start = i + (closing ? 2 : 1);
        std::size_t end = start;
        while (end < bytes.size() && std::isalnum(static_cast<unsigned char>(bytes[end]))) ++end;
        if (end == start) continue;
        const std::string name = lower(bytes.substr(start, std::min<std::size_t>(end - start, 12)));
        if (std::find(std::begin(kUncounted), std::end(kUncounted), name) != std::end(kUncounted)) {
            continue;
        }
        depth = closing ? std::max(0, depth - 1) : depth + 1;
        if (depth > kLimit) return true;
    }
    return false;
}

bool looks_like_html(std::string_view bytes) {
    std::string head = lower(bytes.substr(0, 1024));
    return head.find("<!doctype html") != std::string::npos ||
           head.find("<html") != std::string::npos;
}

// Gumbo wants UTF-8; pages saved in a legacy encoding are decoded first.
std::string utf8_text(const std::string& bytes) {
    if (is_valid_utf8(bytes)) return bytes;
    return decode_text(bytes).utf8;
}

// The <meta name=... content=...> of the page's head.
Metadata meta_tags(const GumboNode* node, Metadata metadata = {}) {
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) return metadata;
    if (tag_of(node) == GUMBO_TAG_META) {
        const GumboAttribute* name = gumbo_get_attribute(&node->v.element.attributes, "name");
        const GumboAttribute* content = gumbo_get_attribute(&node->v.element.attributes, "content");
        if (name && content && *content->value) {
            std::string key = name->value;
            for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            metadata.emplace(std::move(key), tidy(content->value));
        }
        return metadata;
    }
    if (tag_of(node) == GUMBO_TAG_BODY) return metadata;
    for_each_child(
        node, [&](const GumboNode* child) { metadata = meta_tags(child, std::move(metadata)); });
    return metadata;
}

class HtmlReader final : public Reader {
  public:
    std::string_view name() const override { return "html"; }

    bool accepts(const SourceFile& file) const override { return looks_like_html(file.bytes); }

    std::vector<Document> read(const SourceFile& file) const override {
        const std::string text = utf8_text(file.bytes);
        if (nests_too_deeply(text)) throw ReadError("HTML nested too deeply to parse safely");
        ParsedHtml html(gumbo_parse_with_options(&kGumboDefaultOptions, text.data(), text.size()));
        if (!html) throw ReadError("HTML could not be parsed");
        if (tree_depth(html->document) > kMaxDepth) {
            throw ReadError("HTML nested more than " + std::to_string(kMaxDepth) + " levels deep");
        }
        Document document;
        document.blocks = main_blocks(html->document);
        if (document.blocks.empty()) throw ReadError("HTML page without main text");
        document.title = page_title(html->document);
        if (document.title.empty()) document.title = first_heading(document.blocks);
        document.date = page_date(body_of(html->document), document.blocks);
        document.id = document_number(file.path);
        set_paper_number(document.blocks, document);
        document.kind = infer_kind(document.blocks, document);
        // The repository's HTML rendition states what it is in its meta tags
        // (DC.identifier stb-2014-296, DC.title, OVERHEIDop.datumOndertekening,
        // OVERHEIDop.publicationName). A page stating no official id is left
        // as read: tweedekamer.nl's dcterms.title describes another paper.
        if (!id_stated_in(std::string_view(text).substr(0, 64 * 1024)).empty())
            override_from_metadata(document, meta_tags(html->document));
        return {std::move(document)};
    }
};

}  // namespace

std::unique_ptr<Reader> make_html_reader() { return std::make_unique<HtmlReader>(); }

}  // namespace kamerzoek::corpus
