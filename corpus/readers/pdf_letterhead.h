// What a PDF says about itself outside its body text: a letter's letterhead
// and side column (retouradres, addressee, ministry and directorate, Datum,
// Onderwerp/Betreft, kenmerk, contact details), and the printed head and
// footers of a Kamerstuk ("35 538 … Nr. 4", "kst-35538-4"). Both are read
// into metadata and taken off the pages, so they never become passages.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "corpus/readers/pdf_layout.h"

namespace kamerzoek::corpus::pdf {

struct Letterhead {
    std::string date;     // ISO 8601, from "Datum" or a "Den Haag, 1 maart 2011" line
    std::string subject;  // from "Onderwerp" or "Betreft"
    std::string kenmerk;  // the sender's own reference, from "Ons kenmerk" or "Kenmerk"
};

/// Takes the letterhead off the first page and the side column off every
/// page, when the first page has a letter's subject line (or, for e-mails
/// and notes, an "Onderwerp:" header); nullopt, and pages untouched, when not.
/// `furniture` are the running lines already taken off the first page; their
/// labelled values count too. A `body_size` of 0 keeps side columns.
std::optional<Letterhead> take_letterhead(std::vector<LaidOutPage>& pages, double body_size,
                                          const std::vector<std::string>& furniture);

/// Takes off the letterhead of a letter that starts on a later page (a nota
/// with the letter it proposes behind it): everything above the letter's
/// labelled lines (Betreft, Datum, Kenmerk) and the side column beside its
/// body. Pages count only when they carry a subject line and another label.
void take_inner_letterheads(std::vector<LaidOutPage>& pages);

/// A Kamerstuk as the Staten-Generaal print it: its own id and title.
struct PrintedKamerstuk {
    std::string id;            // "kst-35538-4"
    std::string dossier;       // "35538"
    std::string number;        // "4"
    std::string vergaderjaar;  // "2019-2020"
    std::string chamber;       // "tk" or "ek"
    std::string title;         // dossier title; title of the paper
};

/// Reads the printed head of the first page and the footers that name the
/// paper ("Tweede Kamer, vergaderjaar 2019–2020, 35 538, nr. 4"), and takes
/// them off the pages; nullopt when the PDF prints no Kamerstuk id.
std::optional<PrintedKamerstuk> take_printed_kamerstuk(std::vector<LaidOutPage>& pages);

}  // namespace kamerzoek::corpus::pdf
