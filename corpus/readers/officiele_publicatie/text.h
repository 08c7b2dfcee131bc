// Text of the official XML (op-xsd) rebuilt from its elements: inline
// markup (nadruk, extref, sup) joins without spaces, block elements (al,
// li, entry) are separated, white space is collapsed, and white space that
// a pretty-printer put around inline elements is removed again where the
// text shows it cannot have been there. Shared by every publication type.
#pragma once

#include <algorithm>
#include <array>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/document.h"
#include "corpus/publication_metadata.h"

namespace kamerzoek::corpus::op {

inline bool named(pugi::xml_node node, std::string_view name) { return name == node.name(); }

template <std::size_t N>
bool named_any(pugi::xml_node node, const std::array<std::string_view, N>& names) {
    return std::find(names.begin(), names.end(), std::string_view(node.name())) != names.end();
}

/// A unit of its own: separated from its neighbours inside running text,
/// and never part of a paragraph in a container.
bool is_structural(pugi::xml_node node);
/// Carries no running text (metadata, column specifications).
bool is_skipped(pugi::xml_node node);
bool is_heading(pugi::xml_node node);
/// A CALS table, under either of the names the schemas use.
bool is_table(pugi::xml_node node);
/// A `noot` that holds a table rather than a footnote (no number): its
/// content is body text, not a note.
bool is_table_note(pugi::xml_node node);

/// Maximum element depth followed; deeper content is read as flat text so
/// that a pathological file cannot exhaust the stack.
inline constexpr int kMaxDepth = 200;

/// Explicit links found while rendering, and footnotes lifted out of the text.
struct Collected {
    std::vector<std::string> linked_ids;
    std::vector<Block> footnotes;
};

/// Records the link an extref or dossierref element states.
void collect_link(pugi::xml_node node, Collected& collected);

/// Raw text with markers for the gaps (see text.cc); finish_text() resolves them.
void append_text(std::string& out, std::string_view text);
void render(pugi::xml_node node, std::string& out, Collected& collected, int depth = 0);
std::string finish_text(std::string_view raw);

/// The finished text of an element, its links and footnotes collected.
std::string render_text(pugi::xml_node node, Collected& collected);
/// The finished text of an element ("" for a null node).
std::string plain_text(pugi::xml_node node);

/// A `noot` as a footnote block; `depth` carries on from the text it sits in.
Block footnote_block(pugi::xml_node noot, int depth);

std::string lower(std::string_view text);

/// The ISO date an element states: its isodatum attribute, else its text
/// ("Den Haag, 9 februari 2016"); "" when it states none.
std::string date_of(pugi::xml_node node);

/// The first descendant of `root` named `name` (depth first), or null.
pugi::xml_node find_descendant(pugi::xml_node root, std::string_view name);

}  // namespace kamerzoek::corpus::op
