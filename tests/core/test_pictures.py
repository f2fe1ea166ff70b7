"""The focal point picker: rendered by the image field's widget, driven by a CSP-safe script."""

import os

import pytest
from django.urls import reverse

from library.models import Image as LibraryImage
from tests import files
from tests.browser import chromium_page, log_in
from tests.html import parse

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"


@pytest.mark.django_db
def test_the_admin_renders_the_picker_without_inline_script(admin_client):
    image = files.library_image(files.photo((300, 300)), name="p.jpg")
    response = admin_client.get(reverse("admin:library_image_change", args=[image.pk]))
    tree = parse(response)
    (box,) = tree.xpath("//div[contains(concat(' ', @class, ' '), ' tt-focal ')]")
    assert box.get("data-focal-x") == "focus_x"
    assert box.get("data-focal-y") == "focus_y"
    assert box.xpath(".//img/@src") == [image.file.url]
    scripts = tree.xpath("//script[contains(@src, 'focal_point.js')]")
    assert len(scripts) == 1
    (file_input,) = tree.xpath("//input[@name='file']")
    assert file_input.get("accept") == "image/jpeg,image/png,image/webp,image/avif"
    for script in tree.xpath("//script[not(@src)]"):
        assert script.get("nonce") or script.get("type") in (
            "application/json",
            "importmap",
        )


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_click_on_the_preview_sets_the_focal_point(
    live_server, settings, django_user_model
):
    settings.ROOT_URLCONF = "tests.media_urls"
    django_user_model.objects.create_superuser("picker", "p@example.org", "pw-picker-1")
    image = files.library_image(files.photo((800, 600)), name="p.jpg")
    url = live_server.url + reverse("admin:library_image_change", args=[image.pk])
    problems = []
    with chromium_page() as page:
        page.on(
            "response",
            lambda r: problems.append(r.url) if r.status >= 400 else None,
        )
        page.on(
            "console",
            lambda m: (
                problems.append(m.text) if "Content Security Policy" in m.text else None
            ),
        )
        log_in(page, live_server, "picker", "pw-picker-1")
        page.goto(url)
        preview = page.locator(".tt-focal__image")
        preview.scroll_into_view_if_needed()
        page.wait_for_function(
            "() => document.querySelector('.tt-focal__image').naturalWidth > 0"
        )
        box = preview.bounding_box()
        preview.click(position={"x": box["width"] * 0.2, "y": box["height"] * 0.7})
        x = int(page.input_value("#id_focus_x"))
        y = int(page.input_value("#id_focus_y"))
        marker_left = page.eval_on_selector(".tt-focal__marker", "m => m.style.left")
        page.locator("#id_focus_x").focus()
        page.click("input[name=_continue]")
        page.wait_for_load_state()
    assert abs(x - 20) <= 1 and abs(y - 70) <= 1
    assert marker_left == f"{x}%"
    assert problems == []
    image = LibraryImage.objects.get(pk=image.pk)
    assert (image.focus_x, image.focus_y) == (x, y)
