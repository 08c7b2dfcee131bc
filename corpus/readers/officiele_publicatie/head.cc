#include "corpus/readers/officiele_publicatie/head.h"

#include "corpus/readers/officiele_publicatie/text.h"

namespace kamerzoek::corpus::op {

std::string head_line(pugi::xml_node head, std::string_view what) {
    for (pugi::xml_node child : head.children()) {
        if (named(child, what)) return plain_text(child);
        if (named(child, "tekstregel") && what == child.attribute("inhoud").value())
            return plain_text(child);
    }
    return {};
}

std::string chamber_of(pugi::xml_node head) {
    std::string number = head.child("kamer").attribute("nummer").value();
    if (number.empty()) number = head_line(head, "kamernummer");
    if (number == "2") return "tk";
    if (number == "1") return "ek";
    std::string name = plain_text(head.child("kamer"));
    if (name.empty()) name = head_line(head, "kameraanduiding");
    return chamber_code(name);
}

std::string first_date(pugi::xml_node root, std::initializer_list<std::string_view> names) {
    for (const std::string_view name : names) {
        const std::string date = date_of(find_descendant(root, name));
        if (!date.empty()) return date;
    }
    return {};
}

}  // namespace kamerzoek::corpus::op
