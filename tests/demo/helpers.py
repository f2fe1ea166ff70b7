"""
The demo institute in tests: its generator as a module, its files drawn once,
and its import.

``demo/content.json`` is committed; the pictures and PDFs it names are drawn by
``demo/build_demo.py`` into folders git ignores. ``ensure_files`` draws them
when they are missing or older than the scripts that draw them, so a fresh
clone's tests find them as ``make demo`` would.
"""

import importlib.util
import sys
from pathlib import Path

from django.conf import settings

from tests.exchange.helpers import import_file

DEMO = Path(settings.BASE_DIR) / "demo"
CONTENT = DEMO / "content.json"
STAMP = DEMO / "files" / ".complete"
#: Importing the demo queues the renditions of ~45 pictures, AVIF included
#: (about a minute of CPU): the content tests leave them queued, the rendition
#: pipeline has tests of its own (tests/core).
QUEUE_ONLY = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}


def load_generator():
    """``demo/build_demo.py`` as a module (it puts its folder on ``sys.path``)."""
    saved = list(sys.path)
    try:
        spec = importlib.util.spec_from_file_location(
            "build_demo", DEMO / "build_demo.py"
        )
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path[:] = saved
    return module


def files_are_current() -> bool:
    if not STAMP.exists():
        return False
    built = STAMP.stat().st_mtime
    if any(script.stat().st_mtime > built for script in DEMO.glob("*.py")):
        return False
    named = STAMP.read_text(encoding="utf-8").split()
    return all((DEMO / name).is_file() for name in named)


def ensure_files():
    """Draw the demo's files unless the ones on disk are complete and current."""
    if not files_are_current():
        load_generator().write_files()


def import_demo(settings):
    """Import ``demo/content.json`` (its files drawn first); renditions stay queued."""
    ensure_files()
    settings.TASKS = QUEUE_ONLY
    result = import_file(CONTENT)
    assert result.ok, result.error + result.stderr
    return result
