// The documents a ministry releases under the Woo are mostly its own
// working papers, printed to PDF and often scanned: e-mail threads and notes
// to the minister (nota's). Their heads are forms, not text: an e-mail's
// From/Sent/To/Subject block (Van/Verzonden/Aan/Onderwerp in Dutch) and a
// nota's "(ter beslissing) <onderwerp>" with its side column (Datum,
// Kenmerk). Both are read into metadata and taken off the pages, so that the
// title says what the paper is about and no passage is a row of redacted
// addresses.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "corpus/readers/pdf_layout.h"

namespace kamerzoek::corpus::pdf {

struct MemoHead {
    std::string subject;  // "Voorstel werkgroep aerogene transmissie" (RE:/FW: taken off)
    std::string date;     // ISO 8601, from Sent/Verzonden or the nota's Datum
    std::string kenmerk;  // a nota's own reference ("1739903-209722-PG")
};

/// When the first page opens with e-mail headers: takes every header block
/// (of the first message and of those quoted below it, on any page) off the
/// pages and returns the first message's subject and date; nullopt, pages
/// untouched, when the PDF is not an e-mail.
std::optional<MemoHead> take_email_headers(std::vector<LaidOutPage>& pages);

/// When the first page is a nota's head ("Nota", "(ter beslissing)" and its
/// subject, a side column with Datum and Kenmerk): takes the head and the
/// side column off the first page and returns them; nullopt, pages
/// untouched, when not.
std::optional<MemoHead> take_nota_head(std::vector<LaidOutPage>& pages);

}  // namespace kamerzoek::corpus::pdf
