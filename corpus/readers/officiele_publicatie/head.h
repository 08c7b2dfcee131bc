// The head of a parliamentary publication (kamerstukkop, kamervraagkop)
// in both forms the schemas have used: elements (<kamer nummer="2"/>,
// <vergaderjaar>) and text lines (<tekstregel inhoud="vergaderjaar">).
#pragma once

#include <initializer_list>
#include <pugixml.hpp>
#include <string>
#include <string_view>

namespace kamerzoek::corpus::op {

/// The text of the head's line or element `what` ("vergaderjaar",
/// "kameraanduiding", "documenttype"), or "".
std::string head_line(pugi::xml_node head, std::string_view what);

/// "tk", "ek" or "vv", from the chamber's number or name in the head.
std::string chamber_of(pugi::xml_node head);

/// The date of the first element below `root` of one of `names` (in that
/// order of preference) that states one, or "".
std::string first_date(pugi::xml_node root, std::initializer_list<std::string_view> names);

}  // namespace kamerzoek::corpus::op
