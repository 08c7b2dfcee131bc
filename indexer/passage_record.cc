#include "indexer/passage_record.h"

#include <limits>

namespace kamerzoek {
namespace {

// The first byte of every record. Records of another layout are not read:
// the index format (schema::kFormatVersion) changes with it, and an index of
// another format is refused before any record is read.
constexpr unsigned char kLayoutVersion = 1;

constexpr unsigned kFootnoteFlag = 1;
constexpr unsigned kLinkedFlag = 1;

class Writer {
  public:
    void byte(unsigned char b) { out_.push_back(static_cast<char>(b)); }

    void varint(std::uint64_t value) {
        while (value >= 0x80) {
            byte(static_cast<unsigned char>(value | 0x80));
            value >>= 7;
        }
        byte(static_cast<unsigned char>(value));
    }

    void string(std::string_view s) {
        varint(s.size());
        out_.append(s);
    }

    std::string take() { return std::move(out_); }

  private:
    std::string out_;
};

class Reader {
  public:
    explicit Reader(std::string_view in) : in_(in) {}

    bool byte(unsigned char& b) {
        if (at_ >= in_.size()) return false;
        b = static_cast<unsigned char>(in_[at_++]);
        return true;
    }

    bool varint(std::uint64_t& value) {
        value = 0;
        for (unsigned shift = 0; shift < 64; shift += 7) {
            unsigned char b = 0;
            if (!byte(b)) return false;
            value |= static_cast<std::uint64_t>(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return true;
        }
        return false;
    }

    bool size(std::size_t& value) {
        std::uint64_t v = 0;
        if (!varint(v) || v > in_.size()) return false;  // no count or length exceeds the record
        value = static_cast<std::size_t>(v);
        return true;
    }

    bool string(std::string& s) {
        std::size_t length = 0;
        if (!size(length) || length > in_.size() - at_) return false;
        s.assign(in_.substr(at_, length));
        at_ += length;
        return true;
    }

    bool done() const { return at_ == in_.size(); }

  private:
    std::string_view in_;
    std::size_t at_ = 0;
};

// Ordinals are never negative, but a zigzag code costs nothing and keeps
// any int.
std::uint64_t zigzag(int n) {
    return n < 0 ? (static_cast<std::uint64_t>(-(static_cast<std::int64_t>(n))) << 1) - 1
                 : static_cast<std::uint64_t>(n) << 1;
}

std::optional<int> unzigzag(std::uint64_t v) {
    const std::int64_t n =
        (v & 1) ? -static_cast<std::int64_t>((v + 1) >> 1) : static_cast<std::int64_t>(v >> 1);
    if (n < std::numeric_limits<int>::min() || n > std::numeric_limits<int>::max())
        return std::nullopt;
    return static_cast<int>(n);
}

bool is_word_byte(char c) {
    const auto b = static_cast<unsigned char>(c);
    return b >= 0x80 || (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
}

// The word a simple rule finds from byte `from` on: the next run of ASCII
// letters and digits and of non-ASCII characters. It is the analyzer's
// (ICU's) word for most words of Dutch and English text, so only the words
// where the two differ ("3.5", "don't", a word in curly quotes) need their
// span stored. Empty when no word byte follows.
WordSpan predicted_word(std::string_view text, std::size_t from) {
    std::size_t at = from;
    while (at < text.size() && !is_word_byte(text[at])) ++at;
    WordSpan word{at, at};
    while (word.end < text.size() && is_word_byte(text[word.end])) ++word.end;
    return word;
}

bool same_span(const WordSpan& a, const WordSpan& b) {
    return a.begin == b.begin && a.end == b.end;
}

// The words as runs: how many words in a row the rule predicts, then one
// it does not (its gap since the previous word's end, and its length), then
// the next run, and so on; a run may be 0.
void write_words(Writer& out, std::string_view text, const std::vector<WordSpan>& words) {
    out.varint(words.size());
    std::size_t previous_end = 0;
    std::size_t run = 0;
    for (const WordSpan& word : words) {
        if (same_span(word, predicted_word(text, previous_end)) && word.end > word.begin) {
            ++run;
        } else {
            out.varint(run);
            out.varint(word.begin - previous_end);
            out.varint(word.end - word.begin);
            run = 0;
        }
        previous_end = word.end;
    }
    out.varint(run);
}

bool read_words(Reader& in, std::string_view text, std::vector<WordSpan>& words) {
    std::size_t count = 0;
    if (!in.size(count)) return false;
    words.reserve(count);
    std::size_t previous_end = 0;
    while (true) {
        std::size_t run = 0;
        if (!in.size(run) || run > count - words.size()) return false;
        for (std::size_t i = 0; i < run; ++i) {
            const WordSpan word = predicted_word(text, previous_end);
            if (word.end == word.begin) return false;  // no word left to predict
            words.push_back(word);
            previous_end = word.end;
        }
        if (words.size() == count) return true;
        std::uint64_t gap = 0;
        std::uint64_t length = 0;
        if (!in.varint(gap) || !in.varint(length)) return false;
        if (gap > text.size() - previous_end || length > text.size() - previous_end - gap)
            return false;  // a span outside the text
        WordSpan word;
        word.begin = previous_end + static_cast<std::size_t>(gap);
        word.end = word.begin + static_cast<std::size_t>(length);
        words.push_back(word);
        previous_end = word.end;
    }
}

void write_reference(Writer& out, const StoredReference& ref) {
    out.varint(ref.linked ? kLinkedFlag : 0);
    out.string(ref.id);
    out.string(ref.type);
    out.string(ref.cited_as);
    out.varint(ref.begin);
    out.varint(ref.end >= ref.begin ? ref.end - ref.begin : 0);
}

bool read_reference(Reader& in, StoredReference& ref) {
    std::uint64_t flags = 0;
    std::uint64_t begin = 0;
    std::uint64_t length = 0;
    if (!in.varint(flags) || !in.string(ref.id) || !in.string(ref.type) ||
        !in.string(ref.cited_as) || !in.varint(begin) || !in.varint(length)) {
        return false;
    }
    ref.linked = (flags & kLinkedFlag) != 0;
    ref.begin = static_cast<std::size_t>(begin);
    ref.end = static_cast<std::size_t>(begin + length);
    return true;
}

}  // namespace

std::string encode_passage_record(const PassageRecord& record) {
    Writer out;
    out.byte(kLayoutVersion);
    out.string(record.doc_id);
    out.varint(zigzag(record.ordinal));
    out.string(record.lang);
    out.string(record.text);
    out.string(record.section);
    out.string(record.speaker);
    out.string(record.party);
    out.string(record.label);
    out.varint(record.footnote ? kFootnoteFlag : 0);
    out.varint(record.refs.size());
    for (const StoredReference& ref : record.refs) write_reference(out, ref);
    write_words(out, record.text, record.words);
    return out.take();
}

std::optional<PassageRecord> decode_passage_record(std::string_view bytes) {
    Reader in(bytes);
    unsigned char version = 0;
    if (!in.byte(version) || version != kLayoutVersion) return std::nullopt;
    PassageRecord record;
    std::uint64_t ordinal = 0;
    std::uint64_t flags = 0;
    std::size_t ref_count = 0;
    if (!in.string(record.doc_id) || !in.varint(ordinal) || !in.string(record.lang) ||
        !in.string(record.text) || !in.string(record.section) || !in.string(record.speaker) ||
        !in.string(record.party) || !in.string(record.label) || !in.varint(flags) ||
        !in.size(ref_count)) {
        return std::nullopt;
    }
    const std::optional<int> signed_ordinal = unzigzag(ordinal);
    if (!signed_ordinal) return std::nullopt;
    record.ordinal = *signed_ordinal;
    record.footnote = (flags & kFootnoteFlag) != 0;
    record.refs.resize(ref_count);
    for (StoredReference& ref : record.refs) {
        if (!read_reference(in, ref)) return std::nullopt;
    }
    if (!read_words(in, record.text, record.words) || !in.done()) return std::nullopt;
    return record;
}

}  // namespace kamerzoek
