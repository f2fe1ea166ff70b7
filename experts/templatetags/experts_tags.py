"""Presentation helpers for experts: profile links and the status line."""

from django import template
from django.utils.text import capfirst
from django.utils.translation import get_language, gettext as _

from experts.models import Expert, ExpertStatus

register = template.Library()

# Generic words of a title, lower-cased inside a sentence ("Former visiting fellow");
# other words (named fellowships: "Kahn Fellow") keep their capitals.
ROLE_WORDS = frozenset(
    {"adjunct", "analyst", "and", "assistant", "associate", "chair", "counselor", "deputy",
     "director", "distinguished", "editor", "executive", "fellow", "for", "in", "junior",
     "managing", "military", "nonresident", "non-resident", "of", "on", "program",
     "research", "resident", "scholar", "senior", "the", "visiting"}
)  # fmt: skip


@register.filter
def profile_url(expert: Expert) -> str:
    """The expert's page in the active language, or "" when there is none (no dead links)."""
    if expert.has_page_in(get_language()):
        return expert.get_absolute_url()
    return ""


def _in_sentence(title: str) -> str:
    return " ".join(
        word.lower() if word.lower() in ROLE_WORDS else word for word in title.split()
    )


def _years(expert: Expert) -> str:
    start, end = expert.affiliation_start, expert.affiliation_end
    if start and end:
        return f"{start}–{end}" if start != end else str(start)
    if end:
        return _("until %(end)s") % {"end": end}
    if start:
        return _("from %(start)s") % {"start": start}
    return ""


@register.simple_tag
def expert_status(expert: Expert) -> str:
    """A former, emeritus or late expert's line: "Former visiting fellow, 2017–2019"; "" for current ones."""
    if expert.status == ExpertStatus.CURRENT:
        return ""
    titles = expert.title_list
    title = _in_sentence(titles[0]) if titles else ""
    years = _years(expert)
    if expert.status == ExpertStatus.FORMER:
        line = _("Former %(title)s") % {"title": title} if title else _("Former expert")
    elif expert.status == ExpertStatus.EMERITUS:
        line = _("%(title)s emeritus") % {"title": title} if title else _("Emeritus")
    else:
        line = (
            _("In memoriam: %(title)s") % {"title": title}
            if title
            else _("In memoriam")
        )
    line = capfirst(line)
    return (
        _("%(status)s, %(years)s") % {"status": line, "years": years} if years else line
    )
