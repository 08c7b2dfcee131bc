#!/usr/bin/env python3
"""Writes the PDF fixtures of tests/pdf_reader_test.cc (run from this folder).

The PDFs are built by hand with the standard Helvetica font, so that every
line, running header and page number sits exactly where the tests expect it.
"""


def pdf_string(text):
    data = text.encode("cp1252")
    return b"(" + data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def page_stream(lines):
    """lines: (x, y, size, text) in points from the bottom left."""
    out = []
    for x, y, size, text in lines:
        out.append(b"BT /F1 %d Tf %d %d Td " % (size, x, y) + pdf_string(text) + b" Tj ET")
    return b"\n".join(out)


def write_pdf(path, pages):
    objects = []  # bodies; object n is objects[n - 1]

    def add(body):
        objects.append(body)
        return len(objects)

    catalog = add(None)
    tree = add(None)
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    kids = []
    for lines in pages:
        stream = page_stream(lines)
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] "
                        b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
                        % (tree, font, content)))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % tree
    objects[tree - 1] = (b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids)
                         + b"] /Count %d >>" % len(kids))
    info = add(b"<< /Title (Microsoft Word - brief.docx) /Producer (kamerzoek fixtures) >>")
    data = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(data))
        data += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(data)
    data += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        data += b"%010d 00000 n \n" % offset
    data += (b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
             % (len(objects) + 1, catalog, info, xref))
    with open(path, "wb") as f:
        f.write(data)


def body(y, texts, x=72, size=11, leading=14):
    lines = []
    for text in texts:
        if text:
            lines.append((x, y, size, text))
        y -= leading
    return lines


HEADER = "Ministerie van Buitenlandse Zaken  |  Kenmerk BZ-2016-0042"

page1 = [(72, 800, 8, HEADER)] + body(740, [
    "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal",
    "Binnenhof 4",
    "Den Haag",
    "",
    "Den Haag, 9 februari 2016",
    "Onderwerp: Conferentie over terugkerende strijders",
    "",
    "Geachte voorzitter,",
    "",
    "Hierbij informeer ik uw Kamer over de internationale samen-",
    "werking tegen terugkerende strijders, zoals toegezegd in mijn",
    "eerdere brief1. Het kabinet hecht aan een gezamenlijke aanpak",
    "met de partnerlanden en de Europese instellingen.",
    "",
    "De conferentie in Den Haag bracht ministers uit dertig landen",
    "bijeen. Zij spraken over informatie-uitwisseling, grenscontrole",
    "en de rol van lokale overheden bij de preventie van radicali-",
    "sering.",
]) + [
    (72, 90, 8, "1 Kamerstuk 29754, nr. 253"),
    (290, 40, 9, "1"),
]
page2 = [(72, 800, 8, HEADER)] + body(740, [
    "Over de uitkomsten van de conferentie informeer ik u nader in",
    "het voorjaar. Ik zie uit naar het debat met uw Kamer over de",
    "voortgang van deze samenwerking.",
    "",
    "De Minister van Buitenlandse Zaken,",
    "",
    "A.G. Koenders",
]) + [(290, 40, 9, "2")]

write_pdf("kamerbrief.pdf", [page1, page2])
write_pdf("blank-pages.pdf", [[], []])
with open("corrupt.pdf", "wb") as f:
    f.write(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R\nthis is not a PDF any more\n")
