#include "analysis/analyzer.h"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <unicode/uversion.h>
#include <xapian.h>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "analysis/compounds.h"
#include "analysis/lexicon.h"
#include "analysis/term_prefixes.h"
#include "kamerzoek/error.h"

namespace kamerzoek {
namespace {

// Caches are per Analyzer; cleared when they grow past this many entries so
// memory stays bounded on any corpus.
constexpr std::size_t kMaxCacheEntries = 1 << 18;

bool is_ascii(std::string_view s) {
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

template <typename Map>
void bound(Map& cache) {
    if (cache.size() > kMaxCacheEntries) cache.clear();
}

}  // namespace

struct Analyzer::Impl {
    std::unique_ptr<icu::BreakIterator> words;
    const icu::Normalizer2* nfkc_casefold = nullptr;
    const icu::Normalizer2* nfd = nullptr;
    const icu::Normalizer2* nfc = nullptr;
    Xapian::Stem dutch{"dutch"};
    Xapian::Stem english{"english"};
    std::unordered_map<std::string, std::string> fold_cache;
    std::unordered_map<std::string, std::string> dutch_cache;
    std::unordered_map<std::string, std::string> english_cache;

    Impl() {
        UErrorCode status = U_ZERO_ERROR;
        words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
        nfkc_casefold = icu::Normalizer2::getNFKCCasefoldInstance(status);
        nfd = icu::Normalizer2::getNFDInstance(status);
        nfc = icu::Normalizer2::getNFCInstance(status);
        if (U_FAILURE(status)) {
            throw Error(std::string("ICU could not be initialised: ") + u_errorName(status));
        }
    }

    std::string fold_unicode(std::string_view word) {
        UErrorCode status = U_ZERO_ERROR;
        const icu::UnicodeString input = icu::UnicodeString::fromUTF8(
            icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
        icu::UnicodeString folded = nfkc_casefold->normalize(input, status);
        icu::UnicodeString decomposed = nfd->normalize(folded, status);
        icu::UnicodeString bare;
        for (int32_t i = 0; i < decomposed.length();) {
            const UChar32 c = decomposed.char32At(i);
            if (u_charType(c) != U_NON_SPACING_MARK) bare.append(c);
            i += U16_LENGTH(c);
        }
        icu::UnicodeString composed = nfc->normalize(bare, status);
        if (U_FAILURE(status)) return std::string(word);
        std::string out;
        composed.toUTF8String(out);
        return out;
    }
};

Analyzer::Analyzer() : impl_(std::make_unique<Impl>()) {}
Analyzer::~Analyzer() = default;

std::string Analyzer::fold(std::string_view word) {
    if (is_ascii(word)) {
        std::string out(word);
        for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return out;
    }
    const std::string key(word);
    if (auto it = impl_->fold_cache.find(key); it != impl_->fold_cache.end()) return it->second;
    bound(impl_->fold_cache);
    std::string folded = impl_->fold_unicode(word);
    impl_->fold_cache.emplace(key, folded);
    return folded;
}

namespace {

// Dutch spells a final s or f that turns into z or v before an ending
// (huis/huizen, brief/brieven); Snowball's Dutch stemmer keeps the z or v, so
// without this "ziekenhuizen" (ziekenhuiz) would not find "ziekenhuis".
void undo_voicing(std::string& dutch_stem) {
    if (dutch_stem.size() < 4) return;
    if (dutch_stem.back() == 'z') dutch_stem.back() = 's';
    if (dutch_stem.back() == 'v') dutch_stem.back() = 'f';
}

}  // namespace

std::string Analyzer::stem(const std::string& folded, corpus::Language language) {
    const bool english = language == corpus::Language::kEnglish;
    auto& cache = english ? impl_->english_cache : impl_->dutch_cache;
    if (auto it = cache.find(folded); it != cache.end()) return it->second;
    bound(cache);
    std::string stem = english ? impl_->english(folded) : impl_->dutch(folded);
    if (!english) undo_voicing(stem);
    cache.emplace(folded, stem);
    return stem;
}

Analyzer::WordTerms Analyzer::word_terms(const std::string& folded, corpus::Language language) {
    WordTerms terms;
    const auto prefixed = [](const std::string& stem) {
        return std::string(kStemPrefix).append(stem);
    };
    if (language != corpus::Language::kEnglish)
        terms.dutch_stem = prefixed(stem(folded, corpus::Language::kDutch));
    if (language != corpus::Language::kDutch)
        terms.english_stem = prefixed(stem(folded, corpus::Language::kEnglish));
    return terms;
}

std::string Analyzer::compound_part_term(const std::string& part) {
    return std::string(kCompoundPartPrefix).append(stem(part, corpus::Language::kDutch));
}

std::vector<std::string> Analyzer::compound_part_terms(
    const std::string& folded, const std::unordered_set<std::string>& vocabulary) {
    std::vector<std::string> terms;
    for (const std::string& part : compound_parts(folded, vocabulary))
        terms.push_back(compound_part_term(part));
    return terms;
}

std::vector<std::string> Analyzer::compound_parts(const std::string& folded,
                                                  const corpus::Document& context) {
    if (folded.size() < CompoundSplitter::kMinCompoundLength) return {};
    std::unordered_set<std::string> vocabulary;
    for (const corpus::Passage& passage : context.passages) {
        for (Token& token : tokenize(passage.text)) vocabulary.insert(std::move(token.folded));
    }
    return compound_parts(folded, vocabulary);
}

std::vector<std::string> Analyzer::compound_parts(
    const std::string& folded, const std::unordered_set<std::string>& vocabulary) {
    if (folded.size() < CompoundSplitter::kMinCompoundLength) return {};
    const CompoundSplitter splitter([&vocabulary](const std::string& word) {
        return in_seed_lexicon(word) || in_dutch_lexicon(word) || vocabulary.count(word) > 0;
    });
    return splitter.split(folded);
}

std::vector<Analyzer::Token> Analyzer::tokenize(std::string_view text) {
    std::vector<Token> tokens;
    UErrorCode status = U_ZERO_ERROR;
    UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    if (U_FAILURE(status)) return tokens;
    impl_->words->setText(utext, status);
    int32_t begin = impl_->words->first();
    for (int32_t end = impl_->words->next(); end != icu::BreakIterator::DONE;
         begin = end, end = impl_->words->next()) {
        if (impl_->words->getRuleStatus() == UBRK_WORD_NONE) continue;
        const std::string_view word = text.substr(begin, end - begin);
        tokens.push_back(
            {fold(word), static_cast<std::size_t>(begin), static_cast<std::size_t>(end)});
    }
    utext_close(utext);
    return tokens;
}

std::string Analyzer::signature() {
    // Bump the leading version when folding, tokenisation or stemming rules
    // or passage packing change (the stored passage record has the index
    // format version, indexer/index_schema.h).
    return std::string("kamerzoek-analysis/4; fold=nfkc_casefold+strip_mn; break=icu-word; ") +
           "compounds=seed-lexicon+bilingual-lexicon-min-5+document-words,min-part-4,link-s-e-en;"
           " " +
           "stem=xapian-snowball:dutch+unvoiced-final,english; xapian=" +
           std::to_string(Xapian::major_version()) + "." + std::to_string(Xapian::minor_version()) +
           "; icu=" + std::to_string(U_ICU_VERSION_MAJOR_NUM) + "; " + lexicon_identity();
}

}  // namespace kamerzoek
