#include "analysis/function_words.h"

#include <algorithm>
#include <unordered_map>

namespace kamerzoek {
namespace {

using corpus::Language;

enum Use : unsigned { kStopword = 1, kMarker = 2 };

struct FunctionWord {
    std::string_view folded;  // lower case, no diacritics
    unsigned uses;
};

// A marker that is no stopword ("meer", "zoals", "whether") still says which
// language a text is in, but is a content word often enough to keep in a query.
constexpr FunctionWord kDutch[] = {{"aan", kStopword | kMarker},
                                   {"al", kStopword},
                                   {"alle", kStopword},
                                   {"als", kStopword | kMarker},
                                   {"bij", kStopword | kMarker},
                                   {"dan", kStopword},
                                   {"dat", kStopword | kMarker},
                                   {"de", kStopword | kMarker},
                                   {"der", kStopword},
                                   {"des", kStopword},
                                   {"deze", kStopword | kMarker},
                                   {"die", kStopword | kMarker},
                                   {"dit", kStopword | kMarker},
                                   {"door", kStopword | kMarker},
                                   {"dus", kStopword},
                                   {"een", kStopword | kMarker},
                                   {"en", kStopword | kMarker},
                                   {"er", kStopword | kMarker},
                                   {"ge", kStopword},
                                   {"had", kStopword},
                                   {"heb", kStopword},
                                   {"hebben", kStopword | kMarker},
                                   {"heeft", kStopword | kMarker},
                                   {"hem", kStopword},
                                   {"het", kStopword | kMarker},
                                   {"hier", kStopword},
                                   {"hij", kStopword},
                                   {"hoe", kStopword},
                                   {"hun", kStopword},
                                   {"ik", kStopword | kMarker},
                                   {"in", kStopword},
                                   {"is", kStopword},
                                   {"je", kStopword},
                                   {"kan", kStopword | kMarker},
                                   {"kon", kStopword},
                                   {"maar", kStopword | kMarker},
                                   {"me", kStopword},
                                   {"met", kStopword | kMarker},
                                   {"mij", kStopword},
                                   {"na", kStopword},
                                   {"naar", kStopword | kMarker},
                                   {"niet", kStopword | kMarker},
                                   {"nog", kStopword | kMarker},
                                   {"nu", kStopword},
                                   {"of", kStopword},
                                   {"om", kStopword | kMarker},
                                   {"omdat", kStopword | kMarker},
                                   {"ons", kStopword | kMarker},
                                   {"onze", kStopword | kMarker},
                                   {"ook", kStopword | kMarker},
                                   {"op", kStopword | kMarker},
                                   {"over", kStopword},
                                   {"te", kStopword},
                                   {"tegen", kStopword | kMarker},
                                   {"ten", kStopword},
                                   {"ter", kStopword},
                                   {"toch", kStopword},
                                   {"tot", kStopword | kMarker},
                                   {"u", kStopword | kMarker},
                                   {"uit", kStopword | kMarker},
                                   {"uw", kStopword},
                                   {"van", kStopword | kMarker},
                                   {"veel", kStopword},
                                   {"voor", kStopword | kMarker},
                                   {"waar", kStopword | kMarker},
                                   {"waren", kStopword},
                                   {"was", kStopword},
                                   {"wat", kStopword},
                                   {"we", kStopword},
                                   {"wel", kStopword | kMarker},
                                   {"werd", kStopword},
                                   {"wie", kStopword},
                                   {"wij", kStopword | kMarker},
                                   {"wil", kStopword},
                                   {"worden", kStopword | kMarker},
                                   {"wordt", kStopword | kMarker},
                                   {"zal", kStopword | kMarker},
                                   {"ze", kStopword},
                                   {"zich", kStopword | kMarker},
                                   {"zij", kStopword},
                                   {"zijn", kStopword | kMarker},
                                   {"zo", kStopword},
                                   {"zou", kStopword},
                                   {"zouden", kStopword},
                                   {"zullen", kStopword},
                                   {"zonder", kStopword},
                                   {"welke", kStopword},
                                   {"hetzelfde", kStopword},
                                   {"daar", kStopword},
                                   {"doen", kStopword},
                                   {"geen", kStopword | kMarker},
                                   {"haar", kStopword},
                                   {"iets", kStopword},
                                   {"kunnen", kStopword},
                                   {"moet", kStopword | kMarker},
                                   {"moeten", kStopword},
                                   {"reeds", kStopword},
                                   {"tussen", kStopword | kMarker},
                                   {"tijdens", kStopword},
                                   {"onder", kStopword | kMarker},
                                   {"via", kStopword},
                                   {"binnen", kStopword},
                                   {"sinds", kStopword},
                                   {"hierbij", kStopword},
                                   {"daarom", kStopword},
                                   {"echter", kStopword},
                                   {"zowel", kStopword},
                                   {"waarin", kMarker},
                                   {"mijn", kMarker},
                                   {"meer", kMarker},
                                   {"zoals", kMarker}};

constexpr FunctionWord kEnglish[] = {{"a", kStopword},
                                     {"about", kStopword},
                                     {"after", kStopword},
                                     {"all", kStopword | kMarker},
                                     {"also", kStopword},
                                     {"an", kStopword | kMarker},
                                     {"and", kStopword | kMarker},
                                     {"any", kStopword | kMarker},
                                     {"are", kStopword | kMarker},
                                     {"as", kStopword | kMarker},
                                     {"at", kStopword},
                                     {"be", kStopword | kMarker},
                                     {"been", kStopword | kMarker},
                                     {"being", kStopword},
                                     {"but", kStopword},
                                     {"by", kStopword | kMarker},
                                     {"can", kStopword | kMarker},
                                     {"could", kStopword | kMarker},
                                     {"did", kStopword | kMarker},
                                     {"do", kStopword},
                                     {"does", kStopword},
                                     {"for", kStopword | kMarker},
                                     {"from", kStopword | kMarker},
                                     {"had", kStopword},
                                     {"has", kStopword | kMarker},
                                     {"have", kStopword | kMarker},
                                     {"he", kStopword},
                                     {"her", kStopword},
                                     {"his", kStopword},
                                     {"how", kStopword},
                                     {"i", kStopword},
                                     {"if", kStopword},
                                     {"in", kStopword},
                                     {"into", kStopword | kMarker},
                                     {"is", kStopword},
                                     {"it", kStopword | kMarker},
                                     {"its", kStopword | kMarker},
                                     {"may", kStopword | kMarker},
                                     {"me", kStopword},
                                     {"more", kStopword},
                                     {"most", kStopword},
                                     {"must", kStopword | kMarker},
                                     {"my", kStopword},
                                     {"no", kStopword},
                                     {"not", kStopword | kMarker},
                                     {"of", kStopword | kMarker},
                                     {"on", kStopword | kMarker},
                                     {"or", kStopword | kMarker},
                                     {"other", kStopword | kMarker},
                                     {"our", kStopword | kMarker},
                                     {"shall", kStopword | kMarker},
                                     {"she", kStopword},
                                     {"should", kStopword | kMarker},
                                     {"so", kStopword},
                                     {"some", kStopword},
                                     {"such", kStopword | kMarker},
                                     {"than", kStopword},
                                     {"that", kStopword | kMarker},
                                     {"the", kStopword | kMarker},
                                     {"their", kStopword | kMarker},
                                     {"them", kStopword},
                                     {"then", kStopword},
                                     {"there", kStopword | kMarker},
                                     {"these", kStopword | kMarker},
                                     {"they", kStopword | kMarker},
                                     {"this", kStopword | kMarker},
                                     {"those", kStopword | kMarker},
                                     {"to", kStopword | kMarker},
                                     {"under", kStopword | kMarker},
                                     {"up", kStopword},
                                     {"upon", kStopword | kMarker},
                                     {"was", kStopword},
                                     {"we", kStopword},
                                     {"were", kStopword | kMarker},
                                     {"what", kStopword | kMarker},
                                     {"when", kStopword},
                                     {"where", kStopword},
                                     {"which", kStopword | kMarker},
                                     {"while", kStopword},
                                     {"who", kStopword | kMarker},
                                     {"whom", kStopword},
                                     {"why", kStopword},
                                     {"will", kStopword | kMarker},
                                     {"with", kStopword | kMarker},
                                     {"would", kStopword | kMarker},
                                     {"you", kStopword},
                                     {"your", kStopword},
                                     {"between", kStopword | kMarker},
                                     {"during", kStopword},
                                     {"against", kStopword},
                                     {"over", kStopword},
                                     {"through", kStopword},
                                     {"within", kStopword},
                                     {"without", kStopword},
                                     {"both", kStopword},
                                     {"each", kStopword},
                                     {"only", kStopword},
                                     {"very", kStopword},
                                     {"whether", kMarker}};

using Table = std::unordered_map<std::string_view, unsigned>;

template <std::size_t N>
Table make_table(const FunctionWord (&words)[N]) {
    Table table;
    for (const FunctionWord& word : words) table.emplace(word.folded, word.uses);
    return table;
}

unsigned uses_of(std::string_view folded, Language language) {
    static const Table dutch = make_table(kDutch);
    static const Table english = make_table(kEnglish);
    if (language == Language::kUnknown) return 0;
    const Table& table = language == Language::kEnglish ? english : dutch;
    const auto it = table.find(folded);
    return it == table.end() ? 0 : it->second;
}

}  // namespace

bool is_stopword(std::string_view folded, Language language) {
    return (uses_of(folded, language) & kStopword) != 0;
}

bool is_language_marker(std::string_view folded, Language language) {
    return (uses_of(folded, language) & kMarker) != 0;
}

Language query_language(const std::vector<std::string>& folded_words) {
    const auto count = [&](Language language) {
        return std::count_if(folded_words.begin(), folded_words.end(),
                             [&](const std::string& word) { return is_stopword(word, language); });
    };
    const auto dutch = count(Language::kDutch);
    const auto english = count(Language::kEnglish);
    if (dutch > english) return Language::kDutch;
    if (english > dutch) return Language::kEnglish;
    return Language::kUnknown;
}

}  // namespace kamerzoek
