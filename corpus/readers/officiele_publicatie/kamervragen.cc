// Written questions of members of the Kamer (kv-tk, "Kamervragen zonder
// antwoord") and the Aanhangsel van de Handelingen that publishes them
// with the government's answers (ah-tk). Each question and each answer is
// read under its own heading ("Vraag 3", "Antwoord 3"), so no answer runs
// into the next question; questions are spoken by those who asked them,
// answers by the minister who answered.
#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "corpus/encoding.h"
#include "corpus/readers/officiele_publicatie/body.h"
#include "corpus/readers/officiele_publicatie/head.h"
#include "corpus/readers/officiele_publicatie/types.h"

namespace kamerzoek::corpus::op {
namespace {

// What the descriptions above the questions say: "Vragen van het lid Van
// Campen (VVD) aan de minister van Financiën over het bericht X
// (ingezonden 5 januari 2016)." and "Antwoord van minister Hoekstra
// (Financiën) (ontvangen 2 februari 2016).".
struct Exchange {
    std::string description;  // the questions' description, as a title
    std::string askers;       // "Jasper van Dijk, Van Raak"
    std::string parties;      // "SP"
    std::string asked;        // ISO date the questions were sent in
    std::string answerer;     // "minister Hoekstra"
    std::string answered;     // ISO date the answer was received
};

std::string trim(std::string text) {
    const auto not_space = [](unsigned char c) { return !std::isspace(c); };
    text.erase(text.begin(), std::find_if(text.begin(), text.end(), not_space));
    text.erase(std::find_if(text.rbegin(), text.rend(), not_space).base(), text.end());
    return text;
}

// Text with its parenthesised parts taken out, and those parts.
std::string without_brackets(std::string_view text, std::vector<std::string>* removed = nullptr) {
    std::string out;
    int depth = 0;
    std::string inside;
    for (const char c : text) {
        if (c == '(') {
            if (depth++ == 0) inside.clear();
            continue;
        }
        if (c == ')' && depth > 0) {
            if (--depth == 0 && removed) removed->push_back(inside);
            continue;
        }
        (depth > 0 ? inside : out).push_back(c);
    }
    return collapse_whitespace(out);
}

// The date in "(ingezonden 5 januari 2016)" or "(ontvangen ...)".
std::string date_after(std::string_view text, std::string_view word) {
    const std::size_t at = lower(text).find(word);
    if (at == std::string::npos) return {};
    return parse_date(text.substr(at + word.size(), 40));
}

// The text up to the first of `ends` (all of it when none occurs).
std::string_view up_to(std::string_view text, std::initializer_list<std::string_view> ends) {
    std::size_t cut = text.size();
    for (const std::string_view end : ends) cut = std::min(cut, text.find(end));
    return text.substr(0, cut);
}

// "Van Campen", "Jasper van Dijk en Van Raak", "X, Y en Z" -> "X, Y, Z".
std::string list_of_names(std::string_view names) {
    std::string text(names);
    for (std::size_t at; (at = text.find(" en ")) != std::string::npos;) text.replace(at, 4, ", ");
    std::string out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find(',', start), text.size());
        const std::string name = trim(text.substr(start, end - start));
        if (!name.empty()) out += (out.empty() ? "" : ", ") + name;
        start = end + 1;
    }
    return out;
}

// "beiden SP" -> "SP"; several parties joined by ", ".
std::string list_of_parties(const std::vector<std::string>& bracketed) {
    std::string out;
    for (std::string party : bracketed) {
        for (const std::string_view all : {"beiden ", "beide ", "allen ", "allen: "}) {
            if (party.starts_with(all)) party = party.substr(all.size());
        }
        party = trim(party);
        if (party.empty() || out.find(party) != std::string::npos) continue;
        out += (out.empty() ? "" : ", ") + party;
    }
    return out;
}

void read_question_description(std::string_view text, Exchange& exchange) {
    std::string_view rest = text;
    for (const std::string_view lead : {"Vragen van het lid ", "Vragen van de leden ",
                                        "Vraag van het lid ", "Vraag van de leden "}) {
        if (rest.starts_with(lead)) {
            rest.remove_prefix(lead.size());
            std::vector<std::string> bracketed;
            const std::string_view names = up_to(rest, {" aan de ", " aan het ", " aan "});
            exchange.askers = list_of_names(without_brackets(names, &bracketed));
            exchange.parties = list_of_parties(bracketed);
            break;
        }
    }
    exchange.asked = date_after(text, "ingezonden");
    std::string title = trim(std::string(up_to(text, {"(ingezonden", "(Ingezonden"})));
    while (!title.empty() && (title.back() == '.' || title.back() == ' ')) title.pop_back();
    exchange.description = title;
}

