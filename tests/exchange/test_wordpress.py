"""``import_wordpress``: a WordPress export written by the tests, imported and re-imported."""

import io
from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from PIL import Image as PILImage

from articles.models import Article
from core.models import Redirect
from exchange.models import WordPressItem
from exchange.wordpress import importer
from exchange.wordpress.wxr import TextStore, read_export
from experts.models import Expert
from library.models import Image
from pages.models import Page
from taxonomy.models import Region, Topic
from tests.exchange import wxr
from tests.factories import committed, make_expert
from tests.html import card_titles, cls, fragment, parse

pytestmark = pytest.mark.django_db

BLOCKS = """<!-- wp:paragraph -->
<p>Block <strong>paragraph</strong> about <a href="https://old.example.org/2021/03/04/classic-post/">the classic post</a>.</p>
<!-- /wp:paragraph -->
<!-- wp:heading -->
<h2 class="wp-block-heading">A heading</h2>
<!-- /wp:heading -->
<!-- wp:image {"id":30} -->
<figure class="wp-block-image"><img src="https://old.example.org/wp-content/uploads/2021/03/chart-300x200.png" alt="A chart" class="wp-image-30"/><figcaption>Oil output</figcaption></figure>
<!-- /wp:image -->
<!-- wp:embed {"url":"https://www.youtube.com/watch?v=abc123"} -->
<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">https://www.youtube.com/watch?v=abc123</div></figure>
<!-- /wp:embed -->
<!-- wp:latest-posts /-->
<!-- wp:table -->
<figure class="wp-block-table"><table><tbody><tr><td>1</td><td>2</td></tr></tbody></table></figure>
<!-- /wp:table -->
<p onclick="steal()">Hostile <script>alert(1)</script><a href="javascript:alert(2)">link</a><img src=x onerror=alert(3)></p>"""

CLASSIC = """First paragraph of the classic post.
Second line of it.

[caption id="attachment_30" align="aligncenter" width="300"]<img class="wp-image-30 size-medium" src="https://old.example.org/wp-content/uploads/2021/03/chart.png" alt="" /> The chart, captioned[/caption]

[gallery ids="30,31"]

[contact-form-7 id="12" title="Contact"]

[note]Kept text inside an unknown shortcode[/note] and [sic] stays."""


def png(color=(10, 120, 200)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 48), color).save(buffer, format="PNG")
    return buffer.getvalue()


def site_items(title_suffix="", sticky=(13,)):
    categories = [
        ("category", "energy", "Energy"),
        ("category", "oil", "Oil"),
        ("post_tag", "iraq", "Iraq"),
    ]
    return [
        wxr.item(
            30,
            "Chart",
            type="attachment",
            status="inherit",
            name="chart",
            attachment_url="https://old.example.org/wp-content/uploads/2021/03/chart.png",
            link="https://old.example.org/2021/03/04/block-post/chart/",
            parent=10,
            meta={
                "_wp_attached_file": "2021/03/chart.png",
                "_wp_attachment_image_alt": "Oil output chart",
            },
        ),
        wxr.item(
            31,
            "Missing picture",
            type="attachment",
            status="inherit",
            name="missing",
            attachment_url="https://old.example.org/wp-content/uploads/2021/03/missing.png",
            meta={"_wp_attached_file": "2021/03/missing.png"},
        ),
        wxr.item(
            10,
            "Block post" + title_suffix,
            name="block-post",
            sticky=10 in sticky,
            content=BLOCKS,
            excerpt="The <em>block</em> post's excerpt.",
            terms=categories,
            meta={
                "_thumbnail_id": "30",
                "_wpml_import_language_code": "en",
                "_wpml_import_translation_group": "77",
            },
        ),
        wxr.item(
            11,
            "مقال الكتل",
            name="%d9%85%d9%82%d8%a7%d9%84",
            content="<p>النص العربي للمقال.</p>",
            link="https://old.example.org/ar/2021/03/04/%d9%85%d9%82%d8%a7%d9%84/",
            meta={
                "_wpml_import_language_code": "ar",
                "_wpml_import_translation_group": "77",
            },
        ),
        wxr.item(
            12,
            "Classic post",
            name="classic-post",
            content=CLASSIC,
            creator="omar",
            terms=[
                ("category", "oil", "Oil"),
                ("author", "cap-jdoe", "Jane Doe"),
                ("author", "cap-omar", "Omar Haddad"),
            ],
        ),
        wxr.item(
            13,
            "Scheduled post",
            status="future",
            content="Soon.",
            date="2031-01-01 09:00:00",
            date_gmt="2031-01-01 14:00:00",
            sticky=13 in sticky,
        ),
        wxr.item(14, "Private post", status="private", content="Only us."),
        wxr.item(
            15,
            "Draft post",
            status="draft",
            content="Not yet.",
            date_gmt="0000-00-00 00:00:00",
        ),
        wxr.item(
            16,
            "Trashed post",
            status="trash",
            content="Gone.",
            meta={
                "_wp_trash_meta_status": "publish",
                "_wp_trash_meta_time": "1620000000",
            },
        ),
        wxr.item(
            20,
            "About us",
            type="page",
            name="about-us",
            content="We are an institute.\n\nSince 1990.",
        ),
        wxr.item(40, "Home menu", type="nav_menu_item", status="publish"),
    ]


