"""
Library records in rich text: figures (``<figure data-image="<pk>">``) drawn
at display time from the image and its renditions, and links to documents
(``<a data-ref="document:<pk>">``) that follow the current file.
"""

from functools import partial

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from core import pictures
from core.i18n import in_default_language, localized, localized_fields
from core.richtext import register_chooser, register_figures, register_reference
from library.models import Document, Image

#: The rendition spec of a figure in the body (the article's column).
FIGURE_SPEC = "lead"


def resolve_documents(ids, language_code):
    """{pk: (title, file url)}, in one query: a document is as public as its file."""
    return {
        document.pk: (
            getattr(document, localized("title", language_code)) or document.title_en,
            document.url,
        )
        for document in Document.objects.filter(pk__in=ids)
    }


def draw_figure(image, language_code, *, alt=None, caption=None):
    """``<figure><picture>…</picture><figcaption>caption <small>credit</small></figcaption></figure>``."""
    plan = pictures.picture_set(image, FIGURE_SPEC)
    if plan is None:
        return ""
    if alt is None or image.decorative:
        alt = image.alt_in(language_code)
    caption = caption or (
        getattr(image, localized("caption", language_code), "")
        or in_default_language(image, "caption")
        or ""
    )
    credit = (
        getattr(image, localized("credit", language_code), "")
        or in_default_language(image, "credit")
        or ""
    )
    sources = "".join(
        format_html(
            '<source type="{}" srcset="{}" sizes="{}">',
            source["type"],
            source["srcset"],
            plan["sizes"],
        )
        for source in plan["sources"]
    )
    img = format_html(
        '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}" loading="lazy" decoding="async">',
        plan["src"],
        plan["srcset"],
        plan["sizes"],
        plan["width"],
        plan["height"],
        alt,
    )
    caption_html = ""
    if caption or credit:
        credit_html = (
            format_html(
                ' <small class="credit">{}</small>',
                gettext("Credit: %(credit)s") % {"credit": credit},
            )
            if credit
            else ""
        )
        caption_html = f"<figcaption>{escape(caption)}{credit_html}</figcaption>"
    return mark_safe(
        f'<figure class="figure"><picture>{sources}{img}</picture>{caption_html}</figure>'
    )


def resolve_figures(ids, language_code):
    """{pk: draw(alt=…, caption=…)} of the images ``ids``, in one query."""
    images = Image.objects.filter(pk__in=ids).only(
        "id",
        "file",
        "width",
        "height",
        "avif",
        "focus_x",
        "focus_y",
        "decorative",
        *(f for name in ("alt", "caption", "credit") for f in localized_fields(name)),
    )
    return {image.pk: partial(draw_figure, image, language_code) for image in images}


def connect():
    register_reference("document", resolve_documents)
    register_figures(resolve_figures)
    register_chooser("document", Document, localized_fields("title"))
    register_chooser(
        "image",
        Image,
        ["title", *localized_fields("alt"), *localized_fields("caption")],
    )
