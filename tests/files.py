"""Image and PDF files made on the fly: good ones, and a corpus of hostile ones."""

import io
import itertools
import random
import struct
import zipfile
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from core.uploads import MARKUP

RED = (230, 20, 20)
_GRAIN = itertools.count()


def _texture(size):
    """Photo-like detail (a fractal and grain), grey so that only the dot is red."""
    from PIL import ImageFilter

    small = (max(1, min(size[0], 480)), max(1, min(size[1], 480)))
    fractal = Image.effect_mandelbrot(small, (-2.2, -1.2, 1.0, 1.2), 60)
    # Grain of our own seed (Pillow's effect_noise draws from the C library's
    # rand()): each picture differs from the others, as real photos do.
    noise = random.Random(next(_GRAIN)).randbytes(small[0] * small[1])
    grain = Image.frombytes("L", small, noise).point(
        lambda v: 128 + (v - 128) * 40 // 128
    )
    return (
        Image.blend(fractal, grain, 0.3)
        .filter(ImageFilter.GaussianBlur(1))
        .resize(size, Image.Resampling.BICUBIC)
    )


def photo(size=(1600, 900), format="JPEG", dot=None, mode="RGB", exif=None, **options):
    """A grey, textured picture; ``dot`` (x%, y%) paints a red disc there."""
    from PIL import ImageDraw

    width, height = size
    image = Image.merge("RGB", [_texture(size)] * 3)
    if mode != "RGB":
        image = image.convert(mode)
    if dot is not None:
        cx, cy = width * dot[0] / 100, height * dot[1] / 100
        r = max(6, min(width, height) // 25)
        ImageDraw.Draw(image).ellipse(
            (cx - r, cy - r, cx + r, cy + r), fill=RED if mode == "RGB" else (*RED, 255)
        )
    buffer = io.BytesIO()
    if exif is not None:
        options["exif"] = exif
    image.save(buffer, format, **options)
    data = buffer.getvalue()
    if MARKUP.search(data):
        # Compressed grain can spell "<svg" or "<a href" by chance, which the
        # upload checks rightly refuse: a photo for a test is drawn again.
        return photo(size, format, dot, mode, **options)
    return data


def gps_exif(orientation=None):
    """EXIF with a camera, a GPS position and (optionally) an orientation."""
    exif = Image.Exif()
    exif[0x010F] = "Snoopy Camera Co"  # Make
    exif[0x0110] = "Leaky 3000"  # Model
    if orientation:
        exif[0x0112] = orientation
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (48.0, 51.0, 29.0)
    gps[3] = "E"
    gps[4] = (2.0, 17.0, 40.0)
    return exif


def has_red(image, threshold=10):
    """Does ``image`` show the red dot (at least ``threshold`` clearly red pixels)?"""
    data = image.convert("RGB").tobytes()
    reds = sum(
        1
        for i in range(0, len(data), 3)
        if data[i] > 180 and data[i + 1] < 90 and data[i + 2] < 90
    )
    return reds >= threshold


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def png_with_size(width, height):
    """A PNG whose header claims ``width`` × ``height`` over a tiny body (a bomb's shape)."""
    raw = photo((8, 8), "PNG")
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    # Keep the signature, swap the IHDR chunk (the first one, 25 bytes).
    return raw[:8] + _png_chunk(b"IHDR", ihdr) + raw[33:]


def png_bomb(side=30000):
    """A real deflate bomb: ``side``² black pixels compressed to a few kB."""
    row = b"\x00" + b"\x00" * side  # filter byte + 1 byte per grey pixel
    compressor = zlib.compressobj(9)
    body = b"".join(compressor.compress(row) for _ in range(200)) + compressor.flush()
    ihdr = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", ihdr)
        + _png_chunk(b"IDAT", body)
        + _png_chunk(b"IEND", b"")
    )


def jpeg_with_size(width, height):
    """A JPEG whose SOF header claims ``width`` × ``height``."""
    data = bytearray(photo((16, 16)))
    at = data.find(b"\xff\xc0")
    if at < 0:
        at = data.find(b"\xff\xc2")
    struct.pack_into(">HH", data, at + 5, height, width)
    return bytes(data)


