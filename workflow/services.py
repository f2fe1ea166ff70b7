"""
The editorial workflow: who may do what to an article, and the transitions.

Every change of ``status``, ``published_at`` or ``available_<lang>`` goes
through ``perform()``, which checks the actor's permission and the article's
state, writes the article and records a ``Transition`` in one database
transaction, and queues the notification. The admin's buttons and bulk
actions, and the ``publish_scheduled`` command, all call it. Publishing an
unpublished change of a live article (a pending revision in ``history``)
is the step ``publish_changes``, performed by ``publish_changes()``, and
dropping it the step ``discard_changes`` (``discard_changes()``): checked
and recorded the same way.
"""

from dataclasses import dataclass
from datetime import UTC, datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from articles import rails, staleness
from articles.models import VISIBLE_STATUSES, Article, Status
from core import pagecache
from core.i18n import language_codes, localized
from history import services as history
from history.models import RevisionKind
from workflow.models import Transition
from workflow.tasks import notified, notify, notify_translators

#: Statuses in which the author (a contributor) may still edit the text.
EDITABLE_BY_AUTHOR = (Status.DRAFT, Status.CHANGES_REQUESTED)


class TransitionError(Exception):
    """The transition is not allowed: the message says why, for the user."""


@dataclass(frozen=True)
class Step:
    name: str
    label: str
    sources: tuple
    permission: str
    needs_comment: bool = False
    needs_date: bool = False
    language: str = ""
    #: Performed on an unpublished change by its own function, not by
    #: ``perform()`` nor offered as an admin action.
    needs_revision: bool = False

    @property
    def takes_date(self) -> bool:
        """
        Does the transition read the moment ``when`` (schedule, reschedule,
        schedule the unpublication, publish a language version later)?
        """
        return self.needs_date or (
            bool(self.language) and self.name.startswith("publish_")
        )


def _interpolate(message, code):
    return str(message) % {"language": str(dict(settings.LANGUAGES)[code])}


#: ``message % {"language": <the language's name>}``, translated when shown.
interpolate_lazy = lazy(_interpolate, str)


def _language_steps():
    steps = []
    for code in language_codes():
        steps.append(
            Step(
                f"publish_{code}",
                interpolate_lazy(_("Publish the %(language)s version"), code),
                (),
                "workflow.publish_article",
                language=code,
            )
        )
        steps.append(
            Step(
                f"withdraw_{code}",
                interpolate_lazy(_("Withdraw the %(language)s version"), code),
                (),
                "workflow.publish_article",
                language=code,
            )
        )
    return steps


#: Every transition, by name. ``sources``: the statuses it starts from (empty:
#: any, for the per-language steps, which leave the status alone).
STEPS = {
    step.name: step
    for step in [
        Step(
            "submit",
            _("Submit for review"),
            (Status.DRAFT, Status.CHANGES_REQUESTED),
            "workflow.submit_article",
        ),
        Step(
            "request_changes",
            _("Request changes"),
            (Status.IN_REVIEW,),
            "workflow.review_article",
            needs_comment=True,
        ),
        Step("approve", _("Approve"), (Status.IN_REVIEW,), "workflow.review_article"),
        Step(
            "publish",
            _("Publish now"),
            (Status.APPROVED,),
            "workflow.publish_article",
        ),
        Step(
            "schedule",
            _("Schedule"),
            (Status.APPROVED,),
            "workflow.publish_article",
            needs_date=True,
        ),
        Step(
            "unschedule",
            _("Cancel the schedule"),
            (Status.SCHEDULED,),
            "workflow.publish_article",
        ),
        Step(
            "reschedule",
            _("Reschedule"),
            VISIBLE_STATUSES,
            "workflow.publish_article",
            needs_date=True,
        ),
        Step(
            "schedule_unpublish",
            _("Schedule the unpublication"),
            VISIBLE_STATUSES,
            "workflow.publish_article",
            needs_date=True,
        ),
        Step(
            "cancel_unpublish",
            _("Cancel the scheduled unpublication"),
            VISIBLE_STATUSES,
            "workflow.publish_article",
        ),
        Step(
            "archive",
            _("Unpublish and archive"),
            VISIBLE_STATUSES,
            "workflow.publish_article",
        ),
        Step(
            "redraft",
            _("Back to draft"),
            (Status.CHANGES_REQUESTED, Status.ARCHIVED),
            "workflow.submit_article",
        ),
        Step(
            "publish_changes",
            _("Publish changes"),
            VISIBLE_STATUSES,
            "workflow.publish_article",
            needs_revision=True,
        ),
        Step(
            "discard_changes",
            _("Discard the change"),
            (),
            "workflow.publish_article",
            needs_revision=True,
        ),
        *_language_steps(),
    ]
}

