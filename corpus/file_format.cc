#include "corpus/file_format.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

namespace kamerzoek::corpus {
namespace {

std::string lower_extension(std::string_view path) {
    std::string extension = std::filesystem::path(path).extension().string();
    for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return extension;
}

const std::map<std::string, std::string, std::less<>>& formats_by_extension() {
    static const std::map<std::string, std::string, std::less<>> kFormats = [] {
        std::map<std::string, std::string, std::less<>> formats;
        auto name = [&formats](std::string what, std::initializer_list<const char*> extensions) {
            for (const char* extension : extensions) formats[extension] = what;
        };
        name("CSV table", {".csv"});
        name("TSV table", {".tsv", ".tab"});
        name("JSON data", {".json", ".geojson"});
        name("JSON Lines records", {".jsonl", ".ndjson"});
        name("YAML data", {".yaml", ".yml"});
        name("TOML configuration", {".toml"});
        name("Python source", {".py", ".pyc", ".ipynb"});
        name("C or C++ source", {".c", ".cc", ".cpp", ".cxx", ".h", ".hh", ".hpp", ".hxx"});
        name("JavaScript source", {".js", ".mjs", ".cjs", ".ts"});
        name("shell script", {".sh", ".bash", ".zsh", ".ps1", ".bat"});
        name("source code", {".java", ".go", ".rs", ".rb", ".pl", ".php", ".css", ".scss", ".sql",
                             ".r", ".lua", ".swift", ".kt", ".scala", ".cs"});
        name("spreadsheet", {".xlsx", ".xlsm", ".xls", ".ods"});
        name("Word document", {".doc", ".docx", ".rtf"});
        name("presentation", {".ppt", ".pptx", ".odp"});
        name("image", {".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".webp", ".svg",
                       ".ico", ".heic"});
        name("archive", {".zip", ".tar", ".gz", ".tgz", ".bz2", ".xz", ".7z", ".rar", ".zst"});
        name("audio or video", {".mp3", ".mp4", ".wav", ".avi", ".mov", ".mkv", ".ogg"});
        name("program or library", {".exe", ".dll", ".so", ".o", ".a", ".class", ".jar"});
        name("database file", {".sqlite", ".sqlite3", ".db"});
        return formats;
    }();
    return kFormats;
}

bool starts_with_bytes(std::string_view bytes, std::string_view magic, std::size_t at = 0) {
    return bytes.size() >= at + magic.size() && bytes.substr(at, magic.size()) == magic;
}

// Zip containers: OpenDocument names itself in a first, stored "mimetype"
// entry; Office Open XML lists its parts early on.
std::string zip_format(std::string_view bytes) {
    const std::string_view head = bytes.substr(0, std::min<std::size_t>(bytes.size(), 4096));
    if (starts_with_bytes(bytes, "mimetypeapplication/vnd.oasis.opendocument.", 30)) {
        const std::string_view kind = bytes.substr(30 + 43, 4);
        if (kind == "text") return {};  // read by corpus/readers/odt_reader.cc
        if (kind == "spre") return "spreadsheet (ODS)";
        return "OpenDocument file";
    }
    if (head.find("word/") != std::string_view::npos) return "Word document (DOCX)";
    if (head.find("xl/") != std::string_view::npos) return "spreadsheet (XLSX)";
    if (head.find("ppt/") != std::string_view::npos) return "presentation (PPTX)";
    return "ZIP archive";
}

std::string binary_format(std::string_view bytes) {
    using namespace std::string_view_literals;
    struct Magic {
        std::string_view bytes;
        std::size_t at;
        const char* what;
    };
    static constexpr std::array<Magic, 15> kMagic{{
        {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"sv, 0, "Microsoft Office file (DOC, XLS or PPT)"},
        {"\x89PNG\r\n\x1A\n"sv, 0, "PNG image"},
        {"\xFF\xD8\xFF"sv, 0, "JPEG image"},
        {"GIF87a"sv, 0, "GIF image"},
        {"GIF89a"sv, 0, "GIF image"},
        {"II*\0"sv, 0, "TIFF image"},
        {"MM\0*"sv, 0, "TIFF image"},
        {"\x1F\x8B"sv, 0, "gzip archive"},
        {"1AY&SY"sv, 4, "bzip2 archive"},
        {"\xFD"
         "7zXZ\0"sv,
         0, "xz archive"},
        {"7z\xBC\xAF\x27\x1C"sv, 0, "7-Zip archive"},
        {"Rar!\x1A\x07"sv, 0, "RAR archive"},
        {"\x28\xB5\x2F\xFD"sv, 0, "Zstandard archive"},
        {"ustar"sv, 257, "tar archive"},
        {"\x7F"
         "ELF"sv,
         0, "program (ELF)"},
    }};
    if (starts_with_bytes(bytes, "PK\x03\x04"sv)) return zip_format(bytes);
    if (starts_with_bytes(bytes, "SQLite format 3\0"sv)) return "SQLite database";
    if (starts_with_bytes(bytes, "RIFF"sv) && bytes.size() >= 12)
        return "RIFF media (WAV, AVI or WebP)";
    // MP4, MOV, HEIF: a 32-bit box size (small, so zero bytes first), then "ftyp".
    if (starts_with_bytes(bytes, "\0\0"sv) && starts_with_bytes(bytes, "ftyp"sv, 4))
        return "MP4, QuickTime or HEIF media";
    for (const Magic& magic : kMagic) {
        if (starts_with_bytes(bytes, magic.bytes, magic.at)) return magic.what;
    }
    return {};
}

std::string_view trimmed(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

// Every non-empty line a JSON object, at least two of them: records, not
// prose that quotes a line of JSON.
bool is_json_lines(std::string_view text) {
    std::size_t records = 0;
    while (!text.empty()) {
        const std::size_t end = std::min(text.find('\n'), text.size());
        const std::string_view line = trimmed(text.substr(0, end));
        text.remove_prefix(std::min(end + 1, text.size()));
        if (line.empty()) continue;
        if (line.front() != '{' || line.back() != '}' || !nlohmann::json::accept(line))
            return false;
        ++records;
    }
    return records >= 2;
}

std::string structured_text_format(std::string_view bytes) {
    const std::string_view text = trimmed(bytes);
    if (text.empty() || (text.front() != '{' && text.front() != '[')) return {};
    if (nlohmann::json::accept(text)) return "JSON data";
    if (text.front() == '{' && is_json_lines(text)) return "JSON Lines records";
    return {};
}

}  // namespace

std::string unsupported_format_by_name(std::string_view path) {
    const auto& formats = formats_by_extension();
    const auto format = formats.find(lower_extension(path));
    return format == formats.end() ? std::string() : format->second;
}

std::string unsupported_format_by_content(std::string_view bytes) {
    std::string format = binary_format(bytes);
    if (format.empty()) format = structured_text_format(bytes);
    return format;
}

std::string xml_root_element(std::string_view head) {
    for (;;) {
        const std::size_t lt = head.find('<');
        if (lt == std::string_view::npos || lt + 1 >= head.size()) return {};
        head.remove_prefix(lt);
        if (head[1] == '?' || head[1] == '!') {
            const std::string_view close = head.starts_with("<!--") ? "-->" : ">";
            const std::size_t end = head.find(close);
            if (end == std::string_view::npos) return {};
            head.remove_prefix(end + close.size());
            continue;
        }
        const std::size_t end = head.find_first_of(" \t\r\n\f/>", 1);
        return std::string(head.substr(1, end == std::string_view::npos ? end : end - 1));
    }
}

}  // namespace kamerzoek::corpus
