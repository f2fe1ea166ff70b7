"""
Revisions, restores, the trash and the version check, as functions the admin,
commands and tests call.

* ``record(obj, user)`` keeps a revision of ``obj`` as saved (after its
  relations) and makes its version current.
* ``claim(obj, version)`` is the check-and-save of concurrent editing: a
  conditional ``UPDATE … SET version = version + 1 WHERE version = <read>``
  on the record's ``VersionCounter``. It is won by one save only, on SQLite
  and PostgreSQL alike (the row lock the UPDATE takes is held until commit;
  SQLite transactions take the write lock as they begin, see settings). The
  change form carries the version it read signed (``version_token``), so a
  save can only claim a version its form was given (``version_read``).
* ``restore(revision, user)`` puts a revision back and records a new one.
* ``trash``, ``untrash`` and ``purge`` implement the trash.
"""

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _, ngettext

from history import snapshot
from history.models import EditLock, Revision, RevisionKind, VersionCounter
from history.options import options_of
from history.signals import revision_recorded
from library.usage import Use, referring_fields

#: Days a trashed record can be restored before ``purge_trash`` removes it.
TRASH_DAYS = 30
#: Seconds between the heartbeats of an open change page (its script).
HEARTBEAT_SECONDS = 30
#: Seconds without a heartbeat after which a change page no longer counts as open.
PRESENCE_SECONDS = 90


class EditConflict(Exception):
    """Someone saved the record after this editor opened it."""

    def __init__(self, data=None):
        super().__init__("edit conflict")
        self.data = data


def _signed_in(user):
    """The user a revision names: None for commands and anonymous users."""
    return user if user is not None and user.is_authenticated else None


def _key(obj):
    return ContentType.objects.get_for_model(type(obj)), obj.pk


def current_version(obj) -> int:
    content_type, pk = _key(obj)
    return (
        VersionCounter.objects.filter(content_type=content_type, object_id=pk)
        .values_list("version", flat=True)
        .first()
        or 0
    )


_version_signer = signing.Signer(salt="history.version")


def version_token(obj) -> str:
    """What the change form of ``obj`` carries: the version it is opened at, signed."""
    content_type, pk = _key(obj)
    return _version_signer.sign_object([content_type.pk, pk, current_version(obj)])


def version_read(obj, token) -> int | None:
    """The version a change form of ``obj`` was opened at; None if ``token`` is not one."""
    try:
        content_type_id, pk, version = _version_signer.unsign_object(token or "")
    except (signing.BadSignature, ValueError, TypeError):
        return None
    content_type, own_pk = _key(obj)
    if (content_type_id, pk) != (content_type.pk, own_pk):
        return None
    return version


def _counter(obj):
    content_type, pk = _key(obj)
    try:
        with transaction.atomic():
            counter, _created = VersionCounter.objects.get_or_create(
                content_type=content_type, object_id=pk
            )
    except IntegrityError:
        counter = VersionCounter.objects.get(content_type=content_type, object_id=pk)
    return counter


def claim(obj, version: int | None) -> int:
    """
    Move ``obj`` from ``version`` (the one its editor read) to the next one.

    Returns the new version, or raises ``EditConflict`` when another save
    got there first, or when the editor read no version (None). Call it
    inside the transaction that saves the record.
    """
    if version is None:
        raise EditConflict()
    counter = _counter(obj)
    won = VersionCounter.objects.filter(pk=counter.pk, version=version).update(
        version=F("version") + 1
    )
    if not won:
        raise EditConflict()
    return version + 1


def bump(obj) -> int:
    """Move ``obj`` to its next version whatever it is (restores, the trash)."""
    counter = _counter(obj)
    VersionCounter.objects.filter(pk=counter.pk).update(version=F("version") + 1)
    return VersionCounter.objects.get(pk=counter.pk).version


def latest(obj):
    """The newest revision of what ``obj`` is in the database (not a pending change), or None."""
    return Revision.objects.of(obj).applied().first()


def pending(obj):
    """The unpublished change of ``obj`` waiting to be published, or None."""
    newest = Revision.objects.of(obj).accepted().select_related("user").first()
    return (
        newest if newest is not None and newest.kind == RevisionKind.PENDING else None
    )


def is_moderated(obj):
    """
    Do edits of ``obj`` wait as an unpublished change until someone publishes
    them? Only for a model whose ``revision_options`` say it is moderated,
    as its ``changes_need_review()`` judges the stored row.
    """
    if not options_of(obj).moderated or not obj.pk:
        return False
    return obj.changes_need_review()


def ensure_baseline(obj, user=None):
    """Record the stored state of ``obj`` if it has no revision yet (without a new version)."""
    if latest(obj) is None:
        stored = type(obj)._base_manager.get(pk=obj.pk)
        record(stored, user, comment="", version=current_version(stored))


