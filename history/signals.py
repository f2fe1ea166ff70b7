from django.dispatch import Signal

#: Sent after ``services.record()`` kept a revision of ``instance`` (sender:
#: its model), with ``revision`` and ``previous`` (the data of the revision
#: before it, or None): what derives from a record's changes listens here.
revision_recorded = Signal()
