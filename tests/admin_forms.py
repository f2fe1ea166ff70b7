"""Submit admin forms the way a browser does: read the rendered form, change fields, POST it."""

from django.urls import reverse
from django.utils import translation

from tests.html import parse


def admin_url(obj, name, *args):
    """The admin URL ``name`` (change, history, restore, untrash…) of ``obj``'s model."""
    opts = obj._meta
    # The admin lives under /admin/ and /ar/admin/: ask for the English one
    # even after a request to an Arabic page left Arabic active.
    with translation.override("en"):
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_{name}", args=args)


def change_url(obj):
    """The admin change page of ``obj``."""
    return admin_url(obj, "change", obj.pk)


def change_form(response):
    """The admin change form of ``response`` (the form posting the object)."""
    (form,) = parse(response).xpath("//form[@id and contains(@id, '_form')]")
    return form


def form_data(response) -> dict[str, list[str]]:
    """What a browser would submit from the admin form as rendered, unchanged."""
    data: dict[str, list[str]] = {}
    for name, value in change_form(response).form_values():
        data.setdefault(name, []).append(value)
    return data


def fill(data, **fields):
    """Set fields of ``data``; ``True``/``False`` ticks or unticks a checkbox."""
    for name, value in fields.items():
        if value is False:
            data.pop(name, None)
        elif value is True:
            data[name] = ["on"]
        elif isinstance(value, (list, tuple)):
            data[name] = [str(v) for v in value]
        else:
            data[name] = [str(value)]
    return data


def add_inline_row(data, prefix, **fields):
    """
    Fill the next free form of inline formset ``prefix``, adding one as "Add
    another" does. A form is free while the first field named is empty.
    """
    key = next(iter(fields))
    total = int(data[f"{prefix}-TOTAL_FORMS"][0])
    initial = int(data[f"{prefix}-INITIAL_FORMS"][0])
    index = next(
        (
            i
            for i in range(initial, total)
            if not data.get(f"{prefix}-{i}-{key}", [""])[0]
        ),
        total,
    )
    if index == total:
        data[f"{prefix}-TOTAL_FORMS"] = [str(total + 1)]
    return fill(data, **{f"{prefix}-{index}-{name}": v for name, v in fields.items()})


def errors(response) -> dict[str, list[str]]:
    """The error messages on an admin form page, by field name ("" for the form)."""
    found: dict[str, list[str]] = {}
    for ul in parse(response).xpath("//ul[contains(@class, 'errorlist')]"):
        row = ul.xpath(
            "ancestor::div[contains(@class, 'fieldBox') or contains(@class, 'form-row')][1]"
        )
        name = ""
        if row:
            classes = row[0].get("class").split()
            names = [
                c.removeprefix("field-") for c in classes if c.startswith("field-")
            ]
            name = names[0] if names else ""
        found.setdefault(name, []).extend(li.text_content() for li in ul.xpath("li"))
    return found
