// Readers turn the bytes of one file into documents. Each reader recognises
// its format from the content (and the name only as a hint); the registry
// asks them in order of specificity. To add a format: implement Reader in
// corpus/readers/, register it in corpus/reader.cc, add fixtures and tests.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/document.h"

namespace kamerzoek::corpus {

/// A file that cannot be turned into any document. `what()` names the
/// reason; line and column are 0 when unknown.
class ReadError : public std::runtime_error {
  public:
    explicit ReadError(const std::string& reason, int line = 0, int column = 0)
        : std::runtime_error(reason), line_(line), column_(column) {}
    int line() const { return line_; }
    int column() const { return column_; }

  private:
    int line_;
    int column_;
};

/// What a reader is given: the raw bytes and where they came from. Sibling
/// files (such as a metadata.xml beside a publication) may be read through
/// `path`.
struct SourceFile {
    std::string path;
    std::string bytes;
};

class Reader {
  public:
    virtual ~Reader() = default;
    /// Short name for messages and stats: "text", "officiele-publicatie", ...
    virtual std::string_view name() const = 0;
    /// Whether this reader claims the file, judged from its content.
    virtual bool accepts(const SourceFile& file) const = 0;
    /// The documents in the file (usually one), blocks filled, passages not.
    /// Throws ReadError when the file cannot be read at all.
    virtual std::vector<Document> read(const SourceFile& file) const = 0;
};

/// Every reader the engine knows, most specific first.
const std::vector<std::unique_ptr<Reader>>& all_readers();

/// Reads one file with the first reader that accepts it, then splits the
/// documents into passages and finds their references. Throws ReadError.
std::vector<Document> read_file(const SourceFile& file);

/// Whether a path is one that indexing should skip on sight (metadata files
/// read through their publication, hidden files, editor backups).
bool is_companion_or_hidden(std::string_view path);

}  // namespace kamerzoek::corpus