def record_pending(obj, data, user=None, *, version=None, comment="", via=""):
    """Keep ``data`` as the unpublished change of the moderated ``obj``."""
    content_type, pk = _key(obj)
    # What a restore leaves alone is as it is stored (a restored old revision
    # would otherwise show another status or date as part of the change).
    stored = snapshot.take(type(obj)._base_manager.get(pk=pk))["fields"]
    unrestored = options_of(obj).unrestored
    data = {
        **data,
        "fields": {
            **data["fields"],
            **{
                name: value
                for name, value in stored.items()
                if name in unrestored or name.removesuffix("_id") in unrestored
            },
        },
    }
    return Revision.objects.create(
        content_type=content_type,
        object_id=pk,
        kind=RevisionKind.PENDING,
        user=_signed_in(user),
        via=via,
        comment=comment[:300],
        version=version if version is not None else bump(obj),
        data=data,
    )


class PublishError(Exception):
    """The unpublished change cannot be published: the message says why."""


def publish_pending(revision, user):
    """
    Apply exactly the reviewed unpublished change ``revision`` to its record
    and record it. Refused if a newer change was saved since (the reviewer
    saw another one) or it was discarded. Who may do it, and the log, are
    the caller's (a workflow step).
    """
    model = revision.content_type.model_class()
    with transaction.atomic():
        obj = model._base_manager.select_for_update().get(pk=revision.object_id)
        current = pending(obj)
        if current is None or current.pk != revision.pk:
            raise PublishError(
                _("This change is no longer the one waiting: review the newest one.")
            )
        snapshot.apply(obj, revision.data)
        return record(obj, user, kind=RevisionKind.PUBLISH, comment=f"#{revision.pk}")


def discard_pending(revision, user):
    """Drop the unpublished change ``revision``: the live version stays (and is recorded)."""
    model = revision.content_type.model_class()
    with transaction.atomic():
        obj = model._base_manager.select_for_update().get(pk=revision.object_id)
        if pending(obj) is None or pending(obj).pk != revision.pk:
            raise PublishError(_("This change is no longer the one waiting."))
        return record(obj, user, kind=RevisionKind.DISCARD, comment=f"#{revision.pk}")


def record(obj, user=None, *, kind=RevisionKind.SAVE, comment="", version=None, via=""):
    """
    Keep a revision of ``obj`` as the database holds it now (relations
    included). ``via`` names the command that wrote it when no user did.
    """
    data = snapshot.take(obj)
    previous = latest(obj)
    if version is None:
        version = bump(obj)
    content_type, pk = _key(obj)
    revision = Revision.objects.create(
        content_type=content_type,
        object_id=pk,
        kind=kind,
        user=_signed_in(user),
        via=via,
        comment=comment[:300],
        version=version,
        data=data,
    )
    revision_recorded.send(
        sender=type(obj),
        instance=obj,
        revision=revision,
        previous=previous.data if previous else None,
    )
    return revision


def record_conflict(obj, data, user=None):
    """Keep the refused save ``data`` of ``obj`` as a revision marked as a conflict."""
    content_type, pk = _key(obj)
    return Revision.objects.create(
        content_type=content_type,
        object_id=pk,
        kind=RevisionKind.CONFLICT,
        user=_signed_in(user),
        version=0,
        data=data,
    )


def record_autosave(obj, data, user):
    """
    Keep ``data``, the draft ``user`` is writing in the change form of ``obj``,
    as an autosave: the record is not touched and no version is claimed (the
    editor's own save later is no conflict). One autosave per user and
    record: the newest replaces the one before; a restore puts it back.
    """
    content_type, pk = _key(obj)
    with transaction.atomic():
        Revision.objects.filter(
            content_type=content_type,
            object_id=pk,
            kind=RevisionKind.AUTOSAVE,
            user=_signed_in(user),
        ).delete()
        return Revision.objects.create(
            content_type=content_type,
            object_id=pk,
            kind=RevisionKind.AUTOSAVE,
            user=_signed_in(user),
            version=0,
            data=data,
        )


def restore(revision, user=None):
    """Put ``revision`` back: the record and its relations; a new revision records it."""
    model = revision.content_type.model_class()
    with transaction.atomic():
        obj = model._base_manager.select_for_update().get(pk=revision.object_id)
        if is_moderated(obj):
            # The stored version stays: the restore waits to be published.
            ensure_baseline(obj, user)
            return record_pending(obj, revision.data, user, comment=f"#{revision.pk}")
        snapshot.apply(obj, revision.data)
        return record(
            obj,
            user,
            kind=RevisionKind.RESTORE,
            comment=f"#{revision.pk}",
        )


def files_named(model, attname, names=None) -> set[str]:
    """
    The file names that revisions of ``model`` hold in the column
    ``attname`` (among ``names`` when given): a restore can put them back, so
    they are kept (``core.uploads.keep_files_named_by``).
    """
    key = f"data__fields__{attname}"
    revisions = Revision.objects.filter(
        content_type=ContentType.objects.get_for_model(model)
    )
    if names is not None:
        revisions = revisions.filter(**{f"{key}__in": list(names)})
    return {name for name in revisions.values_list(key, flat=True) if name}


