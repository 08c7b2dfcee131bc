// What is particular to each type of official publication: where its head
// states number, year, chamber, title and date, and how its body is laid
// out. Each function is given the publication's own element (below
// officiele-publicatie) and a document that already has the file's id,
// path and warnings; it fills kind, metadata and blocks.
#pragma once

#include <pugixml.hpp>
#include <vector>

#include "corpus/document.h"

namespace kamerzoek::corpus::op {

/// Handelingen (h-tk, h-ek): one document per item; a whole sitting gives
/// its items "-<nr>" ids.
std::vector<Document> read_handelingen(pugi::xml_node handelingen, const Document& base);

/// A Kamerstuk (kst: letters, moties, amendementen and the other papers) or
/// a bijlage (blg).
Document read_paper(pugi::xml_node paper, const Document& base);

/// Written questions (kv-tk) and the Aanhangsel that gives them with their
/// answers (ah-tk): each question and answer its own passage.
Document read_kamervragen(pugi::xml_node kamervragen, const Document& base);

/// Whether the element is the body of a gazette: Staatsblad, Staatscourant,
/// Tractatenblad, Gemeenteblad, Provinciaal blad, Waterschapsblad, Blad
/// gemeenschappelijke regeling.
bool is_gazette(pugi::xml_node node);

/// A gazette publication: a law or decree, a regulation, a notice.
Document read_gazette(pugi::xml_node gazette, const Document& base);

}  // namespace kamerzoek::corpus::op
