from django import template
from wagtail.models import Site

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The home page followed by its live children marked 'Show in menus', in tree order."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    home = site.root_page
    return [home, *home.get_children().live().public().in_menu()]
