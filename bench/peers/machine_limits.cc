// What this machine can do at best on the benchmark corpus, one core:
// reading the files into memory, ICU word breaking (UTF-8 UText, word
// break iterator) and Xapian's Dutch Snowball stemmer over every word found.
// Prints one JSON object with MB/s of corpus bytes for each stage.
//
//   machine_limits DIR
#include <unicode/brkiter.h>
#include <unicode/utext.h>
#include <xapian.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "bench_util.h"

namespace fs = std::filesystem;

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s DIR\n", argv[0]);
        return 2;
    }
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(argv[1]))
        if (entry.is_regular_file()) files.push_back(entry.path());
    std::sort(files.begin(), files.end());

    auto start = bench::Clock::now();
    std::vector<std::string> texts;
    std::size_t bytes = 0;
    for (const fs::path& file : files) {
        std::ifstream in(file, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        texts.push_back(text.str());
        bytes += texts.back().size();
    }
    const double read_ms = bench::ms_since(start);

    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> words(
        icu::BreakIterator::createWordInstance(icu::Locale("nl"), status));
    if (U_FAILURE(status)) return 1;
    std::vector<std::string> found;
    found.reserve(bytes / 6);
    start = bench::Clock::now();
    for (const std::string& text : texts) {
        UText* utext = utext_openUTF8(nullptr, text.data(), text.size(), &status);
        words->setText(utext, status);
        int32_t begin = words->first();
        for (int32_t end = words->next(); end != icu::BreakIterator::DONE;
             begin = end, end = words->next()) {
            if (words->getRuleStatus() == UBRK_WORD_NONE) continue;
            found.emplace_back(text, begin, end - begin);
        }
        utext_close(utext);
    }
    const double break_ms = bench::ms_since(start);

    // Lower-case ASCII letters only: the stemmer's input, not a folding benchmark.
    for (std::string& word : found)
        for (char& c : word)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    Xapian::Stem stem("dutch");
    std::size_t stem_bytes = 0;
    start = bench::Clock::now();
    for (const std::string& word : found) stem_bytes += stem(word).size();
    const double stem_ms = bench::ms_since(start);

    auto mbps = [&](double ms) { return ms > 0 ? bytes / 1e6 / (ms / 1e3) : 0.0; };
    std::printf(
        "{\"files\": %zu, \"bytes\": %zu, \"words\": %zu, \"read_mb_s\": %.1f, "
        "\"icu_word_break_mb_s\": %.1f, \"stem_dutch_mb_s\": %.1f, \"stem_words_per_s\": %.0f, "
        "\"stemmed_bytes\": %zu}\n",
        files.size(), bytes, found.size(), mbps(read_ms), mbps(break_ms), mbps(stem_ms),
        stem_ms > 0 ? found.size() / (stem_ms / 1e3) : 0.0, stem_bytes);
}
