// ParlaMint TEI (http://www.tei-c.org/ns/1.0): one sitting per file, one
// document per sitting. Plain files hold the text in `seg`s; the linguistic
// annotation (`.ana.xml`, also the English machine translations) holds
// tokens `w`/`pc`, from which the text is rebuilt (`join="right"`: no space
// follows the token).
//
// Utterances (`u`) become speech blocks, one per `seg`, with the speaker
// resolved from the listPerson in the file when there is one, else spelled
// out from the id ("#KhadijaArib" -> "Khadija Arib"). Editorial notes and
// incidents (`note`, `gap`, `kinesic`, `vocal`, `incident`) are left out:
// they are the transcriber's stage directions and speaker labels, not what
// was said, and the samples' "SAMPLING" gaps are artefacts. A speaker label
// ("Mevrouw Bouwmeester (PvdA)") does give the party of the next utterance.
#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <optional>
#include <pugixml.hpp>

#include "corpus/encoding.h"
#include "corpus/file_format.h"
#include "corpus/readers/readers.h"

namespace kamerzoek::corpus {
namespace {

bool named(pugi::xml_node node, std::string_view name) { return name == node.name(); }

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string lang_of(pugi::xml_node node) { return node.attribute("xml:lang").value(); }

// The next node in document order below `root`, skipping the children of
// `node` when `descend` is false. Iterative, so deep files cannot exhaust
// the stack.
pugi::xml_node next_in(pugi::xml_node root, pugi::xml_node node, bool descend = true) {
    if (descend && node.first_child()) return node.first_child();
    while (node && node != root && !node.next_sibling()) node = node.parent();
    if (!node || node == root) return {};
    return node.next_sibling();
}

bool is_text(pugi::xml_node node) {
    return node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata;
}

std::string all_text(pugi::xml_node root) {
    std::string out;
    for (pugi::xml_node n = root.first_child(); n; n = next_in(root, n)) {
        if (is_text(n)) out.append(n.value()).push_back(' ');
    }
    return to_nfc(collapse_whitespace(out));
}

// A token's own text: a multi-word token ("du" = "de" + "le") carries its
// parts as empty child tokens, which add nothing.
std::string token_text(pugi::xml_node token) {
    std::string out;
    for (pugi::xml_node child : token.children()) {
        if (is_text(child)) out += child.value();
    }
    return out;
}

bool has_tokens(pugi::xml_node seg) {
    for (pugi::xml_node n = seg.first_child(); n; n = next_in(seg, n)) {
        if (named(n, "w") || named(n, "pc")) return true;
    }
    return false;
}

// Rebuilds running text from w/pc tokens.
std::string text_from_tokens(pugi::xml_node seg) {
    std::string out;
    for (pugi::xml_node n = seg.first_child(); n;) {
        if (named(n, "w") || named(n, "pc")) {
            out += token_text(n);
            if (std::string_view(n.attribute("join").value()) != "right") out.push_back(' ');
            n = next_in(seg, n, false);
            continue;
        }
        n = next_in(seg, n);
    }
    return to_nfc(collapse_whitespace(out));
}

std::string seg_text(pugi::xml_node seg) {
    return has_tokens(seg) ? text_from_tokens(seg) : all_text(seg);
}

// ------------------------------------------------------------ speakers

struct Person {
    std::string name;
    std::string party;
};

// "#KhadijaArib" / "#Arib.Khadija" / "#JanAnthonieBruijn" -> "Khadija Arib",
// "Arib Khadija", "Jan Anthonie Bruijn".
std::string readable_id(std::string_view who) {
    if (who.starts_with('#')) who.remove_prefix(1);
    std::string out;
    for (std::size_t i = 0; i < who.size(); ++i) {
        const auto c = static_cast<unsigned char>(who[i]);
        if (c == '.' || c == '_') {
            if (!out.empty() && out.back() != ' ') out.push_back(' ');
            continue;
        }
        const bool upper_after_lower =
            std::isupper(c) && i > 0 && std::islower(static_cast<unsigned char>(who[i - 1]));
        if (upper_after_lower) out.push_back(' ');
        out.push_back(static_cast<char>(c));
    }
    return out;
}

std::string person_name(pugi::xml_node person) {
    const pugi::xml_node pers_name = person.child("persName");
    std::string forenames, surnames;
    for (pugi::xml_node part : pers_name.children()) {
        std::string& target = named(part, "forename") ? forenames : surnames;
        if (!named(part, "forename") && !named(part, "surname") && !named(part, "nameLink"))
            continue;
        const std::string text = all_text(part);
        if (text.empty()) continue;
        if (!target.empty()) target += ' ';
        target += text;
    }
    const std::string name = forenames.empty() ? surnames : forenames + " " + surnames;
    return name.empty() ? all_text(pers_name) : name;
}

// Organisations by id, with their abbreviation where the file gives one.
std::map<std::string, std::string> organisations(pugi::xml_node tei) {
    std::map<std::string, std::string> orgs;
    for (const pugi::xpath_node& x : tei.select_nodes("//*[local-name()='org'][@xml:id]")) {
        const pugi::xml_node org = x.node();
        std::string name;
        for (pugi::xml_node org_name : org.children("orgName")) {
            if (std::string_view(org_name.attribute("full").value()) == "abb" || name.empty()) {
                name = all_text(org_name);
            }
        }
        orgs.emplace(org.attribute("xml:id").value(), name);
    }
    return orgs;
}

std::string party_of(pugi::xml_node person, const std::map<std::string, std::string>& orgs) {
    std::string party;
    for (pugi::xml_node affiliation : person.children("affiliation")) {
        std::string_view ref = affiliation.attribute("ref").value();
        if (ref.starts_with('#')) ref.remove_prefix(1);
        const auto it = orgs.find(std::string(ref));
        const std::string role = affiliation.attribute("role").value();
        // The last membership stated is the most recent one.
        if (it != orgs.end() && (role == "member" || role.empty()) && !it->second.empty()) {
            party = it->second;
        }
    }
    return party;
}

std::map<std::string, Person> people(pugi::xml_node tei) {
    std::map<std::string, Person> persons;
    const auto orgs = organisations(tei);
    for (const pugi::xpath_node& x : tei.select_nodes("//*[local-name()='person'][@xml:id]")) {
        const pugi::xml_node person = x.node();
        persons.emplace(person.attribute("xml:id").value(),
                        Person{person_name(person), party_of(person, orgs)});
    }
    return persons;
}

// "Mevrouw Bouwmeester (PvdA)" -> "PvdA".
std::string party_from_label(std::string_view label) {
    if (!label.ends_with(')')) return {};
    const std::size_t open = label.rfind('(');
    if (open == std::string_view::npos) return {};
    return std::string(label.substr(open + 1, label.size() - open - 2));
}

// --------------------------------------------------------------- header

std::string header_language(pugi::xml_node tei) {
    // The utterances say best what language the text is in (a translation
    // keeps the source's xml:lang on <text>).
    const pugi::xml_node body = tei.child("text");
    if (const pugi::xml_node u = body.find_node([](pugi::xml_node n) { return named(n, "u"); })) {
        if (!lang_of(u).empty()) return lang_of(u);
    }
    if (!lang_of(tei).empty()) return lang_of(tei);
    return lang_of(body);
}

std::string title_of(pugi::xml_node title_stmt, const std::string& language) {
    std::string fallback;
    for (const char* type : {"sub", "main"}) {
        for (pugi::xml_node title : title_stmt.children("title")) {
            if (std::string_view(title.attribute("type").value()) != type) continue;
            const std::string lang = lang_of(title);
            if (lang == language || lang.empty()) return all_text(title);
            if (fallback.empty()) fallback = all_text(title);
        }
    }
    return fallback.empty() ? all_text(title_stmt.child("title")) : fallback;
}

std::string sitting_date(pugi::xml_node header) {
    const pugi::xml_node profile = header.child("profileDesc");
    for (const pugi::xml_node date :
         {profile.child("settingDesc").child("setting").child("date"),
          header.child("fileDesc").child("sourceDesc").child("bibl").child("date")}) {
        const std::string when = date.attribute("when").value();
        if (!when.empty()) return when.substr(0, 10);
    }
    return {};
}

// "#TK" -> "tk", "#parliament.HL" -> "lords"; else from the id.
std::string chamber_of(pugi::xml_node title_stmt, const std::string& id) {
    static const std::map<std::string, std::string> kCodes = {
        {"tk", "tk"}, {"ek", "ek"}, {"parliament.hc", "commons"}, {"parliament.hl", "lords"}};
    for (pugi::xml_node meeting : title_stmt.children("meeting")) {
        std::string_view corresp = meeting.attribute("corresp").value();
        if (corresp.starts_with('#')) corresp.remove_prefix(1);
        const auto it = kCodes.find(lower(corresp));
        if (it != kCodes.end()) return it->second;
    }
    for (const auto& [word, code] : std::map<std::string, std::string>{{"tweedekamer", "tk"},
                                                                       {"eerstekamer", "ek"},
                                                                       {"commons", "commons"},
                                                                       {"lords", "lords"}}) {
        if (id.find(word) != std::string::npos) return code;
    }
    return {};
}

// ----------------------------------------------------------------- body

struct BodyReader {
    const std::map<std::string, Person>& persons;
    std::vector<Block>& blocks;
    std::string label_party;  // party from the last speaker label

