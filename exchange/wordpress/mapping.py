"""
The mapping file of a WordPress import (TOML): what categories and tags become.

Without a file: every category becomes a topic (its parent kept), a tag whose
slug is that of an existing region (or listed under ``regions``) becomes that
region, other tags are left out, and ``uncategorized`` is left out.
See docs/wordpress.md.
"""

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

KINDS = ("topic", "region", "skip")


@dataclass
class Mapping:
    categories: str = "topic"  # what a category becomes by default
    tags: str = "skip"  # what a tag becomes by default
    topics: set[str] = field(default_factory=set)  # slugs that become topics
    regions: set[str] = field(default_factory=set)  # slugs that become regions
    skip: set[str] = field(default_factory=lambda: {"uncategorized"})
    rename: dict[str, str] = field(default_factory=dict)  # WordPress slug → ours
    article_type: str = "brief-analysis"
    time_zone: str = ""  # the WordPress site's; empty: settings.TIME_ZONE
    languages: dict[str, str] = field(default_factory=dict)  # WP code → ours

    def kind_of(self, taxonomy: str, slug: str) -> str:
        if slug in self.skip:
            return "skip"
        if slug in self.regions:
            return "region"
        if slug in self.topics:
            return "topic"
        return self.categories if taxonomy == "category" else self.tags


def _strings(data, key, errors) -> set[str]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        errors.append(f"{key}: must be a list of slugs")
        return set()
    return set(value)


def load_mapping(path: Path | None) -> tuple[Mapping, list[str]]:
    """The mapping in ``path`` (defaults when None) and the problems found in it."""
    mapping, errors = Mapping(), []
    if path is None:
        return mapping, errors
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        return mapping, [f"{path}: cannot read the file: {error.strerror}"]
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        return mapping, [f"{path}: not valid TOML: {error}"]
    known = {
        "categories", "tags", "topics", "regions", "skip", "rename",
        "article_type", "time_zone", "languages",
    }  # fmt: skip
    for key in sorted(set(data) - known):
        errors.append(
            f'{path}: unknown key "{key}" (allowed: {", ".join(sorted(known))})'
        )
    for key in ("categories", "tags"):
        if key in data:
            if data[key] not in KINDS:
                errors.append(f"{path}: {key}: must be one of {', '.join(KINDS)}")
            else:
                setattr(mapping, key, data[key])
    for key in ("topics", "regions"):
        setattr(mapping, key, _strings(data, key, errors))
    if "skip" in data:
        mapping.skip = _strings(data, "skip", errors)
    for key in ("rename", "languages"):
        value = data.get(key, {})
        if not isinstance(value, dict) or not all(
            isinstance(v, str) for v in value.values()
        ):
            errors.append(f"{path}: {key}: must be a table of strings")
        else:
            setattr(mapping, key, dict(value))
    for key in ("article_type", "time_zone"):
        if key in data:
            if not isinstance(data[key], str):
                errors.append(f"{path}: {key}: must be a string")
            else:
                setattr(mapping, key, data[key])
    errors = [e if e.startswith(str(path)) else f"{path}: {e}" for e in errors]
    return mapping, errors
