"""
The public site's templates are Jinja2 (templates/site/), compiled once per
process; the admin's stay with Django's template language, and neither engine
reads the other's templates.
"""

import pytest
from django.conf import settings
from django.template import TemplateDoesNotExist, engines
from django.template.loader import get_template


def test_public_names_are_jinja2_templates_and_admin_names_django_ones():
    for name in ("base.html", "404.html", "500.html", "components/byline.html"):
        assert get_template(name).backend is engines["jinja2"], name
    assert get_template("admin/index.html").backend is engines["django"]


def test_neither_engine_reads_the_other_ones_templates():
    with pytest.raises(TemplateDoesNotExist):
        engines["jinja2"].get_template("admin/index.html")
    with pytest.raises(TemplateDoesNotExist):
        engines["django"].get_template("base.html")


def test_public_templates_are_compiled_once_per_process():
    """Without DEBUG, a template is compiled on first use and never checked for changes again."""
    assert settings.DEBUG is False
    env = engines["jinja2"].env
    assert env.auto_reload is False
    templates = list((settings.BASE_DIR / "templates" / "site").rglob("*.html"))
    assert env.cache.capacity > len(templates)
    assert env.get_template("base.html") is env.get_template("base.html")
