// The body of an official publication as blocks: headings, paragraphs,
// list items, tables, footnotes, speech turns and motions. One walk for
// every publication type; what is particular to a type (its head, its
// questions and answers) is read in types.h.
#pragma once

#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "corpus/document.h"
#include "corpus/readers/officiele_publicatie/text.h"

namespace kamerzoek::corpus::op {

/// Where blocks go, and the speaker they are attributed to.
struct Sink {
    explicit Sink(std::vector<Block>* into, Block::Role as = Block::Role::kParagraph,
                  std::string by = {}, std::string of_party = {})
        : blocks(into), role(as), speaker(std::move(by)), party(std::move(of_party)) {}
    std::vector<Block>* blocks;
    Block::Role role = Block::Role::kParagraph;
    std::string speaker;
    std::string party;
    bool group_entries = false;  // lists of papers: an al-groep is one entry
};

/// Adds a block of `text` (none when it is empty), then the footnotes
/// collected from it.
void push_block(const Sink& sink, Block::Role role, std::string text, Collected collected,
                std::string label = {});
/// The element as one block.
void emit(pugi::xml_node node, const Sink& sink, Block::Role role);
/// One entry of a list of papers: its lines joined by `separator`.
void emit_entry(pugi::xml_node group, const Sink& sink, std::string_view separator = "; ");

/// The children of `node` as blocks.
void walk(pugi::xml_node node, const Sink& sink, int depth = 0);
void walk_child(pugi::xml_node child, const Sink& sink, int depth);

/// Repeated entries (a list saved twice over) are dropped, with a warning.
void drop_repeated_blocks(Document& document);

}  // namespace kamerzoek::corpus::op
