import json

import pytest
from PIL import Image

from articles.models import Article
from tests import files
from tests.exchange.helpers import (
    SAMPLE,
    article,
    counts,
    document,
    expert,
    import_file,
    topic,
)
from tests.factories import make_article, make_region

pytestmark = pytest.mark.django_db


def refused(path) -> list[str]:
    """Import ``path``, check it failed without writing, and return its messages."""
    before = counts()
    result = import_file(path)
    assert not result.ok
    assert "nothing was written" in result.error
    assert counts() == before
    return result.messages


def test_every_problem_of_the_file_is_reported_at_once(write_document):
    """Several bad records give one message each, naming record and field; nothing is written."""
    path = write_document(
        document(
            topics=[topic("energy", name={"en": "Energy", "fr": "Énergie"})],
            experts=[expert("jane-roe", status="retired")],
            articles=[
                article("fine-article", authors=["jane-roe"]),
                article("iran-talks", authors=["jane-doe"]),
                article("no-date", published_at=None),
                article("naive-date", published_at="2024-01-15T09:00:00"),
                article(
                    "arabic-missing",
                    languages=["en", "ar"],
                    title={"en": "T", "ar": "ع"},
                ),
            ],
        )
    )
    assert refused(path) == [
        'topics[0] (slug "energy"): name: unknown language "fr" (this site has "en", "ar")',
        "experts[0] (slug \"jane-roe\"): status: Value 'retired' is not a valid choice.",
        'articles[1] (slug "iran-talks"): authors: unknown expert "jane-doe"',
        'articles[2] (slug "no-date"): published_at: A published or scheduled article needs a publication date.',
        (
            'articles[3] (slug "naive-date"): published_at: "2024-01-15T09:00:00" has no UTC offset, '
            'e.g. "2023-06-13T09:00:00-04:00"'
        ),
        (
            'articles[4] (slug "arabic-missing"): languages.ar: To publish this language version, '
            "fill in: summary [ar], body [ar]."
        ),
    ]


def test_nothing_is_written_when_only_the_last_record_is_bad(write_document):
    """All or nothing: good records before a bad one are not stored either."""
    data = document(
        experts=[expert("good-one")],
        articles=[article("good"), article("bad", type="no-such-type")],
    )
    assert refused(write_document(data)) == [
        'articles[1] (slug "bad"): type: unknown article type "no-such-type"'
    ]


def test_wrong_or_missing_format_is_refused(write_document):
    """Only thinktank-exchange/1 is read."""
    assert refused(
        write_document({"format": "thinktank-exchange/2", "topics": []})
    ) == [
        'format: "thinktank-exchange/2" is not supported; this importer reads "thinktank-exchange/1"'
    ]
    assert refused(write_document({"topics": []})) == [
        '"format" is missing; it must be "thinktank-exchange/1"'
    ]


def test_unknown_top_level_key_is_refused(write_document):
    """A section this version does not define is an error, not silently dropped."""
    messages = refused(write_document(document(podcasts=[], topics=[topic("energy")])))
    assert messages == [
        (
            'unknown top-level key "podcasts" (allowed: "format", "article_types", "topics", '
            '"regions", "experts", "articles")'
        )
    ]


def test_unknown_field_is_refused(write_document):
    """A field this version does not define is an error naming the record and the field."""
    path = write_document(document(articles=[article("with-colour", colour="blue")]))
    assert refused(path) == [
        'articles[0] (slug "with-colour"): colour: unknown field (not part of thinktank-exchange/1)'
    ]


def test_unknown_language_is_refused(write_document):
    """A language the site does not have is an error, in translated fields and in ``languages``."""
    path = write_document(
        document(
            articles=[
                article("french", title={"en": "T", "fr": "T"}, languages=["en", "fr"])
            ]
        )
    )
    assert refused(path) == [
        'articles[0] (slug "french"): title: unknown language "fr" (this site has "en", "ar")',
        'articles[0] (slug "french"): languages: unknown language "fr" (this site has "en", "ar")',
    ]


def test_slug_clash_inside_the_file_names_the_other_record(write_document):
    """A topic and a region may not share a slug, nor an article and a topic."""
    path = write_document(
        document(
            topics=[topic("gulf"), topic("oil")],
            regions=[{"slug": "gulf", "name": {"en": "Gulf"}}],
            articles=[article("oil")],
        )
    )
    assert refused(path) == [
        'regions[0] (slug "gulf"): slug: "gulf" is also the slug of topics[0] (slug "gulf") in this file',
        'articles[0] (slug "oil"): slug.en: "oil" is also the slug of topics[1] (slug "oil") in this file',
    ]


