// The text of a PDF as lines with their place on the page and their font,
// built from poppler's words (text boxes). Everything the PDF reader decides
// about a line (letterhead, side column, heading, footnote, furniture) is
// decided from these.
#pragma once

#include <string>
#include <vector>

namespace poppler {
class document;
}

namespace kamerzoek::corpus::pdf {

/// One line of words sharing a baseline, in poppler's reading order (which
/// keeps columns and side columns apart). Coordinates are points from the
/// top left of the page.
struct TextLine {
    std::string text;
    double x0 = 0, x1 = 0, top = 0, bottom = 0;
    double size = 0;      // the font size of most of its letters
    bool bold = false;    // every word in a bold face
    bool italic = false;  // every word in an italic face
    /// Footnote markers set in superscript after a word ("draagmoederschap.¹"),
    /// kept out of `text`.
    std::vector<std::string> markers;
    /// A superscript number before the first word: the label of a footnote.
    std::string leading_marker;
    double height() const { return bottom - top; }
};

struct LaidOutPage {
    double width = 0, height = 0;
    std::vector<TextLine> lines;
};

/// Every page of `pdf` as lines (empty pages stay, as pages without lines).
std::vector<LaidOutPage> lay_out_pages(const poppler::document& pdf);

/// The font size most letters of the document are set in: the body text.
double body_font_size(const std::vector<LaidOutPage>& pages);

}  // namespace kamerzoek::corpus::pdf
