import json

import pytest


@pytest.fixture
def write_document(tmp_path):
    """Write a document (dict) as an exchange file in a fresh folder; returns its path."""
    made = []

    def write(document, name="content.json"):
        folder = tmp_path / f"in{len(made)}"
        folder.mkdir()
        path = folder / name
        path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        made.append(path)
        return path

    return write