TARGETS = {
    "submit": Status.IN_REVIEW,
    "request_changes": Status.CHANGES_REQUESTED,
    "approve": Status.APPROVED,
    "publish": Status.PUBLISHED,
    "schedule": Status.SCHEDULED,
    "unschedule": Status.APPROVED,
    "reschedule": Status.SCHEDULED,
    "archive": Status.ARCHIVED,
    "redraft": Status.DRAFT,
}


# Who may do what ---------------------------------------------------------


def is_editor(user):
    """Edits any article (and sees every one)."""
    return user.has_perm("workflow.edit_any_article")


def is_translator(user):
    """Edits only the other languages' text, of any article."""
    return user.has_perm("workflow.translate_article") and not is_editor(user)


def owns(user, article):
    return article.created_by_id is not None and article.created_by_id == user.pk


def can_see(user, article):
    """The article is in this user's admin list."""
    if not user.has_perm("articles.view_article"):
        return False
    return is_editor(user) or is_translator(user) or owns(user, article)


def can_edit(user, article):
    """The change form saves (within the fields ``editable_fields`` allows)."""
    if not user.has_perm("articles.change_article"):
        return False
    if is_editor(user) or is_translator(user):
        return True
    return owns(user, article) and article.status in EDITABLE_BY_AUTHOR


def allowed(user, article, name):
    """May ``user`` perform the transition ``name`` on ``article`` now?"""
    step = STEPS.get(name)
    if step is None or not user.has_perm(step.permission):
        return False
    if step.sources and article.status not in step.sources:
        return False
    if step.permission == "workflow.submit_article" and not (
        is_editor(user) or owns(user, article)
    ):
        return False
    if step.language:
        published_in = article.is_published_in(step.language)
        return not published_in if name.startswith("publish_") else published_in
    if name == "reschedule":
        # What is waiting: the scheduled article, or a language version's own time.
        return article.status == Status.SCHEDULED or bool(_waiting_languages(article))
    if name == "cancel_unpublish":
        return article.unpublish_at is not None
    return True


def _waiting_languages(article, now=None):
    """The languages whose own publication moment is still to come."""
    now = now or timezone.now()
    return [
        code
        for code in language_codes()
        if article.is_published_in(code)
        and (moment := getattr(article, localized("live_from", code))) is not None
        and moment > now
    ]


def allowed_steps(user, article):
    """The transitions ``user`` may perform on ``article``, in order."""
    return [step for name, step in STEPS.items() if allowed(user, article, name)]


# Transitions -------------------------------------------------------------


#: The transitions that put an article before readers (or approve it for
#: that): each checks the article's publication rules first.
PUBLISHING = ("approve", "publish", "schedule")


def _publishable_languages(article):
    """The languages whose version has everything it needs to be published."""
    return [code for code in language_codes() if not article.language_errors(code)]


def _storable(moment: datetime) -> bool:
    """Can ``moment`` be stored? Late on December 31, 9999 is already year 10000 in UTC."""
    try:
        moment.astimezone(UTC)
    except OverflowError:
        return False
    return True


def _not_allowed(step, article):
    return TransitionError(
        _("“%(step)s” is not allowed for this article (%(status)s).")
        % {"step": step.label, "status": article.get_status_display()}
    )


def _check_publication(article):
    """Refuse the transition if ``article``, as it would be left, breaks a publication rule."""
    errors = article.publication_errors(authors=article.authorships.count())
    if errors:
        raise TransitionError(
            " ".join(
                f"{capfirst(article._meta.get_field(name).verbose_name)}: {message}"
                for name, message in errors.items()
            )
        )


