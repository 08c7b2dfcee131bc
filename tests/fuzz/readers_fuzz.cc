// libFuzzer target for the HTML, Markdown, PDF and ODT readers. Not part of the
// normal build; build by hand, for instance:
//
//   clang++ -std=c++20 -g -O1 -fsanitize=fuzzer,address -I. tests/fuzz/readers_fuzz.cc \
//     corpus/readers/{html,markdown,odt}_reader.cc corpus/readers/pdf_*.cc \
//     corpus/extracted_text.cc corpus/encoding.cc corpus/document.cc corpus/references.cc \
//     corpus/reader_limits.cc corpus/publication_metadata.cc corpus/stated_id.cc \
//     corpus/official_id.cc corpus/citations/*.cc \
//     $(pkg-config --cflags --libs gumbo poppler-cpp icu-uc icu-i18n libzip pugixml) \
//     -o readers_fuzz
//   ./readers_fuzz -max_total_time=180 seeds/
//
// The first byte picks the reader (0: HTML, 1: Markdown, 2: PDF, 3: ODT,
// modulo 4), so one corpus exercises all four; seeds are fixtures with that byte put
// in front. A
// ReadError is an acceptable answer to any input; a crash, a leak or any
// other exception is not.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

#include "corpus/reader.h"
#include "corpus/reader_limits.h"
#include "corpus/readers/readers.h"

using namespace kamerzoek::corpus;

namespace {

const Reader& pick(std::uint8_t selector, std::string& path) {
    static const auto html = make_html_reader();
    static const auto markdown = make_markdown_reader();
    static const auto pdf = make_pdf_reader();
    static const auto odt = make_odt_reader();
    switch (selector % 4) {
        case 0:
            path = "fuzz.html";
            return *html;
        case 1:
            path = "fuzz.md";
            return *markdown;
        case 2:
            path = "fuzz.pdf";
            return *pdf;
        default:
            path = "fuzz.odt";
            return *odt;
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    // PDFs are read in this process, so that the fuzzer sees what poppler
    // and the layout code do, rather than a child's exit.
    static const bool in_process = [] {
        set_reader_limits(ReaderLimits{std::chrono::milliseconds(0)});
        return true;
    }();
    (void)in_process;
    SourceFile file;
    const Reader& reader = pick(data[0], file.path);
    file.bytes.assign(reinterpret_cast<const char*>(data) + 1, size - 1);
    try {
        (void)reader.accepts(file);
        for (const Document& document : reader.read(file)) {
            for (const Block& block : document.blocks) (void)block.text.size();
        }
    } catch (const ReadError&) {
    }
    return 0;
}