def test_slug_clash_with_the_database_names_the_other_record(write_document):
    """A new topic may not take the slug of a stored article or region."""
    make_article("Iran Talks", slug_en="iran-talks")
    make_region("Levant", slug="levant")
    path = write_document(document(topics=[topic("iran-talks"), topic("levant")]))
    assert refused(path) == [
        'topics[0] (slug "iran-talks"): slug: This address is already used by article "Iran Talks".',
        'topics[1] (slug "levant"): slug: This address is already used by region "Levant".',
    ]


def test_duplicate_records_are_refused(write_document):
    """One slug names one record."""
    path = write_document(document(experts=[expert("same"), expert("same")]))
    assert refused(path) == [
        'experts[1] (slug "same"): slug: the same slug as experts[0] (slug "same"); a slug names one record'
    ]


def test_records_without_a_slug_are_named_by_index(write_document):
    """Missing required fields are reported, and the record is named by its index."""
    path = write_document(
        document(articles=[{"type": "brief-analysis", "title": {"en": "No slug"}}])
    )
    assert refused(path) == ["articles[0]: slug: missing (required)"]


def test_wrong_value_types_are_refused(write_document):
    """Values of the wrong JSON type are named with the type expected."""
    path = write_document(
        document(
            experts=[
                expert(
                    "typed",
                    has_profile="yes",
                    affiliation_start="2010",
                    expertise={"topics": "energy"},
                )
            ],
            articles=[
                {**article("typed-article", authors="someone"), "slug": "typed-article"}
            ],
        )
    )
    assert refused(path) == [
        'experts[0] (slug "typed"): expertise: topics: must be a list of slugs',
        'experts[0] (slug "typed"): has_profile: must be true or false, not a string',
        'experts[0] (slug "typed"): affiliation_start: must be a whole number or null, not a string',
        'articles[0] (slug "typed-article"): slug: must be an object keyed by language, e.g. {"en": "..."}, not a string',
        'articles[0] (slug "typed-article"): authors: must be a list of slugs',
    ]


def test_model_validation_errors_map_to_exchange_fields(write_document):
    """The models' own validation speaks through the exchange field names."""
    path = write_document(
        document(
            experts=[
                expert(
                    "ended",
                    status="current",
                    affiliation_start=2010,
                    affiliation_end=2012,
                ),
                expert(
                    "backwards",
                    status="former",
                    affiliation_start=2015,
                    affiliation_end=2012,
                ),
                expert("bad-site", website="not a url", name={"ar": "اسم"}),
            ],
            topics=[topic("Not A Slug!")],
        )
    )
    assert refused(path) == [
        (
            'topics[0] (slug "Not A Slug!"): slug: Enter a valid “slug” consisting of letters, numbers, '
            "underscores or hyphens."
        ),
        'experts[0] (slug "ended"): affiliation_end: A current expert has no end year; change the status first.',
        'experts[1] (slug "backwards"): affiliation_end: The affiliation cannot end before it starts.',
        'experts[2] (slug "bad-site"): name.en: This field cannot be blank.',
        'experts[2] (slug "bad-site"): website: Enter a valid URL.',
    ]


def test_parent_cycles_are_refused(write_document):
    """Terms cannot be their own ancestors."""
    path = write_document(
        document(
            topics=[
                topic("a", parent="b"),
                topic("b", parent="a"),
                topic("c", parent="c"),
            ]
        )
    )
    assert refused(path) == [
        'topics[0] (slug "a"): parent: the parents form a circle back to this term',
        'topics[1] (slug "b"): parent: the parents form a circle back to this term',
        'topics[2] (slug "c"): parent: a term cannot be its own parent',
    ]


def test_recommendations_must_exist_and_not_point_at_themselves(write_document):
    """Recommended articles are looked up in the file and the database."""
    path = write_document(
        document(articles=[article("self-love", recommended=["self-love", "ghost"])])
    )
    assert refused(path) == [
        'articles[0] (slug "self-love"): recommended: an article cannot recommend itself',
        'articles[0] (slug "self-love"): recommended: unknown article "ghost"',
    ]


def test_missing_or_bad_headshot_is_refused(write_document):
    """A headshot must be an image file inside the exchange file's folder."""
    path = write_document(
        document(
            experts=[
                expert("no-file", headshot="images/missing.jpg"),
                expert("outside", headshot="../elsewhere.png"),
                expert("not-image", headshot="content.json"),
            ]
        )
    )
    messages = refused(path)
    assert messages[0].startswith(
        'experts[0] (slug "no-file"): headshot: file not found: "images/missing.jpg"'
    )
    assert messages[1:] == [
        'experts[1] (slug "outside"): headshot: "../elsewhere.png" must be a path inside the folder of the file',
        (
            'experts[2] (slug "not-image"): headshot: "content.json": The file\'s content '
            "is not a JPEG, PNG, WebP or AVIF image, whatever its name says."
        ),
    ]


