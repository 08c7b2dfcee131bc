// Writes a section-format index: one Xapian document per section of a
// document (a run of passages under one heading, or a fixed run of N
// passages), the passages kept as term position ranges in the stored
// record (section_store.h). Same readers, publication grouping and
// analyzer as `kamerzoek index`; an experiment, not the index format.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace kamerzoek::sections {

/// How passages are grouped into Xapian documents.
struct Grouping {
    bool by_heading = true;         // a new document where the heading changes
    std::size_t max_passages = 64;  // and at most this many passages (0: no cap)

    /// "heading", "heading:N" or "run:N" (fixed runs of N passages).
    static Grouping parse(const std::string& spec);
    std::string name() const;
};

struct BuildOptions {
    Grouping grouping;
    bool stem_positions = false;  // positions on stems and compound parts too
    unsigned threads = 1;         // scratch shards written at once, merged at the end
};

struct BuildReport {
    std::size_t files = 0;
    std::size_t documents = 0;
    std::size_t passages = 0;
    std::size_t sections = 0;
    std::size_t failed = 0;            // files that could not be read (named on stderr)
    std::vector<std::string> doc_ids;  // of every document read
};

// Metadata keys of a section index: passage statistics for passage BM25
// (the number of passages, the sum of their lengths as Xapian counts them).
inline constexpr const char* kMetaPassages = "sections.passages";
inline constexpr const char* kMetaPassageLength = "sections.passage_length";

/// Builds `out_dir`/index (compacted) from the files under `paths`;
/// scratch shards go in `out_dir` and are removed.
BuildReport build_section_index(const std::vector<std::string>& paths,
                                const std::filesystem::path& out_dir, const BuildOptions& options);

}  // namespace kamerzoek::sections
