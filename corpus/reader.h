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

/// A file read together with a publication's rendition: its metadata.
struct CompanionFile {
    std::string path;
    std::string bytes;
};

/// What a reader is given: the raw bytes and where they came from, with
/// what the publication grouping (corpus/publication.h) found beside it.
/// Readers never look at sibling files on disk themselves.
struct SourceFile {
    std::string path;
    std::string bytes;
    /// Metadata files describing the publication, most authoritative first.
    std::vector<CompanionFile> metadata = {};
    /// The publication's other renditions (paths), recorded, not read.
    std::vector<std::string> alternates = {};
    /// For a file named as an annex: the id of its main document.
    std::string annex_of_id = {};
};

/// A file that is metadata, a search-API answer or of a format no reader
/// handles (corpus/file_format.h), not a publication: it is left out with a
/// note, and is no failure.
class NotAPublication : public ReadError {
  public:
    using ReadError::ReadError;
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

/// The id of a document that does not state its own, from its file name:
/// lower case, runs of other characters as single hyphens, a document
/// extension dropped ("Bijlage A - DPIA.pdf" -> "bijlage-a-dpia").
std::string id_from_path(const std::string& path);

/// Reads one file as an index run would: with the metadata and alternates
/// found beside it (corpus/publication.h). Throws ReadError.
std::vector<Document> read_publication_file(const std::string& path, std::string bytes);

/// Hidden files and editor backups, which indexing skips on sight.
bool is_hidden_or_backup(std::string_view path);

/// is_hidden_or_backup(), or a metadata file (read through the publication
/// it describes): what a tool looking at one file at a time should skip.
bool is_companion_or_hidden(std::string_view path);

}  // namespace kamerzoek::corpus
