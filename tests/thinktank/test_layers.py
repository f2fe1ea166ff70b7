"""
The apps' layers (docs/architecture.md) hold: `make lint` runs import-linter's
layers contract, which fails on an import that goes up a layer.
"""

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def layers() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"][
        "importlinter"
    ]
    (contract,) = config["contracts"]
    return contract["layers"]


def lint_imports(tree: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(tree / "pyproject.toml"), "--no-cache"],
        cwd=tree,
        # The tree's own packages, not the checkout's (installed as editable).
        env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )


def copy_of_the_apps(tmp_path: Path) -> Path:
    tree = tmp_path / "tree"
    tree.mkdir()
    shutil.copy(ROOT / "pyproject.toml", tree)
    for package in layers():
        shutil.copytree(
            ROOT / package, tree / package, ignore=shutil.ignore_patterns("__pycache__")
        )
    return tree


def test_every_app_is_a_layer():
    apps = {path.parent.name for path in ROOT.glob("*/apps.py")}
    assert apps <= set(layers())
    assert layers()[-1] == "core"
    assert layers().index("thinktank") < layers().index("exchange")


def test_the_tree_keeps_its_layers_and_an_import_up_a_layer_breaks_them(tmp_path):
    tree = copy_of_the_apps(tmp_path)
    kept = lint_imports(tree)
    assert kept.returncode == 0, kept.stdout + kept.stderr
    assert "1 kept, 0 broken" in kept.stdout

    # taxonomy sits below articles: it may not read an article.
    with (tree / "taxonomy" / "selectors.py").open("a") as module:
        module.write("\nfrom articles.models import Article  # noqa: E402, F401\n")
    broken = lint_imports(tree)
    assert broken.returncode == 1
    assert "taxonomy is not allowed to import articles" in broken.stdout
    assert "taxonomy.selectors -> articles.models" in broken.stdout
