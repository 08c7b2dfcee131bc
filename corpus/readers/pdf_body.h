// The body of a PDF as blocks, read from laid-out lines: paragraphs that run
// on across columns and page breaks, headings told by their font (weight,
// slant, size), and footnotes set smaller at the foot of a page.
#pragma once

#include <vector>

#include "corpus/document.h"
#include "corpus/readers/pdf_layout.h"

namespace kamerzoek::corpus::pdf {

/// Whether the text sets anything apart by its font. Text layers put on
/// scans by OCR use one invisible font throughout and do not.
bool has_typography(const std::vector<LaidOutPage>& pages, double body_size);

/// Whether a block is a table: rows on lines of their own, cells separated
/// by " | ".
bool is_table(const Block& block);

/// Headings, paragraphs, tables and footnotes in reading order. A footnote follows
/// the paragraph it was cut from when the paragraph runs on to the next page.
std::vector<Block> body_blocks(const std::vector<LaidOutPage>& pages, double body_size);

}  // namespace kamerzoek::corpus::pdf