    void utterance(pugi::xml_node u) {
        std::string_view who = u.attribute("who").value();
        const std::string key(who.starts_with('#') ? who.substr(1) : who);
        const auto it = persons.find(key);
        Block speech;
        speech.role = Block::Role::kSpeech;
        speech.speaker =
            it != persons.end() && !it->second.name.empty() ? it->second.name : readable_id(who);
        speech.party =
            it != persons.end() && !it->second.party.empty() ? it->second.party : label_party;
        label_party.clear();
        bool any_seg = false;
        for (pugi::xml_node seg : u.children("seg")) {
            any_seg = true;
            add(speech, seg_text(seg));
        }
        if (!any_seg) add(speech, seg_text(u));
    }

    void add(const Block& speech, std::string text) {
        if (text.empty()) return;
        Block block = speech;
        block.text = std::move(text);
        blocks.push_back(std::move(block));
    }

    void read(pugi::xml_node body) {
        for (pugi::xml_node n = body.first_child(); n;) {
            if (named(n, "u")) {
                utterance(n);
            } else if (named(n, "head")) {
                Block heading;
                heading.role = Block::Role::kHeading;
                heading.text = seg_text(n);
                if (!heading.text.empty()) blocks.push_back(std::move(heading));
            } else if (named(n, "note") &&
                       std::string_view(n.attribute("type").value()) == "speaker") {
                label_party = party_from_label(all_text(n));
            }
            // Only containers (div) are entered; everything else was read or
            // is left out on purpose (see the top of the file).
            n = next_in(body, n, named(n, "div") || named(n, "body"));
        }
    }
};

// ------------------------------------------------------------- sniffing

constexpr unsigned kParseFlags = pugi::parse_default;

class ParlaMintReader final : public Reader {
  public:
    std::string_view name() const override { return "parlamint"; }

