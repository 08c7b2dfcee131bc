#!/usr/bin/env python3
"""Writes the PDF fixtures of tests/pdf_reader_test.cc (run from this folder).

The PDFs are built by hand with the standard Helvetica font, so that every
line, running header and page number sits exactly where the tests expect it.
"""


def pdf_string(text):
    data = text.encode("cp1252")
    return b"(" + data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def page_stream(lines):
    """lines: (x, y, size, text) or (x, y, size, text, font) in points from
    the bottom left; font is "F1" (Helvetica, the default) or "F2" (bold).
    A page given as bytes is its content stream already."""
    if isinstance(lines, bytes):
        return lines
    out = []
    for line in lines:
        x, y, size, text = line[:4]
        font = line[4] if len(line) > 4 else "F1"
        out.append(b"BT /%s %g Tf %g %g Td " % (font.encode(), size, x, y) + pdf_string(text)
                   + b" Tj ET")
    return b"\n".join(out)


def write_pdf(path, pages):
    objects = []  # bodies; object n is objects[n - 1]

    def add(body):
        objects.append(body)
        return len(objects)

    catalog = add(None)
    tree = add(None)
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    bold = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold "
               b"/Encoding /WinAnsiEncoding >>")
    kids = []
    for lines in pages:
        stream = page_stream(lines)
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] "
                        b"/Resources << /Font << /F1 %d 0 R /F2 %d 0 R >> >> /Contents %d 0 R >>"
                        % (tree, font, bold, content)))
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

# A letter in the government's house style: letterhead and a side column in
# small type, labelled Datum/Onderwerp/Ons kenmerk lines, bold headings, a
# superscript footnote marker, a footnote in small type at the foot of the
# page, a sentence running on across the page break, "Pagina N van M".
SIDE = [(400, 760, 6.5, "Directoraat-Generaal Rechtspleging", "F2"),
        (400, 751, 6.5, "Directie Wetgeving"),
        (400, 735, 6.5, "Turfmarkt 147"),
        (400, 726, 6.5, "2511 DP Den Haag"),
        (400, 710, 6.5, "Ons kenmerk", "F2"),
        (400, 701, 6.5, "2024-0001234")]
house1 = [(72, 800, 6.5, "> Retouradres Postbus 20301 2500 EH Den Haag"),
          (400, 800, 9, "Ministerie van Justitie en Veiligheid", "F2")] + SIDE + body(770, [
    "Aan de Voorzitter van de Tweede Kamer",
    "der Staten-Generaal",
    "Postbus 20018",
    "2500 EA DEN HAAG",
], size=9, leading=12) + body(690, [
    "Datum      4 maart 2024",
    "Onderwerp  Toekomst van het erfrecht",
], size=9, leading=12) + body(650, [
    "Met deze brief informeer ik uw Kamer over het erfrecht en de",
    "gevolgen van het draagmoederschap voor de wet- en",
    "regelgeving. Het kabinet wil de wet-",
    "en regelgeving moderniseren.",
], size=9, leading=12) + [
    (72, 590, 9, "Erfopvolging", "F2"),
] + body(578, [
    "Bij het onderzoek naar draagmoederschap", "",
], size=9, leading=12) + [
    (247, 582, 6, "1"),
    (252, 578, 9, " bleek dat de erfopvolging in veel gevallen"),
] + body(566, [
    "onduidelijk is. De rechter beslist dan over de vraag wie",
], size=9, leading=12) + [
    (72, 100, 6, "1"),
    (77, 97, 8, "Kamerstukken II 2023/24, 33 836, nr. 80."),
    (400, 40, 6.5, "Pagina 1 van 2"),
]
house2 = SIDE + body(760, [
    "erfgenaam is van het kind. Dat wil ik voorkomen.",
    "",
    "De Minister voor Rechtsbescherming,",
], size=9, leading=12) + [(400, 40, 6.5, "Pagina 2 van 2")]
write_pdf("house-style-letter.pdf", [house1, house2])

