from django.apps import AppConfig


class GetInvolvedConfig(AppConfig):
    """Interest forms: the form pages members fill in, their stored submissions, the
    notification emails sent for them, and the admin views the membership team uses."""

    name = "getinvolved"
    verbose_name = "Get involved"

    def ready(self):
        from . import (
            audit,  # noqa: F401 - registers the audit log's actions and receiver
            checks,  # noqa: F401 - registers the data protection settings' deploy check
        )
