"""Django's JSON serialisation, keeping times to the microsecond: DjangoJSONEncoder rounds
them to milliseconds (ECMAScript's precision), so a restored submission's time would differ
from the original. Registered as the "backupjson" format by sitesetup/backup.py."""

import datetime

from django.core.serializers import json as django_json
from django.core.serializers.json import DjangoJSONEncoder


class FullPrecisionEncoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


class Serializer(django_json.Serializer):
    def _init_options(self):
        super()._init_options()
        self.json_kwargs["cls"] = FullPrecisionEncoder


Deserializer = django_json.Deserializer