def test_unreadable_files_are_refused(tmp_path):
    """Invalid JSON, a missing file and duplicate keys are reported, not raised."""
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "thinktank-exchange/1",', encoding="utf-8")
    assert refused(broken)[0].startswith(f"{broken}: not valid JSON:")
    assert "cannot read the file" in refused(tmp_path / "missing.json")[0]
    twice = tmp_path / "twice.json"
    twice.write_text(
        '{"format": "thinktank-exchange/1", "topics": [], "topics": []}',
        encoding="utf-8",
    )
    assert refused(twice) == [f'{twice}: the key "topics" appears twice in one object']


def test_errors_in_an_edit_leave_stored_records_alone(write_document):
    """A refused edit of stored records changes none of them."""
    assert import_file(SAMPLE).ok
    path = write_document(
        document(
            articles=[
                article("gulf-ports-after-the-truce", title={"en": "Changed"}),
                article("broken", authors=["nobody"]),
            ]
        )
    )
    refused(path)
    assert (
        Article.objects.get(slug_en="gulf-ports-after-the-truce").title_en
        == "Gulf Ports After the Truce"
    )


def test_model_rules_about_files_apply_to_imported_files(write_document):
    """A lead image without alt text is refused as in the admin, unless it is decorative."""
    data = document(
        articles=[
            article("no-alt", lead_image="images/lead.png"),
            article(
                "decorative", lead_image="images/lead.png", lead_image_decorative=True
            ),
        ]
    )
    path = write_document(data)
    (path.parent / "images").mkdir()
    Image.new("RGB", (40, 30), (200, 120, 40)).save(path.parent / "images/lead.png")
    messages = refused(path)
    assert len(messages) == 1
    assert messages[0].startswith(
        'articles[0] (slug "no-alt"): lead_image_alt.en: Describe the lead image'
    )

    data["articles"] = data["articles"][1:]
    path.write_text(json.dumps(data), encoding="utf-8")
    assert import_file(path).ok
    assert Article.objects.get(slug_en="decorative").lead_image


def test_pdfs_with_active_content_are_refused(write_document):
    """Defect 27: the importer refuses every PDF with active content, naming what it found."""
    cases = files.active_pdfs()
    path = write_document(
        document(
            articles=[
                article(f"report-{index}", pdf=f"files/{case}.pdf")
                for index, (case, _content, _what) in enumerate(cases)
            ]
        )
    )
    (path.parent / "files").mkdir()
    for case, content, _what in cases:
        (path.parent / "files" / f"{case}.pdf").write_bytes(content)
    messages = refused(path)
    assert len(messages) == len(cases), messages
    for index, ((case, _content, what), message) in enumerate(
        zip(cases, messages, strict=True)
    ):
        prefix = f'articles[{index}] (slug "report-{index}"): pdf: "files/{case}.pdf": '
        assert message.startswith(prefix + "The PDF contains active content ("), message
        assert what in message


def test_a_pdf_with_a_web_link_imports(write_document):
    """Defect 27, positive control: an ordinary link is not active content."""
    path = write_document(document(articles=[article("linked", pdf="report.pdf")]))
    (path.parent / "report.pdf").write_bytes(files.pdf_with_link())
    result = import_file(path)
    assert result.ok, result.stderr
    assert Article.objects.get(slug_en="linked").page_count == 2


def test_decompression_bombs_are_refused_like_in_the_admin(write_document):
    """Defect 5: an image that would decode to a billion pixels gets one error line, no traceback."""
    path = write_document(
        document(
            experts=[expert("bomb", headshot="images/bomb.png")],
            articles=[
                article(
                    "huge",
                    lead_image="images/huge.png",
                    lead_image_alt={"en": "A dam"},
                )
            ],
        )
    )
    (path.parent / "images").mkdir()
    (path.parent / "images" / "bomb.png").write_bytes(files.png_bomb())
    (path.parent / "images" / "huge.png").write_bytes(files.png_with_size(30000, 30000))
    too_large = "The image is too large in pixels: at most"
    messages = refused(path)
    assert [message.split(too_large)[0] for message in messages] == [
        'experts[0] (slug "bomb"): headshot: "images/bomb.png": ',
        'articles[0] (slug "huge"): lead_image: "images/huge.png": ',
    ], messages


