// Factories of the readers; the registry in corpus/reader.cc lists them.
#pragma once

#include <memory>

#include "corpus/reader.h"

namespace kamerzoek::corpus {

std::unique_ptr<Reader> make_plain_text_reader();
std::unique_ptr<Reader> make_officiele_publicatie_reader();  // official XML (op-xsd): all types
std::unique_ptr<Reader> make_parlamint_reader();             // ParlaMint TEI and .ana.xml
std::unique_ptr<Reader> make_pdf_reader();
std::unique_ptr<Reader> make_html_reader();
std::unique_ptr<Reader> make_markdown_reader();
std::unique_ptr<Reader> make_odt_reader();  // OpenDocument text (content.xml, meta.xml)

}  // namespace kamerzoek::corpus