# A Kamerstuk as the Staten-Generaal print it, with its own id in the head
# and the footer.
printed = [
    (40, 800, 18, "Tweede Kamer der Staten-Generaal", "F2"),
    (40, 760, 9.5, "Vergaderjaar 2023\u20132024"),
    (40, 700, 12.5, "36 123", "F2"),
    (200, 700, 12.5, "Regels over het bewaren van archieven", "F2"),
    (40, 650, 9, "Nr. 7", "F2"),
    (200, 650, 9, "BRIEF VAN DE MINISTER VAN ONDERWIJS", "F2"),
    (200, 620, 9, "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal"),
    (200, 600, 9, "Den Haag, 12 februari 2024"),
    (200, 580, 9, "Hierbij bied ik u het advies over het archiefbeleid aan, zoals"),
    (200, 568, 9, "toegezegd in het debat over de archiefwet."),
    (40, 90, 6, "kst-36123-7"),
    (40, 82, 6, "ISSN 0921 - 7371"),
    (40, 74, 6, "\u2019s-Gravenhage 2024"),
    (200, 74, 9, "Tweede Kamer, vergaderjaar 2023\u20132024, 36 123, nr. 7"),
]
write_pdf("printed-kamerstuk.pdf", [printed])
write_pdf("blank-pages.pdf", [[], []])
# A table in smaller type at the foot of the body text: bold header cells,
# rows that open with a number. It is neither headings nor footnotes.
table = body(780, [
    "De normering voor de analyse is als volgt samengesteld. Voor de ernst",
    "geldt de schaal hieronder, van niet ernstig tot catastrofaal.",
]) + [
    (72, 700, 9, "Effect", "F2"), (250, 700, 9, "Score", "F2"), (350, 700, 9, "Waardering", "F2"),
    (72, 686, 9, "Kabinetscrisis"), (250, 686, 9, "5"), (350, 686, 9, "Catastrofaal"),
    (72, 672, 9, "Motie van wantrouwen"), (250, 672, 9, "4"), (350, 672, 9, "Zeer schadelijk"),
    (72, 658, 9, "Kamervragen"), (250, 658, 9, "1"), (350, 658, 9, "Niet ernstig"),
] + body(620, [
    "De normering is zo gekozen dat elk risico een plaats op de schaal",
    "krijgt.",
])
write_pdf("table.pdf", [table])


def ocr_line(y, words, x=72):
    """A line of an OCR text layer: each word sized to its own box, numbers
    smaller and raised (they have no descenders)."""
    out = [b"BT %g %g Td" % (x, y)]
    for i, word in enumerate(words):
        number = word.strip(",.").isdigit()
        size = 6 if number else (7.5 if i % 2 == 0 else 7)
        out.append(b"/F1 %g Tf %g Ts " % (size, 1 if number else 0) + pdf_string(word + " ")
                   + b" Tj")
    out.append(b"ET")
    return b"\n".join(out)


ocr = b"\n".join([
    ocr_line(700, "U wordt verzocht de brief uiterlijk vrijdag 11 september te tekenen.".split()),
    ocr_line(640, "Het stuk komt op 4 oktober, 18 oktober en 8 november aan de orde.".split()),
])
write_pdf("ocr-layer.pdf", [ocr])

with open("corrupt.pdf", "wb") as f:
    f.write(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R\nthis is not a PDF any more\n")

# A small PDF whose one Flate-compressed content stream expands to megabytes
# of text-drawing operators: poppler takes minutes over it, so it is what
# the reader's time limit is tested with.
def write_expanding_stream_pdf(path, operators=60000):
    import zlib
    content = b"".join(b"BT /F1 12 Tf 72 700 Td (regel %d) Tj ET\n" % (i % 50)
                       for i in range(operators))
    packed = zlib.compress(content, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    data = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(data))
        data += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(data)
    data += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        data += b"%010d 00000 n \n" % offset
    data += (b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
             % (len(objects) + 1, xref))
    with open(path, "wb") as f:
        f.write(data)


write_expanding_stream_pdf("expanding-stream.pdf")
