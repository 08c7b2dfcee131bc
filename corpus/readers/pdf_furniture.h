// Page furniture of PDFs: page numbers ("Pagina 2 van 5", "- 3 -", "4 | 75"),
// the running headers and footers repeated in the margins of most pages, and
// the lines of a table of contents ("Inleiding ........ 4").
#pragma once

#include <string>
#include <vector>

#include "corpus/readers/pdf_layout.h"

namespace kamerzoek::corpus::pdf {

/// Whether a line is a page number in any of the forms papers print.
bool is_page_number(const std::string& line);

/// Takes page numbers, contents lines and running headers and footers off
/// every page. Only lines in a page's top or bottom margin can be running
/// lines, so a sentence that recurs in the body ("Besluit: Voor
/// kennisgeving aangenomen.") stays.
/// Returns the lines taken off the first page: a running header may carry
/// a letter's labelled values (its date, its subject).
std::vector<std::string> drop_page_furniture(std::vector<LaidOutPage>& pages);

}  // namespace kamerzoek::corpus::pdf