def test_nul_characters_are_refused(write_document):
    """Defect 5: a NUL character in any text gets an error naming the record and the field."""
    path = write_document(
        document(
            topics=[topic("energy", description={"en": "Oil\u0000 and gas"})],
            experts=[expert("jane-roe", name={"en": "Jane\u0000 Roe"})],
            articles=[
                article(
                    "nul-body",
                    body={"en": "<p>Fine.</p>", "ar": "<p>نص\u0000</p>"},
                    series="Policy\u0000Watch",
                    authors=["jane-roe"],
                ),
                {**article("nul-slug"), "slug": {"en": "nul\u0000slug"}},
            ],
        )
    )
    nul = "contains a NUL character (\\u0000), which text cannot hold"
    assert refused(path) == [
        f'topics[0] (slug "energy"): description: "en" {nul}',
        f'experts[0] (slug "jane-roe"): name: "en" {nul}',
        f'articles[0] (slug "nul-body"): body: "ar" {nul}',
        f'articles[0] (slug "nul-body"): series: {nul}',
        f'articles[1] (slug "nul\\u0000slug"): slug: "en" {nul}',
    ]


def test_deeply_nested_json_is_refused_in_one_line(tmp_path):
    """Defect 5: a document nested 100,000 deep is reported, not a RecursionError traceback."""
    path = tmp_path / "deep.json"
    path.write_text(
        '{"format": "thinktank-exchange/1", "topics": '
        + "[" * 100_000
        + "]" * 100_000
        + "}",
        encoding="utf-8",
    )
    assert refused(path) == [
        (
            f"{path}: the JSON nests arrays and objects too deeply to be read "
            "(an exchange file needs only a few levels)"
        )
    ]


def test_language_times_and_unpublication_follow_the_publication_rules(write_document):
    """The importer applies the same rules as the admin and the transitions, naming the field."""
    path = write_document(
        document(
            articles=[
                article(
                    "arabic-not-published",
                    live_from_ar="2030-01-01T09:00:00+02:00",
                ),
                article(
                    "ends-before-it-starts",
                    unpublish_at="2024-01-14T09:00:00-05:00",
                ),
            ]
        )
    )
    messages = refused(path)
    assert any("arabic-not-published" in m and "live_from_ar" in m for m in messages), (
        messages
    )
    assert any(
        "ends-before-it-starts" in m and "unpublish_at" in m for m in messages
    ), messages
    # Positive control: a later unpublication and an Arabic moment for a published Arabic version.
    good = write_document(
        document(
            articles=[
                article(
                    "ends-later",
                    unpublish_at="2034-01-14T09:00:00-05:00",
                    title={"en": "Ends later", "ar": "ينتهي لاحقاً"},
                    summary={"en": "S.", "ar": "م."},
                    body={"en": "<p>B.</p>", "ar": "<p>ن.</p>"},
                    languages=["en", "ar"],
                    live_from_ar="2030-01-01T09:00:00+02:00",
                )
            ]
        )
    )
    assert import_file(good).ok
    imported = Article.objects.get(slug_en="ends-later")
    assert imported.live_languages() == ["en"]
    assert imported.unpublish_at.year == 2034


def test_embed_off_the_allow_list_is_refused_naming_the_field(write_document):
    """An iframe from a host outside ``RICHTEXT_EMBED_HOSTS`` is refused, not silently dropped."""
    chart = (
        '<iframe src="https://datawrapper.dwcdn.net/a1B2c/1/" title="Flows"></iframe>'
    )
    bad = '<iframe src="https://tracker.example/x" title="Ad"></iframe>'
    path = write_document(document(articles=[article("charted", body={"en": bad})]))
    message = refused(path)[0]
    assert message.startswith('articles[0] (slug "charted"): body: "en": ')
    assert "tracker.example" in message
    # Positive control: a chart from an allowed host imports and stays.
    path = write_document(document(articles=[article("charted", body={"en": chart})]))
    assert import_file(path).ok
    assert (
        "datawrapper.dwcdn.net/a1B2c/1/"
        in Article.objects.get(slug_en="charted").body_en
    )


def test_featured_must_be_a_boolean(write_document):
    bad = write_document(
        document(
            articles=[
                article("featured-text", featured="yes"),
                article("featured-null", featured=None),
            ]
        )
    )
    assert refused(bad) == [
        'articles[0] (slug "featured-text"): featured: must be true or false, not a string',
        'articles[1] (slug "featured-null"): featured: must be true or false, not null',
    ]
    # Positive control: the same records with booleans import.
    good = write_document(
        document(
            articles=[
                article("featured-text", featured=True),
                article("featured-null", featured=False),
            ]
        )
    )
    result = import_file(good)
    assert result.ok, result.stderr
    assert dict(Article.objects.values_list("slug_en", "featured")) == {
        "featured-text": True,
        "featured-null": False,
    }
    # Left out, the stored value stays; false clears it.
    kept = write_document(document(articles=[article("featured-text")]))
    assert import_file(kept).ok
    assert Article.objects.get(slug_en="featured-text").featured
    cleared = write_document(
        document(articles=[article("featured-text", featured=False)])
    )
    assert import_file(cleared).ok
    assert not Article.objects.get(slug_en="featured-text").featured