def jpeg_with_comment(text: bytes):
    data = photo((64, 48))
    comment = b"\xff\xfe" + struct.pack(">H", len(text) + 2) + text
    return data[:2] + comment + data[2:]


def png_with_text(key: bytes, text: bytes, kind=b"tEXt"):
    data = photo((64, 48), "PNG")
    return data[:33] + _png_chunk(kind, key + b"\x00" + text) + data[33:]


def zip_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("payload.html", "<html><script>alert(1)</script></html>")
    return buffer.getvalue()


def pdf(
    pages=3, text="A test report", *, catalog=b"", page=b"", objects=(), comment=b""
):
    """
    A small, valid PDF of ``pages`` pages, written by hand.

    ``catalog`` and ``page`` add entries to the catalog and the first page's
    dictionaries, ``objects`` adds objects (numbered from ``pages + 3`` on),
    ``comment`` goes after the header: the ways to hide active content.
    """
    objects_ = [b"<< /Type /Catalog /Pages 2 0 R " + catalog + b">>"]
    kids = " ".join(f"{3 + i} 0 R" for i in range(pages))
    objects_.append(f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode())
    for number in range(pages):
        extra = page if number == 0 else b""
        objects_.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] " + extra + b">>"
        )
    objects_.extend(objects)
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + comment)
    offsets = []
    for number, body in enumerate(objects_, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects_) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects_) + 1} /Root 1 0 R /Info << /Title ({text}) >> >>\n"
        f"startxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)