def revisions_naming(record) -> list:
    """
    The records whose revisions name the library record ``record`` through a
    foreign key (``library.usage.find_uses_with``): one use per record, with
    a link to its history. A restore can put the reference back, so the
    record must stay. No model is named: the foreign keys pointing at
    ``record``'s model are read from its meta.
    """
    uses = []
    for field in referring_fields(type(record)):
        content_type = ContentType.objects.get_for_model(field.model)
        revisions = (
            Revision.objects.filter(content_type=content_type)
            .filter(**{f"data__fields__{field.attname}": record.pk})
            .order_by("object_id", "-pk")
        )
        by_object = {}
        for revision in revisions.only("pk", "object_id", "created_at"):
            by_object.setdefault(revision.object_id, []).append(revision)
        names = {
            row.pk: str(row)
            for row in field.model._base_manager.filter(pk__in=list(by_object))
        }
        meta = field.model._meta
        for object_id, found in by_object.items():
            try:
                url = reverse(
                    f"admin:{meta.app_label}_{meta.model_name}_history",
                    args=[object_id],
                )
            except NoReverseMatch:
                url = None
            label = ngettext(
                "%(count)d revision of %(model)s “%(name)s” (%(field)s)",
                "%(count)d revisions of %(model)s “%(name)s” (%(field)s)",
                len(found),
            ) % {
                "count": len(found),
                "model": meta.verbose_name,
                "name": names.get(object_id, f"#{object_id}"),
                "field": field.verbose_name,
            }
            uses.append(Use(label, url, found[0], kind="revision"))
    return uses


# Presence ----------------------------------------------------------------


def mark_open(obj, user):
    """``user`` has the change page of ``obj`` open now (its load, then its heartbeats)."""
    content_type, pk = _key(obj)
    now = timezone.now()
    lock = EditLock.objects.filter(
        content_type=content_type, object_id=pk, user=user
    ).first()
    if lock is None or lock.seen_at < now - timedelta(seconds=PRESENCE_SECONDS):
        EditLock.objects.update_or_create(
            content_type=content_type,
            object_id=pk,
            user=user,
            defaults={"since": now, "seen_at": now},
        )
    else:
        EditLock.objects.filter(pk=lock.pk).update(seen_at=now)


def release(obj, user):
    """``user`` left the change page of ``obj`` (or saved it)."""
    content_type, pk = _key(obj)
    EditLock.objects.filter(content_type=content_type, object_id=pk, user=user).delete()


def other_editors(obj, user):
    """The others who have ``obj``'s change page open now, with since when."""
    content_type, pk = _key(obj)
    return (
        EditLock.objects.filter(
            content_type=content_type,
            object_id=pk,
            seen_at__gte=timezone.now() - timedelta(seconds=PRESENCE_SECONDS),
        )
        .exclude(user=user)
        .select_related("user")
        .order_by("since")
    )


# The trash ---------------------------------------------------------------


def trash(obj, user=None):
    """Move ``obj`` to the trash: hidden everywhere, restorable for TRASH_DAYS."""
    with transaction.atomic():
        obj.deleted_at = timezone.now()
        # A save (not an UPDATE) so that what follows every change of the
        # record runs (the page cache, derived data).
        obj.save(update_fields=["deleted_at"])
        record(obj, user, kind=RevisionKind.TRASH)


def untrash(obj, user=None):
    """Bring ``obj`` back from the trash as it was, relations and translations included."""
    with transaction.atomic():
        obj.deleted_at = None
        obj.save(update_fields=["deleted_at"])
        record(obj, user, kind=RevisionKind.UNTRASH)


def purge(model, now=None, days=TRASH_DAYS):
    """
    Delete for good what has been in the trash more than ``days`` days, with
    its revisions. A record some relation of ``revision_options.kept_while``
    still needs stays (an expert credited on an article: their name is in the
    byline). Returns (purged, kept) counts.
    """
    kept_while = options_of(model).kept_while
    cutoff = (now or timezone.now()) - timedelta(days=days)
    content_type = ContentType.objects.get_for_model(model)
    purged = kept = 0
    for obj in model._base_manager.filter(deleted_at__lt=cutoff):
        if any(getattr(obj, name).exists() for name in kept_while):
            kept += 1
            continue
        with transaction.atomic():
            pk = obj.pk
            obj.delete()
            Revision.objects.filter(content_type=content_type, object_id=pk).delete()
            VersionCounter.objects.filter(
                content_type=content_type, object_id=pk
            ).delete()
            EditLock.objects.filter(content_type=content_type, object_id=pk).delete()
        purged += 1
    return purged, kept
