"""
core.pdfcover.render_cover: the first page of a PDF as a Pillow image, and a
clear error naming the file for anything it cannot draw.
"""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from fpdf import FPDF
from pypdf import PdfWriter

from core.pdfcover import MAX_WIDTH, PdfCoverError, render_cover

RED, BLUE = (200, 30, 40), (30, 60, 200)


def make_pdf(pages=4, rotate_first=0) -> bytes:
    """An A4 PDF: page 1 red in its top half, the other pages blue, text on each."""
    pdf = FPDF(format="A4", unit="mm")
    pdf.set_font("Helvetica", size=14)
    for number in range(1, pages + 1):
        pdf.add_page()
        pdf.set_fill_color(*(RED if number == 1 else BLUE))
        pdf.rect(0, 0, 210, 148.5, style="F")
        pdf.set_xy(20, 200)
        pdf.cell(0, 10, f"Page {number} of a report")
    data = bytes(pdf.output())
    if rotate_first:
        writer = PdfWriter(clone_from=io.BytesIO(data))
        writer.pages[0].rotate(rotate_first)
        out = io.BytesIO()
        writer.write(out)
        data = out.getvalue()
    return data


def colour_at(image, x, y):
    return image.getpixel((round(x * image.width), round(y * image.height)))


def near(colour, expected, tolerance=12):
    return all(abs(a - b) <= tolerance for a, b in zip(colour, expected, strict=True))


def test_draws_the_first_page_at_the_width_asked():
    data = make_pdf(pages=5)
    image = render_cover(data, 420, name="policy-note-79.pdf")
    assert image.mode == "RGB"
    # A4 keeps its proportions: 420 wide, 594 high (297/210).
    assert image.width == 420 and abs(image.height - 594) <= 1
    assert near(colour_at(image, 0.5, 0.25), RED)  # the first page, not another
    assert near(colour_at(image, 0.5, 0.9), (255, 255, 255))


def test_reads_django_files_open_or_closed(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(make_pdf(pages=3))
    with path.open("rb") as handle:
        opened = render_cover(File(handle), 200)
    closed = File(path.open("rb"))
    closed.close()
    assert render_cover(closed, 200).size == opened.size == (200, 283)
    assert render_cover(ContentFile(path.read_bytes()), 100).width == 100


def test_a_rotated_first_page_is_drawn_upright_and_landscape():
    image = render_cover(make_pdf(rotate_first=90), 600)
    assert image.width == 600 and abs(image.height - 424) <= 1  # 210/297 of the width


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"%PDF-1.7\n1 0 obj <</Type /Catalog /Pages 2 0 R", "unreadable"),
        (b"%PDF-1.4\n" + bytes(range(256)) * 40 + b"\n%%EOF\n", "unreadable"),
        (b"<html><body>not a pdf</body></html>", "not_pdf"),
        (b"", "not_pdf"),
    ],
)
def test_a_malformed_file_is_refused_naming_the_file(content, code):
    with pytest.raises(PdfCoverError) as refused:
        render_cover(content, 300, name="annual-report.pdf")
    assert isinstance(refused.value, ValidationError)
    assert refused.value.code == code
    (message,) = refused.value.messages
    assert message.startswith("Cannot draw the cover of “annual-report.pdf”: ")


def test_a_truncated_pdf_is_refused():
    """Half of a good file: PDFium either rebuilds it or refuses it, never crashes."""
    data = make_pdf(pages=3)
    try:
        image = render_cover(data[: len(data) // 2], 200, name="cut.pdf")
    except PdfCoverError as refused:
        assert refused.code in {"unreadable", "failed"}
        assert "“cut.pdf”" in refused.messages[0]
    else:
        assert image.width == 200


def test_a_pdf_without_pages_is_refused():
    out = io.BytesIO()
    PdfWriter().write(out)
    with pytest.raises(PdfCoverError) as refused:
        render_cover(out.getvalue(), 300, name="empty.pdf")
    assert refused.value.code in {"no_pages", "unreadable"}


def test_limits_are_enforced_before_drawing():
    data = make_pdf(pages=2)
    # Positive control: the same file within the limits is drawn.
    assert (
        render_cover(data, 300, max_bytes=len(data), max_pixels=300 * 425).width == 300
    )
    with pytest.raises(PdfCoverError) as refused:
        render_cover(data, 300, name="big.pdf", max_bytes=len(data) - 1)
    assert refused.value.code == "too_large"
    with pytest.raises(PdfCoverError) as refused:
        render_cover(data, 300, name="big.pdf", max_pixels=300 * 300)
    assert refused.value.code == "too_large"
    assert "first page is too large" in refused.value.messages[0]
    with pytest.raises(ValueError):
        render_cover(data, MAX_WIDTH + 1)
    with pytest.raises(ValueError):
        render_cover(data, 0)


def test_a_render_that_takes_too_long_is_stopped():
    with pytest.raises(PdfCoverError) as refused:
        render_cover(make_pdf(pages=2), 300, name="slow.pdf", timeout=0.001)
    assert refused.value.code == "timeout"
    assert "“slow.pdf”" in refused.value.messages[0]
