// libFuzzer target for the XML readers and decode_text(). Not part of the
// normal build; build by hand, e.g.
//   clang++ -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -I. \
//     tests/fuzz/xml_reader_fuzz.cc corpus/encoding.cc corpus/document.cc \
//     corpus/readers/officiele_publicatie_reader.cc corpus/readers/officiele_publicatie/*.cc \
//     corpus/readers/parlamint_reader.cc \
//     -lpugixml -licuuc -licui18n -o xml_reader_fuzz
//   KAMERZOEK_FUZZ_READER=officiele-publicatie ./xml_reader_fuzz -max_total_time=180 seeds/
// KAMERZOEK_FUZZ_READER picks one reader by name; without it every reader
// reads every input. A ReadError is a correct answer; anything else that
// escapes, and every sanitizer report, is a finding.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "corpus/encoding.h"
#include "corpus/readers/readers.h"

namespace {

using kamerzoek::corpus::Reader;

std::vector<std::unique_ptr<Reader>> make_readers() {
    std::vector<std::unique_ptr<Reader>> readers;
    readers.push_back(kamerzoek::corpus::make_officiele_publicatie_reader());
    readers.push_back(kamerzoek::corpus::make_parlamint_reader());
    const char* only = std::getenv("KAMERZOEK_FUZZ_READER");
    if (only == nullptr) return readers;
    std::erase_if(readers, [only](const auto& reader) { return reader->name() != only; });
    return readers;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::vector<std::unique_ptr<Reader>> readers = make_readers();
    // No sibling files: a path in a directory that does not exist.
    const kamerzoek::corpus::SourceFile file{
        "/nonexistent/fuzz/h-tk-20172018-1-1.xml",
        std::string(reinterpret_cast<const char*>(data), size)};
    try {
        const auto decoded = kamerzoek::corpus::decode_text(file.bytes);
        if (!kamerzoek::corpus::is_valid_utf8(decoded.utf8)) std::abort();
    } catch (const kamerzoek::corpus::ReadError&) {
    }
    for (const auto& reader : readers) {
        reader->accepts(file);
        try {
            for (const auto& document : reader->read(file)) {
                for (const auto& block : document.blocks) {
                    if (!kamerzoek::corpus::is_valid_utf8(block.text)) std::abort();
                }
            }
        } catch (const kamerzoek::corpus::ReadError&) {
        }
    }
    return 0;
}