def perform(
    article,
    name,
    user,
    *,
    comment="",
    when: datetime | None = None,
    notify: bool = True,
    language: str = "",
):
    """
    Perform the transition ``name`` on ``article`` as ``user`` and record it.

    Raises ``TransitionError`` (with a message for the user) when it is not
    allowed. Returns the ``Transition``. ``notify=False`` emails nobody (the
    demo's seed content is nobody's news).

    ``when``: the moment of ``schedule``, ``reschedule`` and
    ``schedule_unpublish``; for ``publish_<code>`` a moment to come makes the
    version go live then (``Article.live_from_<code>``), later than the rest.
    ``language``: for ``reschedule``, the version whose own moment moves
    (empty: the article's).
    """
    step = STEPS.get(name)
    if step is None or step.needs_revision:
        raise TransitionError(_("Unknown transition."))
    comment = (comment or "").strip()
    with transaction.atomic():
        # Re-read and lock the row: two editors pressing buttons at once
        # must not both move it.
        article = Article.objects.select_for_update().get(pk=article.pk)
        if not allowed(user, article, name):
            raise _not_allowed(step, article)
        if step.needs_comment and not comment:
            raise TransitionError(_("Say what needs to change in the comment."))
        from_status = article.status
        fields = ["status", "updated_at"]
        now = timezone.now()
        if when is not None and not _storable(when):
            raise TransitionError(
                _("This date is too far in the future: choose an earlier one.")
            )
        recorded_language = step.language
        if step.language:
            publishing = name.startswith("publish_")
            fields.append(article.publish_in(step.language, publishing))
            column = localized("live_from", step.language)
            setattr(
                article, column, when if publishing and when and when > now else None
            )
            fields.append(column)
        elif name == "reschedule":
            if when is None or when <= now:
                raise TransitionError(_("Choose a publication date in the future."))
            if language:
                if language not in _waiting_languages(article, now):
                    raise TransitionError(
                        _("This language version has no publication time to move.")
                    )
                setattr(article, localized("live_from", language), when)
                fields.append(localized("live_from", language))
                recorded_language = language
            else:
                if article.status != Status.SCHEDULED:
                    raise _not_allowed(step, article)
                article.published_at = when
                fields.append("published_at")
        elif name == "schedule_unpublish":
            if when is None or when <= now:
                raise TransitionError(_("Choose an unpublication date in the future."))
            if article.published_at and when <= article.published_at:
                raise TransitionError(
                    _("The unpublication must come after the publication date.")
                )
            article.unpublish_at = when
            fields.append("unpublish_at")
        elif name == "cancel_unpublish":
            article.unpublish_at = None
            fields.append("unpublish_at")
        else:
            if name == "schedule":
                if when is None or when <= now:
                    raise TransitionError(_("Choose a publication date in the future."))
                if not _storable(when):
                    raise TransitionError(
                        _("This date is too far in the future: choose an earlier one.")
                    )
                article.published_at = when
                fields.append("published_at")
            elif name == "publish" and (
                article.published_at is None or article.published_at > now
            ):
                # A past date (a backdated piece) is kept; none or a future one becomes now.
                article.published_at = now
                fields.append("published_at")
            if name in ("publish", "schedule") and not article.languages:
                # Nothing chosen yet: publish every language that is ready.
                ready = _publishable_languages(article)
                if not ready:
                    raise TransitionError(
                        _(
                            "No language version is ready yet: each needs a title, "
                            "summary and body, and alt text for the lead image."
                        )
                    )
                for code in ready:
                    fields.append(article.publish_in(code))
            article.status = TARGETS[name]
        if name == "reschedule" and not language:
            article.status = TARGETS[name]
        if name in PUBLISHING or (step.language and name.startswith("publish_")):
            _check_publication(article)
        if (
            article.unpublish_at
            and article.published_at
            and article.unpublish_at <= article.published_at
        ):
            # A new publication date past the scheduled unpublication.
            raise TransitionError(
                _("The unpublication must come after the publication date.")
            )
        if article.note_first_publication():
            fields.append("first_published_at")
        article.updated_by = user
        fields.append("updated_by")
        article.save(update_fields=fields)
        record = Transition.objects.create(
            article=article,
            name=name,
            actor=user,
            at=now,
            from_status=from_status,
            to_status=article.status,
            language=recorded_language,
            comment=comment,
        )
        if notify:
            transaction.on_commit(lambda: _notify(record.pk, name))
    return record


def _on_revision(name, revision, user, apply):
    """Perform the step ``name`` on the unpublished change ``revision`` with ``apply``."""
    step = STEPS[name]
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=revision.object_id)
        if not allowed(user, article, name):
            raise _not_allowed(step, article)
        try:
            apply(revision, user)
        except history.PublishError as error:
            raise TransitionError(str(error)) from None
        return Transition.objects.create(
            article=article,
            name=name,
            actor=user,
            from_status=article.status,
            to_status=article.status,
            comment=f"#{revision.pk}",
        )


def publish_changes(revision, user):
    """
    Publish the unpublished change ``revision`` of a live article as
    ``user`` (the step ``publish_changes``): exactly the reviewed revision is
    applied (``history.services.publish_pending``) and recorded. Raises
    ``TransitionError`` when it is not allowed, or when ``revision`` is no
    longer the change waiting. Returns the ``Transition``.
    """
    return _on_revision("publish_changes", revision, user, history.publish_pending)


