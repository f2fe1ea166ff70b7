"""The files an exchange names go into the library: the same bytes once, each written once on export."""

import json

import pytest

from articles.models import Article
from library.models import Document, Image
from tests import files
from tests.exchange.helpers import article, document, export_text, import_file

pytestmark = pytest.mark.django_db


def test_identical_files_become_one_record_and_are_exported_once(
    write_document, tmp_path
):
    photo, pdf = files.photo((320, 180)), files.pdf(3)
    path = write_document(
        document(
            articles=[
                article(
                    f"shared-{n}",
                    lead_image=f"images/articles/{n}.jpg",
                    lead_image_alt={"en": "Cranes"},
                    lead_image_focus_x=30,
                    pdf=f"files/{n}.pdf",
                )
                for n in (1, 2)
            ]
        )
    )
    (path.parent / "images/articles").mkdir(parents=True)
    (path.parent / "files").mkdir()
    for n in (1, 2):
        (path.parent / f"images/articles/{n}.jpg").write_bytes(photo)
        (path.parent / f"files/{n}.pdf").write_bytes(pdf)
    result = import_file(path)
    assert result.ok, result.stderr
    assert Image.objects.count() == 1 and Document.objects.count() == 1
    image = Image.objects.get()
    assert image.focus_x == 30
    assert set(Article.objects.values_list("lead_image", flat=True)) == {image.pk}
    assert set(Article.objects.values_list("page_count", flat=True)) == {3}

    out = tmp_path / "out" / "content.json"
    export_text(out)
    data = json.loads(out.read_text(encoding="utf-8"))
    leads = {a["lead_image"] for a in data["articles"]}
    pdfs = {a["pdf"] for a in data["articles"]}
    assert len(leads) == 1 and len(pdfs) == 1  # one path each, one file each
    assert sorted(p.name for p in (out.parent / "images/articles").iterdir()) == [
        leads.pop().rsplit("/", 1)[1]
    ]
    assert len(list((out.parent / "files").iterdir())) == 1
    # The round trip: importing the export over an empty library and exporting again.
    again = import_file(out)
    assert again.ok, again.stderr
    assert Image.objects.count() == 1 and Document.objects.count() == 1
    second = tmp_path / "second" / "content.json"
    export_text(second)
    assert second.read_bytes() == out.read_bytes()
