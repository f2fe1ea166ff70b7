"""Press the workflow buttons the way a browser does."""

from tests.admin_forms import change_url, form_data
from tests.html import parse

ACTION = "CHANGE_FORM-action"


def buttons(response):
    """The transition buttons on a change page: {value: label}."""
    tree = parse(response)
    return {
        b.get("value"): b.text_content().strip()
        for b in tree.xpath(f"//button[@name='{ACTION}']")
    }


def press(client, article, name, *, comment="", when="", **extra):
    """Open the article's change page and press the transition button ``name`` (present or not)."""
    url = change_url(article)
    data = form_data(client.get(url))
    data.pop("_save", None)
    data[ACTION] = [name]
    data["CHANGE_FORM-comment"] = [comment]
    data["CHANGE_FORM-when"] = [when]
    data.update({k: [v] for k, v in extra.items()})
    return client.post(url, data)


def raw_press(client, article, name, **fields):
    """A crafted POST of a transition, without opening the page first."""
    return client.post(
        change_url(article),
        {ACTION: name, "_selected_action": article.pk, **fields},
    )
