#include "searcher/word_lists.h"

#include <algorithm>
#include <fstream>
#include <vector>

#include "analysis/analyzer.h"

namespace kamerzoek {
namespace {

using corpus::Language;

// Folded, sorted and without repeats, for binary search.
std::vector<std::string> load_word_list(const char* path) {
    Analyzer analyzer;
    std::vector<std::string> words;
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty()) words.push_back(analyzer.fold(line));
    }
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    return words;
}

bool in_list(const std::vector<std::string>& words, const std::string& folded) {
    return std::binary_search(words.begin(), words.end(), folded);
}

}  // namespace

bool is_dictionary_word(const std::string& folded, Language language) {
    if (language != Language::kDutch) {
        static const std::vector<std::string> english =
            load_word_list("/usr/share/dict/british-english");
        if (in_list(english, folded)) return true;
    }
    if (language != Language::kEnglish) {
        static const std::vector<std::string> dutch = load_word_list("/usr/share/dict/dutch");
        if (in_list(dutch, folded)) return true;
    }
    return false;
}

}  // namespace kamerzoek