def _stream(data: bytes, entries=b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n%s\nendstream" % (len(data), entries, data)


def pdf_with_object_stream(hidden: bytes) -> bytes:
    """A PDF 1.5 whose open action (``hidden``) sits compressed in an object stream."""
    # Objects: 1 catalog, 2 pages, 3 page, 4 the action (inside 5, the object stream), 6 xref stream.
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    plain = {
        1: b"<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
    }
    for number, body in plain.items():
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    header = b"4 0 "
    packed = zlib.compress(header + hidden)
    offsets[5] = len(out)
    out += (
        b"5 0 obj\n<< /Type /ObjStm /N 1 /First %d /Filter /FlateDecode /Length %d >>\nstream\n"
        % (len(header), len(packed))
        + packed
        + b"\nendstream\nendobj\n"
    )
    offsets[6] = len(out)
    rows = [struct.pack(">BIH", 0, 0, 65535)]
    for number in (1, 2, 3):
        rows.append(struct.pack(">BIH", 1, offsets[number], 0))
    rows.append(struct.pack(">BIH", 2, 5, 0))  # object 4: the first in stream 5
    rows.append(struct.pack(">BIH", 1, offsets[5], 0))
    rows.append(struct.pack(">BIH", 1, offsets[6], 0))
    table = zlib.compress(b"".join(rows))
    out += (
        b"6 0 obj\n<< /Type /XRef /Size 7 /W [1 4 2] /Root 1 0 R /Filter /FlateDecode /Length %d >>\nstream\n"
        % len(table)
        + table
        + b"\nendstream\nendobj\n"
    )
    out += b"startxref\n%d\n%%%%EOF\n" % offsets[6]
    return bytes(out)


def pdf_written_by_pypdf(javascript=None, attachment=None):
    """A PDF that a real tool (pypdf's writer) made, with a script or an attachment."""
    from pypdf import PdfWriter
    from pypdf.actions import JavaScript

    writer = PdfWriter()
    writer.add_blank_page(612, 792)
    if javascript:
        writer.add_open_action(JavaScript(javascript))
    if attachment:
        writer.add_attachment(*attachment)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def active_pdfs():
    """(id, bytes, what the refusal names) for PDFs that carry active content."""
    first = 5  # the number of the first extra object in a two-page pdf()
    alert = b"(app.alert\\(document.cookie\\))"
    return [
        (
            "javascript-open-action",
            pdf(2, catalog=b"/OpenAction %d 0 R " % first,
                objects=[b"<< /Type /Action /S /JavaScript /JS " + alert + b" >>"]),
            "JavaScript",
        ),
        (
            "javascript-name-tree",
            pdf(2, catalog=b"/Names << /JavaScript << /Names [(init) %d 0 R] >> >> " % first,
                objects=[b"<< /S /JavaScript /JS %d 0 R >>" % (first + 1),
                         _stream(b"app.launchURL('https://evil.example/');")]),
            "JavaScript",
        ),
        (
            "javascript-escaped-names",
            pdf(2, catalog=b"/OpenAction << /S /J#61vaScript /J#53 " + alert + b" >> "),
            "JavaScript",
        ),
        (
            "javascript-page-open-action",
            pdf(2, page=b"/AA << /O << /S /JavaScript /JS " + alert + b" >> >> "),
            "JavaScript",
        ),
        (
            "javascript-uri-link",
            pdf(2, page=b"/Annots [<< /Type /Annot /Subtype /Link /Rect [0 0 99 99] "
                b"/A << /S /URI /URI ( JavaScript:alert\\(1\\)) >> >>] "),
            "JavaScript",
        ),
        (
            "javascript-by-pypdf",
            pdf_written_by_pypdf(javascript="app.alert('hello');"),
            "JavaScript",
        ),
        (
            "javascript-in-object-stream",
            pdf_with_object_stream(b"<< /S /JavaScript /JS " + alert + b" >>"),
            "JavaScript",
        ),
        (
            "launch-action",
            pdf(2, catalog=b"/OpenAction << /S /Launch /F (cmd.exe) "
                b"/Win << /F (cmd.exe) /P (/c calc.exe) >> >> "),
            "launch action",
        ),
        (
            "embedded-file",
            pdf(2, catalog=b"/Names << /EmbeddedFiles << /Names [(payload.exe) %d 0 R] >> >> " % first,
                objects=[b"<< /Type /Filespec /F (payload.exe) /EF << /F %d 0 R >> >>" % (first + 1),
                         _stream(b"MZ\x90\x00 not really a program", b"/Type /EmbeddedFile ")]),
            "embedded file",
        ),
        (
            "file-attachment-annotation",
            pdf(2, page=b"/Annots [<< /Type /Annot /Subtype /FileAttachment /Rect [0 0 9 9] "
                b"/FS << /Type /Filespec /F (invoice.exe) >> >>] "),
            "embedded file",
        ),
        (
            "attachment-by-pypdf",
            pdf_written_by_pypdf(attachment=("notes.html", HTML)),
            "embedded file",
        ),
        (
            "html-polyglot-comment",
            pdf(2, comment=b"%" + HTML + b"\n"),
            "HTML",
        ),
        (
            "html-polyglot-stream",
            pdf(2, objects=[_stream(b"<html><body><iframe src=//evil.example></iframe>")]),
            "HTML",
        ),
    ]  # fmt: skip


def pdf_with_link(url="https://www.example.org/report"):
    """A clean PDF whose first page links to ``url``: links are not active content."""
    return pdf(
        2,
        page=b"/Annots [<< /Type /Annot /Subtype /Link /Rect [0 0 99 99] "
        b"/A << /S /URI /URI (%s) >> >>] " % url.encode(),
    )


SVG_SCRIPT = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script><rect width="10" height="10"/></svg>'
HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"


def hostile_images():
    """
    (id, file name, bytes, settings overrides, the refusal's ValidationError
    code) for every file an image field must refuse.
    """
    jpeg = photo((120, 80))
    png = photo((120, 80), "PNG")
    webp = photo((120, 80), "WEBP")
    avif = photo((120, 80), "AVIF")
    gif = photo((40, 40), "GIF")
    bmp = photo((40, 40), "BMP")
    tiff = photo((40, 40), "TIFF")
    ico = photo((32, 32), "ICO")
    corpus = [
        ("zero-byte", "photo.jpg", b"", {}, "empty"),
        (
            "text-as-jpg",
            "photo.jpg",
            b"just some words, not an image\n" * 5,
            {},
            "not_image",
        ),
        ("html-as-jpg", "photo.jpg", HTML, {}, "markup"),
        ("html-bom-as-png", "photo.png", b"\xef\xbb\xbf" + HTML, {}, "markup"),
        ("html-as-webp", "photo.webp", HTML, {}, "markup"),
        ("svg-script", "logo.svg", SVG_SCRIPT, {}, "markup"),
        ("svg-as-jpg", "logo.jpg", SVG_SCRIPT, {}, "markup"),
        (
            "svg-prolog-as-png",
            "logo.png",
            b'<?xml version="1.0"?>\n' + SVG_SCRIPT,
            {},
            "markup",
        ),
        ("svg-as-avif", "logo.avif", SVG_SCRIPT, {}, "markup"),
        ("jpeg+html", "photo.jpg", jpeg + HTML, {}, "polyglot"),
        ("jpeg+zip", "photo.jpg", jpeg + zip_bytes(), {}, "polyglot"),
        ("jpeg+pdf", "photo.jpg", jpeg + pdf(1), {}, "polyglot"),
        ("png+zip", "photo.png", png + zip_bytes(), {}, "polyglot"),
        (
            "png+html-upper",
            "photo.png",
            png + b"<HTML><BODY>hi</BODY></HTML>",
            {},
            "polyglot",
        ),
        ("webp+html", "photo.webp", webp + HTML, {}, "polyglot"),
        ("avif+zip", "photo.avif", avif + zip_bytes(), {}, "polyglot"),
        (
            "jpeg-comment-script",
            "photo.jpg",
            jpeg_with_comment(b"<script>alert(1)</script>"),
            {},
            "polyglot",
        ),
        (
            "jpeg-comment-php",
            "photo.jpg",
            jpeg_with_comment(b"<?php system($_GET['c']); ?>"),
            {},
            "polyglot",
        ),
        (
            "jpeg-comment-javascript-url",
            "photo.jpg",
            jpeg_with_comment(b"javascript:alert(1)"),
            {},
            "polyglot",
        ),
        (
            "png-text-script",
            "photo.png",
            png_with_text(b"Comment", b"<script>x()</script>"),
            {},
            "polyglot",
        ),
        (
            "png-itxt-iframe",
            "photo.png",
            png_with_text(b"XML", b"\x00\x00\x00\x00<iframe src=x>", b"iTXt"),
            {},
            "polyglot",
        ),
        ("gif", "photo.jpg", gif, {}, "not_image"),
        ("gif-named-gif", "anim.gif", gif, {}, "not_image"),
        (
            "gif-script",
            "photo.gif",
            b"GIF89a<script>alert(1)</script>",
            {},
            "not_image",
        ),
        ("bmp", "photo.jpg", bmp, {}, "not_image"),
        ("tiff", "photo.tif", tiff, {}, "not_image"),
        ("ico", "favicon.jpg", ico, {}, "not_image"),
        ("pdf-as-jpg", "photo.jpg", pdf(1), {}, "not_image"),
        ("zip-as-jpg", "photo.jpg", zip_bytes(), {}, "not_image"),
        ("exe-as-jpg", "photo.jpg", b"MZ\x90\x00" + b"\x00" * 200, {}, "not_image"),
        ("random-bytes", "photo.jpg", bytes(range(256)) * 8, {}, "not_image"),
        ("truncated-jpeg", "photo.jpg", photo((400, 300))[:1500], {}, "damaged"),
        ("truncated-png", "photo.png", png[: len(png) // 2], {}, "damaged"),
        ("truncated-webp", "photo.webp", webp[: len(webp) // 2], {}, "damaged"),
        ("truncated-avif", "photo.avif", avif[: len(avif) // 2], {}, "damaged"),
        ("jpeg-magic-only", "photo.jpg", b"\xff\xd8\xff", {}, "damaged"),
        ("png-signature-only", "photo.png", b"\x89PNG\r\n\x1a\n", {}, "damaged"),
        (
            "webp-header-only",
            "photo.webp",
            b"RIFF\x10\x00\x00\x00WEBPVP8 ",
            {},
            "damaged",
        ),
        (
            "png-bad-crc",
            "photo.png",
            png[:29] + b"\x00\x00\x00\x00" + png[33:],
            {},
            "damaged",
        ),
        ("png-bomb", "bomb.png", png_bomb(), {}, "too_many_pixels"),
        (
            "png-claims-30000-square",
            "huge.png",
            png_with_size(30000, 30000),
            {},
            "too_many_pixels",
        ),
        (
            "png-claims-100000-wide",
            "wide.png",
            png_with_size(100000, 1),
            {},
            "too_many_pixels",
        ),
        ("png-claims-zero-size", "zero.png", png_with_size(0, 0), {}, "damaged"),
        (
            "jpeg-claims-65000-square",
            "huge.jpg",
            jpeg_with_size(65000, 65000),
            {},
            "too_many_pixels",
        ),
        (
            "over-pixel-limit",
            "big.png",
            photo((400, 300), "PNG"),
            {"UPLOAD_IMAGE_MAX_PIXELS": 100_000},
            "too_many_pixels",
        ),
        (
            "over-byte-limit",
            "big.jpg",
            photo((400, 300), quality=95),
            {"UPLOAD_IMAGE_MAX_BYTES": 2_000},
            "too_large",
        ),
        (
            "evil-path-text",
            "../../etc/passwd.jpg",
            b"root:x:0:0:root:/root:/bin/bash\n",
            {},
            "not_image",
        ),
        ("rtl-override-html", "\u202egpj.exe", HTML, {}, "markup"),
        ("nul-in-name-svg", "photo\x00.svg.jpg", SVG_SCRIPT, {}, "markup"),
        ("very-long-name-html", "a" * 400 + ".jpg", HTML, {}, "markup"),
        ("windows-path-svg", "C:\\Users\\x\\..\\logo.jpg", SVG_SCRIPT, {}, "markup"),
        (
            "unicode-name-truncated",
            "صورة-😀.jpg",
            photo((200, 200))[:700],
            {},
            "damaged",
        ),
    ]
    return corpus


def encrypted_pdf(user_password="secret"):
    """A valid PDF locked with ``user_password`` ("" for one that opens without it)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf(2))))
    writer.encrypt(user_password, owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def hostile_pdfs():
    """Like ``hostile_images()``, for every file a PDF field must refuse."""
    good = pdf(4)
    return [
        ("zero-byte", "report.pdf", b"", {}, "empty"),
        ("html-as-pdf", "report.pdf", HTML, {}, "not_pdf"),
        ("jpeg-as-pdf", "report.pdf", photo((50, 50)), {}, "not_pdf"),
        ("zip-as-pdf", "report.pdf", zip_bytes(), {}, "not_pdf"),
        ("header-only", "report.pdf", b"%PDF-1.7\n", {}, "damaged"),
        (
            "no-eof-marker",
            "report.pdf",
            good.replace(b"%%EOF", b"%%XXX"),
            {},
            "damaged",
        ),
        ("truncated", "report.pdf", good[: len(good) // 2], {}, "damaged"),
        (
            "garbage-between",
            "report.pdf",
            b"%PDF-1.7\n" + bytes(range(256)) * 4 + b"\n%%EOF\n",
            {},
            "damaged",
        ),
        ("html-then-pdf", "report.pdf", HTML + good, {}, "not_pdf"),
        (
            "over-byte-limit",
            "report.pdf",
            good,
            {"UPLOAD_PDF_MAX_BYTES": 100},
            "too_large",
        ),
        ("password-protected", "report.pdf", encrypted_pdf(), {}, "encrypted"),
        ("evil-name-html", "../../report.pdf", HTML, {}, "not_pdf"),
        *(
            (case, "report.pdf", content, {}, "active_content")
            for case, content, _what in active_pdfs()
        ),
    ]


def png_upload(name="picture.png", size=(40, 30)):
    """A small real PNG, as a browser uploads it."""
    buffer = io.BytesIO()
    Image.new("RGB", size, (90, 110, 140)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def pdf_upload(name="report.pdf", pages=2):
    """A small real PDF of ``pages`` pages, as a browser uploads it."""
    return SimpleUploadedFile(name, pdf(pages), content_type="application/pdf")


def library_image(content=None, name="photo.jpg", **values):
    """The library's image of ``content`` (a photo by default), as an upload stores it."""
    from django.core.files.base import ContentFile

    from library.services import image_from_upload

    content = photo() if content is None else content
    return image_from_upload(ContentFile(content, name=name), **values)


def library_document(content=None, name="report.pdf", **values):
    """The library's document of ``content`` (a two-page PDF by default)."""
    from django.core.files.base import ContentFile

    from library.services import document_from_upload

    content = pdf(2) if content is None else content
    return document_from_upload(ContentFile(content, name=name), **values)
