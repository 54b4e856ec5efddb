"""What a case study records about its school, as choices visitors filter by."""

from django.db import models

# Marked for the Welsh catalogue but kept as plain text: the starter content copies the region
# names into the forms' region question. Visitors see them translated where they are shown
# (the filters in filters.py, the templates' {% translate %}).
from django.utils.translation import gettext_noop as _


class Region(models.TextChoices):
    NORTH_EAST = "north-east", _("North East England")
    NORTH_WEST = "north-west", _("North West England")
    YORKSHIRE = "yorkshire", _("Yorkshire and the Humber")
    EAST_MIDLANDS = "east-midlands", _("East Midlands")
    WEST_MIDLANDS = "west-midlands", _("West Midlands")
    EAST = "east", _("East of England")
    LONDON = "london", _("London")
    SOUTH_EAST = "south-east", _("South East England")
    SOUTH_WEST = "south-west", _("South West England")
    WALES = "wales", _("Wales")
    OTHER = "other", _("Elsewhere")


class Phase(models.TextChoices):
    PRIMARY = "primary", _("Primary")
    SECONDARY = "secondary", _("Secondary")
    ALL_THROUGH = "all-through", _("All-through")
    SPECIAL = "special", _("Special")
    OTHER = "other", _("Other")
