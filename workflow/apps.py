from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class WorkflowConfig(AppConfig):
    name = "workflow"
    verbose_name = _("Editorial workflow")

    def ready(self):
        from workflow.roles import ensure_roles_after_migrate

        # After django.contrib.auth has created the permissions (its handler
        # is connected first): the role groups always exist once migrated.
        post_migrate.connect(ensure_roles_after_migrate, sender=self)