def terms():
    return (
        wxr.category(3, "energy", "Energy")
        + wxr.category(4, "oil", "Oil", parent="energy")
        + wxr.tag(5, "iraq", "Iraq")
    )


@pytest.fixture
def site(tmp_path):
    uploads = tmp_path / "uploads" / "2021" / "03"
    uploads.mkdir(parents=True)
    (uploads / "chart.png").write_bytes(png())
    (tmp_path / "mapping.toml").write_text('regions = ["iraq"]\n', encoding="utf-8")

    def write(items=None, name="export.xml", **options):
        path = tmp_path / name
        path.write_text(
            wxr.export(items or site_items(), terms=terms(), **options),
            encoding="utf-8",
        )
        return path

    write.uploads = tmp_path / "uploads"
    write.mapping = tmp_path / "mapping.toml"
    return write


def run(path, *args, uploads=None, mapping=None):
    out, err = StringIO(), StringIO()
    options = [*args]
    if uploads:
        options += ["--uploads", str(uploads)]
    if mapping:
        options += ["--mapping", str(mapping)]
    with committed():
        call_command("import_wordpress", str(path), *options, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def run_site(site, *args):
    return run(site(), *args, uploads=site.uploads, mapping=site.mapping)


def test_posts_pages_media_authors_and_terms(site):
    make_expert("Omar Haddad", slug="omar-h", email="OMAR@example.org")
    out, err = run_site(site)
    block = Article.all_objects.get(slug_en="block-post")
    assert block.status == "published" and block.title_en == "Block post"
    assert block.summary_en == "The block post's excerpt."
    assert block.available_en and block.available_ar and block.title_ar == "مقال الكتل"
    assert block.slug_ar and "النص العربي" in block.body_ar
    body = fragment(block.body_en)
    assert body.xpath("//h2/text()") == ["A heading"]
    chart = Image.objects.get()
    assert body.xpath("//figure/@data-image") == [str(chart.pk)]
    assert body.xpath("//figure/@data-caption") == ["Oil output"]
    assert body.xpath("//iframe/@src") == [
        "https://www.youtube-nocookie.com/embed/abc123"
    ]
    assert body.xpath("//table//td/text()") == ["1", "2"]
    classic = Article.all_objects.get(slug_en="classic-post")
    assert body.xpath("//a[text()='the classic post']/@data-ref") == [
        f"article:{classic.pk}"
    ]
    # Hostile HTML is gone, its text kept.
    assert "script" not in block.body_en and "onclick" not in block.body_en
    assert "javascript:" not in block.body_en and "onerror" not in block.body_en
    assert block.lead_image == chart and chart.alt_en == "Oil output chart"
    assert [a.slug for a in block.authors.all()] == ["jdoe"]
    assert sorted(t.slug for t in block.topics.all()) == ["energy", "oil"]
    assert Topic.objects.get(slug="oil").parent.slug == "energy"
    assert [r.slug for r in block.regions.all()] == ["iraq"] and Region.objects.filter(
        slug="iraq"
    ).exists()
    # Classic content: paragraphs, line breaks, captions, galleries; unknown shortcodes out.
    classic_body = fragment(classic.body_en)
    assert classic_body.xpath("//p[1]/br") and "First paragraph" in classic_body.xpath(
        "string(//p[1])"
    )
    assert classic_body.xpath("//figure/@data-caption")[0] == "The chart, captioned"
    assert (
        len(classic_body.xpath("//figure")) == 2
    )  # the caption and the gallery's one image present
    assert (
        "contact-form" not in classic.body_en and "Kept text inside" in classic.body_en
    )
    assert "[sic]" in classic.body_en
    assert 'post 12 "Classic post": shortcode [contact-form-7] left out' in err
    assert 'post 10 "Block post": block latest-posts left out' in err
    # Co-authors, the existing expert matched by e-mail.
    assert list(
        classic.authorships.order_by("order").values_list("expert__slug", flat=True)
    ) == ["jdoe", "omar-h"]
    assert Expert.objects.get(slug="omar-h").name_en == "Omar Haddad"
    # Statuses.
    scheduled = Article.all_objects.get(slug_en="scheduled-post")
    assert scheduled.status == "scheduled" and scheduled.published_at.year == 2031
    assert Article.all_objects.get(slug_en="private-post").status == "draft"
    assert Article.all_objects.get(slug_en="draft-post").status == "draft"
    trashed = Article.all_objects.get(slug_en="trashed-post")
    assert (
        trashed.deleted_at is not None
        and not Article.objects.filter(pk=trashed.pk).exists()
    )
    assert scheduled.featured and not block.featured
    assert "sticky" not in err
    # Pages, media, what was left out.
    page = Page.objects.get(slug_en="about-us")
    assert page.published_en and fragment(page.body_en).xpath("//p/text()") == [
        "We are an institute.",
        "Since 1990.",
    ]
    assert 'attachment 31 "Missing picture": file 2021/03/missing.png not found' in err
    assert "1 nav_menu_item items not imported" in err
    assert "posts: 6 created" in out and "pages: 1 created" in out
    assert "experts: 1 created, 1 matched" in out


def test_published_in_the_sites_time_zone(site):
    run_site(site)
    draft = Article.all_objects.get(slug_en="draft-post")
    assert draft.published_at is None
    block = Article.all_objects.get(slug_en="block-post")
    assert block.published_at.isoformat() == "2021-03-04T15:30:00+00:00"


@pytest.mark.parametrize(
    "old, new",
    [
        ("/2021/03/04/block-post/", "/policy-analysis/block-post"),
        ("/block-post/", "/policy-analysis/block-post"),
        ("/?p=10", "/policy-analysis/block-post"),
        ("/?p=12", "/policy-analysis/classic-post"),
        ("/ar/2021/03/04/مقال/", "/ar/policy-analysis/"),
        ("/category/energy/oil/", "/policy-analysis/oil"),
        ("/?cat=4", "/policy-analysis/oil"),
        ("/tag/iraq/", "/policy-analysis/iraq"),
        ("/author/jdoe/", "/experts/jdoe"),
        ("/?author=1", "/experts/jdoe"),
        ("/about-us/", "/about-us"),
        ("/?page_id=20", "/about-us"),
        ("/2021/03/04/block-post/chart/", "/policy-analysis/block-post"),
        ("/?attachment_id=30", "/policy-analysis/block-post"),
    ],
)
def test_old_addresses_answer_301(site, client, old, new):
    run_site(site)
    response = client.get(old)
    assert response.status_code == 301, old
    assert response["Location"].startswith(new)
    assert client.get(response["Location"]).status_code == 200


def test_an_old_file_address_answers_301_to_the_library_file(site, client):
    run_site(site)
    chart = WordPressItem.objects.get(kind="attachment", wp_id="30")
    image = Image.objects.get(pk=chart.object_id)
    response = client.get("/wp-content/uploads/2021/03/chart.png")
    assert response.status_code == 301
    assert urlsplit(response["Location"]).path == image.file.url
    with default_storage.open(image.file.name) as stored:
        assert stored.read(8) == b"\x89PNG\r\n\x1a\n"
    # An upload the export did not have (reported missing) gets none.
    assert client.get("/wp-content/uploads/2021/03/missing.png").status_code == 404


def test_unpublished_posts_get_no_redirect(site, client):
    run_site(site)
    assert not Redirect.objects.filter(old_path__contains="draft-post").exists()
    assert client.get("/2021/03/04/draft-post/").status_code == 404


def test_second_run_changes_nothing(site):
    run_site(site)
    before = {a.pk: a.updated_at for a in Article.all_objects.all()}
    counts = (
        Redirect.objects.count(),
        Image.objects.count(),
        WordPressItem.objects.count(),
    )
    out, _err = run_site(site)
    assert "created" not in out and "updated" not in out
    assert {a.pk: a.updated_at for a in Article.all_objects.all()} == before
    assert (
        Redirect.objects.count(),
        Image.objects.count(),
        WordPressItem.objects.count(),
    ) == counts


def test_a_new_export_updates_what_changed(site):
    run_site(site)
    path = site(site_items(title_suffix=", revised"), name="again.xml")
    out, _err = run(path, uploads=site.uploads, mapping=site.mapping)
    assert (
        Article.all_objects.get(slug_en="block-post").title_en == "Block post, revised"
    )
    assert "posts: 1 updated, 5 unchanged" in out
    assert Article.all_objects.count() == 6


def test_sticky_posts_are_featured_until_unstuck(site, client):
    path = site(site_items(sticky=(10,)), name="sticky.xml")
    run(path, uploads=site.uploads, mapping=site.mapping)
    block = Article.all_objects.get(slug_en="block-post")
    assert block.featured
    assert not Article.all_objects.get(slug_en="scheduled-post").featured
    home = parse(client.get("/"))
    assert card_titles(home.xpath(f"//*[{cls('home__featured')}]")[0]) == ["Block post"]
    # Unstuck in WordPress, exported again: no longer featured.
    path = site(site_items(sticky=()), name="unstuck.xml")
    out, _err = run(path, uploads=site.uploads, mapping=site.mapping)
    assert "posts: 1 updated, 5 unchanged" in out
    assert not Article.all_objects.filter(featured=True).exists()


def test_dry_run_writes_nothing(site):
    out, _err = run_site(site, "--dry-run")
    assert "dry run: nothing was written" in out and "posts: 6 created" in out
    assert not Article.all_objects.exists() and not Image.objects.exists()
    assert not Redirect.objects.exists() and not WordPressItem.objects.exists()


def test_every_problem_named_and_nothing_written(site):
    site.mapping.write_text(
        'regions = ["iraq"]\n[rename]\nenergy = "Not a slug!"\noil = "Also bad!"\n',
        encoding="utf-8",
    )
    err = StringIO()
    with (
        pytest.raises(CommandError, match="2 errors; nothing was written"),
        committed(),
    ):
        call_command(
            "import_wordpress",
            str(site()),
            "--uploads",
            str(site.uploads),
            "--mapping",
            str(site.mapping),
            stderr=err,
            stdout=StringIO(),
        )
    assert 'category energy "Energy": slug: ' in err.getvalue()
    assert 'category oil "Oil": slug: ' in err.getvalue()
    assert (
        not Article.all_objects.exists()
        and not Page.objects.filter(slug_en="about-us").exists()
    )
    assert not Image.objects.exists() and not Redirect.objects.exists()


def test_an_empty_translation_is_reported_not_published(site):
    items = site_items()
    items[3] = items[3].replace("<p>النص العربي للمقال.</p>", "")
    _out, err = run(site(items), uploads=site.uploads, mapping=site.mapping)
    assert 'post 11 "مقال الكتل": no content: this language is not published' in err
    block = Article.all_objects.get(slug_en="block-post")
    assert block.available_en and not block.available_ar


def test_wxr_1_1_and_no_uploads(site):
    out, err = run(site(version="1.1"))
    assert "posts: 6 created" in out
    assert "no uploads folder given (--uploads): 2 attachments not imported" in err
    assert not Image.objects.exists()


def test_external_entities_are_not_read(tmp_path, site):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    doctype = f'\n<!DOCTYPE rss [<!ENTITY leak SYSTEM "file://{secret}">]>'
    items = [
        wxr.item(10, "Leaky", content="x").replace(
            "<title>Leaky</title>", "<title>Leaky &leak;</title>"
        )
    ]
    run(site(items, doctype=doctype))
    article = Article.all_objects.get()
    assert "TOP-SECRET" not in article.title_en + article.body_en


def test_not_an_export(tmp_path):
    path = tmp_path / "feed.xml"
    path.write_text("<rss><channel><title>x</title></channel></rss>", encoding="utf-8")
    with pytest.raises(CommandError):
        run(path)


def test_polylang_translations_become_one_article(site):
    group = ("post_translations", "pll_5e3b1", "pll_5e3b1")
    items = [
        wxr.item(
            60,
            "Water talks",
            content="<p>English text.</p>",
            terms=[("language", "en", "English"), group],
        ),
        wxr.item(
            61,
            "محادثات المياه",
            name="water-talks-ar",
            content="<p>نص عربي.</p>",
            terms=[("language", "ar", "العربية"), group],
        ),
        wxr.item(
            62,
            "Pourparlers",
            content="<p>Texte.</p>",
            terms=[("language", "fr", "Français")],
        ),
    ]
    _out, err = run(site(items))
    article = Article.all_objects.get()
    assert (article.title_en, article.title_ar) == ("Water talks", "محادثات المياه")
    assert article.available_en and article.available_ar
    assert (
        'post 62 "Pourparlers": language fr is not one of the site\'s (en, ar): not imported'
        in err
    )
    assert WordPressItem.objects.filter(kind="post", object_id=article.pk).count() == 2


def test_mapping_file(site):
    site.mapping.write_text(
        'categories = "region"\ntags = "topic"\nskip = ["oil"]\n', encoding="utf-8"
    )
    run_site(site)
    assert sorted(Region.objects.values_list("slug", flat=True)) == ["energy"]
    assert list(Topic.objects.filter(slug="iraq").values_list("slug", flat=True)) == [
        "iraq"
    ]
    assert not Topic.objects.filter(slug="oil").exists()


def test_mapping_file_mistakes_are_named(site):
    site.mapping.write_text('categories = "tribe"\npodcasts = 1\n', encoding="utf-8")
    err = StringIO()
    with pytest.raises(CommandError, match="2 errors"):
        call_command(
            "import_wordpress",
            str(site()),
            "--mapping",
            str(site.mapping),
            stderr=err,
            stdout=StringIO(),
        )
    assert 'unknown key "podcasts"' in err.getvalue()
    assert "categories: must be one of topic, region, skip" in err.getvalue()


def test_password_protected_content_stays_out_of_sight(site, client):
    items = [
        wxr.item(70, "Members only", content="Secret.", password="hunter2"),
        wxr.item(71, "Board page", type="page", content="Secret.", password="hunter2"),
        wxr.item(72, "Open post", content="Open."),
    ]
    _out, err = run(site(items))
    assert Article.all_objects.get(slug_en="members-only").status == "draft"
    assert not Page.objects.get(slug_en="board-page").published_en
    assert 'post 70 "Members only": protected by a password: imported as a draft' in err
    assert client.get("/?p=70").status_code == 200  # the home page, no redirect
    assert client.get("/?p=72").status_code == 301  # the positive control


def test_articles_imported_by_batches(site, monkeypatch):
    monkeypatch.setattr(importer, "BATCH", 2)
    out, _err = run_site(site)
    assert "posts: 6 created" in out
    block = Article.all_objects.get(slug_en="block-post")
    classic = Article.all_objects.get(slug_en="classic-post")
    # The link reaches a post of a later batch.
    assert fragment(block.body_en).xpath("//a[@data-ref]/@data-ref") == [
        f"article:{classic.pk}"
    ]
    out, _err = run_site(site)
    assert "posts: 6 unchanged" in out


def test_big_exports_are_read_without_holding_their_text(site):
    store = TextStore()
    export = read_export(site(), store=store)
    post = next(i for i in export.items if i.id == "12")
    assert post.content == "" and "First paragraph" in post.texts()[0]
    store.close()


def test_files_outside_the_uploads_folder_are_not_read(site, tmp_path):
    (tmp_path / "outside.png").write_bytes(png((200, 10, 10)))
    items = [
        wxr.item(80, "Sneaky", type="attachment", status="inherit", name="sneaky",
                 attachment_url="https://old.example.org/wp-content/uploads/../outside.png",
                 meta={"_wp_attached_file": "../outside.png"}),
        wxr.item(81, "Post", content="Text."),
    ]  # fmt: skip
    _out, err = run(site(items), uploads=site.uploads)
    assert 'attachment 80 "Sneaky": file ../outside.png not found' in err
    assert not Image.objects.exists()