void read_answer_description(std::string_view text, Exchange& exchange) {
    constexpr std::string_view kLead = "Antwoord van ";
    if (text.starts_with(kLead)) {
        const std::string_view who = up_to(text.substr(kLead.size()), {"(ontvangen"});
        exchange.answerer = trim(std::string(up_to(without_brackets(who), {", mede namens"})));
        while (!exchange.answerer.empty() &&
               (exchange.answerer.back() == ',' || exchange.answerer.back() == '.'))
            exchange.answerer.pop_back();
    }
    exchange.answered = date_after(text, "ontvangen");
}

bool is_description(pugi::xml_node node) {
    return named(node, "kamervraagomschrijving") || named(node, "omschr") ||
           named(node, "kamervraagopmerking");
}

// A description says whose they are: the questions' or the answer's
// (type="vraag" / "antwoord", else its first word).
void read_description(pugi::xml_node node, const std::string& text, Exchange& exchange) {
    const std::string type = node.attribute("type").value();
    if (type == "antwoord" || text.starts_with("Antwoord")) {
        read_answer_description(text, exchange);
    } else if (type == "vraag" || text.starts_with("Vra")) {
        read_question_description(text, exchange);
    }
}

// "Vraag 3" from <nr>Vraag 3</nr>, <nr>3</nr> or nummer="3"; counted when
// the file numbers nothing.
std::string turn_heading(pugi::xml_node turn, std::string_view word, int count) {
    std::string nr = plain_text(turn.child("nr"));
    if (nr.empty()) nr = plain_text(turn.child("nummer"));
    if (nr.empty()) nr = turn.attribute("nummer").value();
    if (nr.empty()) nr = std::to_string(count);
    while (!nr.empty() && (nr.back() == ':' || nr.back() == '.')) nr.pop_back();
    if (lower(nr).starts_with(lower(word))) return nr;
    return std::string(word) + " " + nr;
}

void emit_turn(pugi::xml_node turn, std::string heading, const Sink& sink) {
    Block title;
    title.role = Block::Role::kHeading;
    title.text = std::move(heading);
    sink.blocks->push_back(std::move(title));
    for (pugi::xml_node child : turn.children()) {
        if (!named(child, "nummer")) walk_child(child, sink, 1);
    }
}

DocumentKind exchange_kind(pugi::xml_node kamervragen, const Document& base) {
    if (kamervragen.child("antwoord") || lower(base.id).starts_with("ah-") ||
        lower(head_line(kamervragen.child("kamervraagkop"), "documenttype")).find("aanhangsel") !=
            std::string::npos) {
        return DocumentKind::kAanhangsel;
    }
    return DocumentKind::kKamervragen;
}

}  // namespace

Document read_kamervragen(pugi::xml_node kamervragen, const Document& base) {
    Document document = base;
    document.kind = exchange_kind(kamervragen, base);
    const pugi::xml_node kop = kamervragen.child("kamervraagkop");
    document.chamber = chamber_of(kop);
    document.vergaderjaar = normalise_vergaderjaar(head_line(kop, "vergaderjaar"));
    document.number = plain_text(kamervragen.child("kamervraagnummer"));

    Exchange exchange;
    for (pugi::xml_node child : kamervragen.children()) {
        if (is_description(child)) read_description(child, plain_text(child), exchange);
    }
    Sink plain(&document.blocks);
    Sink asked(&document.blocks, Block::Role::kSpeech, exchange.askers, exchange.parties);
    Sink answered(&document.blocks, Block::Role::kSpeech, exchange.answerer);
    int questions = 0;
    int answers = 0;
    for (pugi::xml_node child : kamervragen.children()) {
        if (named(child, "kamervraagkop") || named(child, "kamervraagnummer")) continue;
        if (named(child, "vraag")) {
            emit_turn(child, turn_heading(child, "Vraag", ++questions), asked);
        } else if (named(child, "antwoord")) {
            emit_turn(child, turn_heading(child, "Antwoord", ++answers), answered);
        } else {
            walk_child(child, plain, 0);
        }
    }
    document.title = exchange.description;
    if (document.title.empty()) document.title = "Kamervragen " + document.number;
    // An answered exchange is dated by its answer, as it is published then.
    document.date = exchange.answered.empty() ? exchange.asked : exchange.answered;
    return document;
}

}  // namespace kamerzoek::corpus::op
