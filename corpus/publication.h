// Publications, not files. The official repository publishes one paper as
// several renditions (xml/, html/, pdf/, odt/ beside metadata/ and
// metadataowms/), and a ministry's folder often holds the same paper as
// .pdf and .html, or a report with its annexes as separate files. This is
// the one place that groups walked files into publications: which file is
// read (the best rendition), which are only recorded as alternates, which
// metadata files describe it, and which main document an annex belongs to.
// It works on names and folders, so an incremental run stays a stat per
// file; only XML and HTML files that share a name with another rendition
// are opened (their first 64 KB), to tell two publications that happen to
// share a name by the ids they state. Readers get the result through
// SourceFile and never look at the disk themselves.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "corpus/reader.h"

namespace kamerzoek::corpus {

struct Publication {
    std::string path;                     // the rendition that is read
    std::vector<std::string> alternates;  // the other renditions, best first
    std::vector<std::string> metadata;    // metadata files, most authoritative first
    std::string annex_of;                 // main document's path, for a file named as an annex
};

/// A file left out on purpose, with the note to show for it.
struct SkippedFile {
    std::string path;
    std::string reason;
};

struct PublicationSet {
    std::vector<Publication> publications;  // in the order of their paths
    std::vector<SkippedFile> skipped;
};

/// Groups the walked files (absolute paths) into publications. Metadata
/// files attach to the publication they describe; alone, they are skipped
/// with a note. Files sharing a name that state different ids
/// (corpus/stated_id.h) are separate publications.
PublicationSet group_publications(std::vector<std::string> files);

/// The publication `path` belongs to, found from the files beside it on
/// disk: what group_publications() would make of its folder. For reading
/// one file outside an index run (tests, tools).
Publication publication_of(const std::string& path);

/// What a reader is given for `publication`: the rendition's `bytes`, the
/// metadata files' bytes (read here; one that cannot be read is left out)
/// and the alternates. `annex_of_id` is the id of the main document when
/// the publication is named as an annex.
SourceFile source_file_of(const Publication& publication, std::string bytes,
                          std::string annex_of_id = {});

/// Whether the file name is one of a metadata or search-API record
/// (metadata.xml, metadata_owms.xml, x.metadata.xml, sru.xml, manifest.xml).
bool is_metadata_file(std::string_view path);

/// How good a rendition is to read from, by its extension: 0 for official
/// XML, then HTML, Markdown, PDF, ODT, plain text; -1 for a file that is not
/// a rendition format.
int rendition_rank(std::string_view path);

/// Whether the file is named as an annex: "Bijlage A - DPIA.pdf",
/// "bijlage-3.pdf", "Bijlagen bij de brief.pdf", "Annex II.pdf",
/// "Appendix B.pdf" (Dutch and English, numbered, lettered or neither).
bool is_annex_name(std::string_view path);

}  // namespace kamerzoek::corpus
