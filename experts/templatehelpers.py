"""
Presentation helpers for experts: profile links and the status line. Plain
functions; ``thinktank.jinja2`` gives them to the templates.
"""

from django.conf import settings
from django.utils.text import capfirst
from django.utils.translation import get_language, gettext as _

from core.i18n import localized
from experts.models import Expert, ExpertStatus

# Generic words of a title, lower-cased inside a sentence ("Former visiting fellow");
# other words (named fellowships: "Kahn Fellow") keep their capitals.
ROLE_WORDS = frozenset(
    {"adjunct", "analyst", "and", "assistant", "associate", "chair", "counselor", "deputy",
     "director", "distinguished", "editor", "emeritus", "executive", "fellow", "for", "in", "junior",
     "former", "managing", "military", "nonresident", "non-resident", "of", "on", "program",
     "research", "resident", "scholar", "senior", "the", "visiting"}
)  # fmt: skip


def profile_url(expert: Expert) -> str:
    """The expert's page in the active language, or "" when there is none (no dead links, none to the trash)."""
    if not expert.deleted_at and expert.has_page_in(get_language()):
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
        return _("since %(start)s") % {"start": start}
    return ""


def text_language(obj, field: str) -> str:
    """The language ``obj.<field>`` is shown in: the active one, or the fallback when it is empty there."""
    language = get_language() or settings.LANGUAGE_CODE
    if getattr(obj, localized(field, language), ""):
        return language
    return settings.LANGUAGE_CODE


def _with_status(template: str, title: str) -> str:
    """``template`` applied to ``title``, unless the title already says it ("Former Senior Fellow")."""
    marker = (template % {"title": ""}).strip(" :,").lower()
    if marker and marker in title.lower():
        return title
    return template % {"title": title}


def expert_status(expert: Expert) -> str:
    """A former, emeritus or late expert's line: "Former visiting fellow, 2017–2019"; "" for current ones."""
    if expert.status == ExpertStatus.CURRENT:
        return ""
    titles = expert.title_list
    title = _in_sentence(titles[0]) if titles else ""
    if expert.status == ExpertStatus.FORMER:
        line = (
            _with_status(_("Former %(title)s"), title) if title else _("Former expert")
        )
    elif expert.status == ExpertStatus.EMERITUS:
        line = _with_status(_("%(title)s emeritus"), title) if title else _("Emeritus")
    else:
        line = (
            _with_status(_("In memoriam: %(title)s"), title)
            if title
            else _("In memoriam")
        )
    line = capfirst(line)
    years = _years(expert)
    return (
        _("%(status)s, %(years)s") % {"status": line, "years": years} if years else line
    )