def discard_changes(revision, user):
    """
    Drop the unpublished change ``revision`` (the step ``discard_changes``):
    the live version stays, and the change stays in the history. Raises
    ``TransitionError`` as ``publish_changes()`` does.
    """
    return _on_revision("discard_changes", revision, user, history.discard_pending)


def _notify(transition_id, name):
    if notified(name):
        notify.enqueue(transition_id)


def publish_due(now=None):
    """
    Move every scheduled article whose moment has come to published, once;
    record each language version whose own moment has come (its
    ``live_from_<code>`` is cleared: it is live with the article now), and
    archive each article whose scheduled unpublication has come.

    Readers' pages never wait for this task: the live rule (``live_q()``)
    already reads every moment, and the page cache moves on at the next one
    (``next_scheduled_moment()``). This task makes the status, the log, the
    rails and the notifications follow.

    Safe to run from two processes at once: rows are locked with SKIP LOCKED
    where the database supports it, and each conditional UPDATE (``WHERE
    status = 'scheduled'``…) is won by one runner only, which alone records
    the transition. Returns the articles this run changed.
    """
    now = now or timezone.now()
    done = []
    records = []
    with transaction.atomic():
        due = Article.objects.filter(status=Status.SCHEDULED, published_at__lte=now)
        pks = list(due.select_for_update(skip_locked=True).values_list("pk", flat=True))
        for pk in pks:
            won = Article.objects.filter(pk=pk, status=Status.SCHEDULED).update(
                status=Status.PUBLISHED, updated_at=now
            )
            if won:
                records.append(
                    Transition(
                        article_id=pk,
                        name="publish_scheduled",
                        at=now,
                        from_status=Status.SCHEDULED,
                        to_status=Status.PUBLISHED,
                    )
                )
                done.append(pk)
        for code in language_codes():
            column = localized("live_from", code)
            due = Article.objects.filter(
                status__in=VISIBLE_STATUSES,
                published_at__lte=now,
                **{f"{column}__lte": now},
            )
            rows = list(
                due.select_for_update(skip_locked=True).values_list("pk", "status")
            )
            for pk, status in rows:
                won = Article.objects.filter(pk=pk, **{f"{column}__lte": now}).update(
                    **{column: None, "updated_at": now}
                )
                if won:
                    records.append(
                        Transition(
                            article_id=pk,
                            name="publish_scheduled",
                            at=now,
                            from_status=status,
                            to_status=status,
                            language=code,
                        )
                    )
                    done.append(pk)
        due = Article.objects.filter(status__in=VISIBLE_STATUSES, unpublish_at__lte=now)
        rows = list(due.select_for_update(skip_locked=True).values_list("pk", "status"))
        for pk, status in rows:
            won = Article.objects.filter(
                pk=pk, status__in=VISIBLE_STATUSES, unpublish_at__lte=now
            ).update(status=Status.ARCHIVED, unpublish_at=None, updated_at=now)
            if won:
                records.append(
                    Transition(
                        article_id=pk,
                        name="unpublish_scheduled",
                        at=now,
                        from_status=status,
                        to_status=Status.ARCHIVED,
                    )
                )
                done.append(pk)
        created = Transition.objects.bulk_create(records)
        done = sorted(set(done))
        # The UPDATEs above bypass save(): say what changed.
        rails.changed(done)
        if done:
            pagecache.content_changed()
        for record in created:
            transaction.on_commit(
                lambda pk=record.pk, name=record.name: _notify(pk, name)
            )
    return done


def english_changed(sender, instance, revision, previous, user=None, **kwargs):
    """
    ``revision_recorded`` receiver: when a revision changes the English text
    (``staleness.WATCHED``) of an article published in another language whose
    text is not empty, tell that language's translators after the commit.
    """
    if previous is None or revision.kind not in (
        RevisionKind.SAVE,
        RevisionKind.RESTORE,
        RevisionKind.PUBLISH,
    ):
        return
    before, after = previous.get("fields", {}), revision.data.get("fields", {})
    source = staleness.source_language()
    if not any(
        (before.get(localized(name, source)) or "")
        != (after.get(localized(name, source)) or "")
        for name in staleness.WATCHED
    ):
        return
    actor = getattr(revision, "user_id", None)
    for code in staleness.translation_languages():
        if instance.is_published_in(code) and any(
            after.get(localized(name, code)) for name in staleness.WATCHED
        ):
            transaction.on_commit(
                lambda code=code: notify_translators.enqueue(instance.pk, code, actor)
            )


def step_label(name):
    """The label of a recorded transition's name."""
    if name == "publish_scheduled":
        return _("Published on schedule")
    if name == "unpublish_scheduled":
        return _("Unpublished on schedule")
    step = STEPS.get(name)
    return step.label if step else name
