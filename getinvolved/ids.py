"""Submission ids from the address bar, checked before Wagtail or wagtail-modeladmin look
them up. Both hand the text to the database as it is: "abc" makes Django raise ValueError,
and on PostgreSQL a NUL character or a number outside the column's range is an error too;
each was a 500. An id is a whole number from 1 to the largest the id column holds."""

import re

from django.db import connection

DIGITS = re.compile(r"[1-9][0-9]{0,19}")


def valid_id(value, model):
    """Whether ``value`` (text) is an id ``model``'s primary key could hold."""
    if not isinstance(value, str) or not DIGITS.fullmatch(value):
        return False
    _, largest = connection.ops.integer_field_range(model._meta.pk.get_internal_type())
    return largest is None or int(value) <= largest
