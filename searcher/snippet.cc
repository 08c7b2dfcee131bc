#include "searcher/snippet.h"

#include "kamerzoek/types.h"

namespace kamerzoek {
namespace {

// Shorter query words are too likely to occur inside an unrelated word.
constexpr std::size_t kMinPartWordLength = 5;

// "terrorismefinanciering" for a query word "financiering": the index found
// the passage through the compound's parts, so the snippet shows where.
bool contains_part(const std::string& folded, const BuiltQuery& query) {
    for (const std::string& part : query.part_words) {
        if (part.size() >= kMinPartWordLength && folded.size() > part.size() &&
            folded.find(part) != std::string::npos) {
            return true;
        }
    }
    return false;
}

bool matches(const std::string& folded, corpus::Language language, const BuiltQuery& query,
             Analyzer& analyzer) {
    if (query.words.count(folded)) return true;
    if (language != corpus::Language::kEnglish && contains_part(folded, query)) return true;
    if (query.stems.empty()) return false;
    if (language != corpus::Language::kEnglish &&
        query.stems.count(analyzer.stem(folded, corpus::Language::kDutch))) {
        return true;
    }
    return language != corpus::Language::kDutch &&
           query.stems.count(analyzer.stem(folded, corpus::Language::kEnglish));
}

// Moves `at` back to the start of a UTF-8 character.
std::size_t char_boundary(const std::string& text, std::size_t at) {
    while (at > 0 && at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80)
        --at;
    return at;
}

}  // namespace

std::string make_snippet(const std::string& text, corpus::Language language,
                         const BuiltQuery& query, Analyzer& analyzer, std::size_t max_bytes) {
    std::vector<WordSpan> words;
    for (const Analyzer::Token& token : analyzer.tokenize(text))
        words.push_back({token.begin, token.end});
    return make_snippet(text, words, language, query, analyzer, max_bytes);
}

std::string make_snippet(const std::string& text, const std::vector<WordSpan>& words,
                         corpus::Language language, const BuiltQuery& query, Analyzer& analyzer,
                         std::size_t max_bytes) {
    // Only the words need folding: the analyzer folds a word alone exactly
    // as it does within its text.
    std::vector<const WordSpan*> hits;
    for (const WordSpan& word : words) {
        if (word.end > text.size() || word.begin >= word.end) continue;
        const std::string folded =
            analyzer.fold(std::string_view(text).substr(word.begin, word.end - word.begin));
        if (matches(folded, language, query, analyzer)) hits.push_back(&word);
    }
    // The window that starts at a match and holds the most matches.
    std::size_t best_start = 0;
    std::size_t best_count = 0;
    for (std::size_t i = 0, j = 0; i < hits.size(); ++i) {
        while (j < hits.size() && hits[j]->end - hits[i]->begin <= max_bytes) ++j;
        if (j - i > best_count) {
            best_count = j - i;
            best_start = hits[i]->begin;
        }
    }
    std::size_t begin = 0;
    if (text.size() > max_bytes && best_count > 0) {
        // Some context before the first match, starting at a word.
        begin = best_start > max_bytes / 5 ? best_start - max_bytes / 5 : 0;
        const std::size_t space = text.rfind(' ', begin);
        begin = (begin == 0 || space == std::string::npos) ? begin : space + 1;
    }
    std::size_t end = std::min(text.size(), begin + max_bytes);
    if (end < text.size()) {
        const std::size_t space = text.rfind(' ', end);
        end = space != std::string::npos && space > begin ? space : char_boundary(text, end);
    }
    std::string snippet = begin > 0 ? "…" : "";
    std::size_t copied = begin;
    for (const WordSpan* hit : hits) {
        if (hit->begin < begin || hit->end > end) continue;
        snippet.append(text, copied, hit->begin - copied);
        snippet.push_back(kHighlightBegin);
        snippet.append(text, hit->begin, hit->end - hit->begin);
        snippet.push_back(kHighlightEnd);
        copied = hit->end;
    }
    snippet.append(text, copied, end - copied);
    if (end < text.size()) snippet += "…";
    return snippet;
}

}  // namespace kamerzoek