    bool accepts(const SourceFile& file) const override {
        const std::string_view head = std::string_view(file.bytes).substr(0, 8192);
        return xml_root_element(head) == "TEI" &&
               head.find("http://www.tei-c.org/ns/1.0") != std::string_view::npos;
    }

    std::vector<Document> read(const SourceFile& file) const override {
        const DecodedText decoded = decode_text(file.bytes);
        Document document;
        document.warnings = decoded.repairs;
        pugi::xml_document xml;
        const pugi::xml_parse_result result = xml.load_buffer(
            decoded.utf8.data(), decoded.utf8.size(), kParseFlags, pugi::encoding_utf8);
        const pugi::xml_node tei = xml.child("TEI");
        if (!result) {
            const auto [line, column] = line_and_column(
                decoded.utf8, static_cast<std::size_t>(std::max<std::ptrdiff_t>(result.offset, 0)));
            if (!tei.child("text")) {
                throw ReadError(std::string("not well-formed XML: ") + result.description(), line,
                                column);
            }
            document.warnings.push_back(std::string("XML is cut short or broken (") +
                                        result.description() + " at line " + std::to_string(line) +
                                        ", column " + std::to_string(column) +
                                        "); read what came before");
        }
        if (!tei) throw ReadError("not a TEI document");
        read_header(tei, document);
        const auto persons = people(tei);
        BodyReader body{persons, document.blocks, {}};
        body.read(tei.child("text"));
        if (document.blocks.empty()) throw ReadError("no utterances found in the TEI file");
        document.source_path = file.path;
        return {std::move(document)};
    }

  private:
    static void read_header(pugi::xml_node tei, Document& document) {
        const pugi::xml_node header = tei.child("teiHeader");
        const pugi::xml_node title_stmt = header.child("fileDesc").child("titleStmt");
        document.id = lower(tei.attribute("xml:id").value());
        document.kind = DocumentKind::kDebate;
        const std::string language = header_language(tei);
        document.language = language_from_code(language);
        document.title = title_of(title_stmt, language);
        document.date = sitting_date(header);
        document.chamber = chamber_of(title_stmt, document.id);
    }
};

}  // namespace

std::unique_ptr<Reader> make_parlamint_reader() { return std::make_unique<ParlaMintReader>(); }

}  // namespace kamerzoek::corpus
