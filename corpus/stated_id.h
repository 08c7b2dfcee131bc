// The official id a rendition states about itself near its start, read
// without parsing it: an HTML rendition's <meta name="DC.identifier">, an
// official XML's externMetadataRecord URL (".../stb-2018-84/metadata.xml").
// publication.cc uses it to tell two publications that share a file name
// ("stb.xml", "stb.html") from two renditions of one.
#pragma once

#include <string>
#include <string_view>

namespace kamerzoek::corpus {

/// The canonical id `head` (the first bytes of an XML or HTML file) states,
/// or "" when it states none.
std::string id_stated_in(std::string_view head);

/// id_stated_in() of the first 64 KiB of the file at `path`; "" for a file
/// that is not XML or HTML by its name, or that cannot be read.
std::string id_stated_by_file(const std::string& path);

}  // namespace kamerzoek::corpus
