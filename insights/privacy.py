"""What the privacy notice says about the page-view counter: a heading and paragraphs, in
plain words, from the settings the counter runs with. getinvolved's privacy notice adds it
through the "privacy_notice_sections" hook (wagtail_hooks.py)."""

from django.conf import settings
from django.utils.translation import gettext as _


def counter_statement():
    """{"heading": str, "paragraphs": [str, ...]}"""
    return {
        "heading": _("Counting page views"),
        "paragraphs": [
            _(
                "To learn which pages are read, this website counts how many times each page is "
                "opened, per day. When a page opens, your browser tells this website (and no "
                "one else) which page it is and, if you followed a link from another website, "
                "that website’s host name (such as news.example.org), without the rest of its "
                "address."
            ),
            _(
                "The website keeps only the totals: the number of views of each page on each "
                "day, and of visits from each other website on each day. It sets no cookie for "
                "this and stores nothing about you: not your internet address, your browser or "
                "device, nor anything that could link one visit to another."
            ),
            _(
                "To stop one connection inflating the counts, the website counts the page views "
                "sent from each internet connection over a minute (at most %(beacons)s are "
                "counted), under a scrambled code made from the address, never the address "
                "itself, and deletes that count automatically within two minutes. Under the same "
                "code it counts, for a day, how many other websites not yet counted that day the "
                "connection named (at most %(referrers)s are added)."
            )
            % {
                "beacons": settings.INSIGHTS_BEACONS_PER_MINUTE,
                "referrers": settings.INSIGHTS_NEW_REFERRERS_PER_DAY,
            },
            _(
                "Only the website’s staff see the totals, in its administration area. No other "
                "company takes part in counting."
            ),
        ],
    }
