"""What an admin request is doing, for the hooks that warn editors after they save.

One definition of each, so that every save-time warning (editorial, video, getinvolved)
follows the same rules: nothing on autosave, each distinct warning once, and warnings about
publishing only when the request publishes or sends the page for approval; and one place a
refused bulk action sends people back to.
"""

from django.shortcuts import redirect
from wagtail.admin import messages
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Page

# The buttons of Wagtail's page and snippet editors that move content towards the public:
# publish, submit to the workflow (or restart it), and a reviewer's workflow action.
PUBLIC_ACTIONS = ("action-publish", "action-submit", "action-restart-workflow")
WORKFLOW_ACTION = "action-workflow-action"


def is_autosave(request):
    """Whether this is Wagtail's autosave: its editors post the same form in the background,
    asking for JSON, and answer JSON to any request that does not accept HTML (the
    ``expects_json_response`` test of their views). Messages added then would wait for the
    editor's next page, one set per autosave."""
    return not request.accepts("text/html")


def heads_for_public(request):
    """Whether this save publishes, or asks for approval to publish: the moment to mention
    what visitors and search engines will see."""
    if request.method != "POST" or is_autosave(request):
        return False
    return any(request.POST.get(name) for name in (*PUBLIC_ACTIONS, WORKFLOW_ACTION))


def warn_once(request, text, buttons=None):
    """Add a warning banner unless this request has already given the same one (the same
    video twice in a body, or two hooks with the same concern)."""
    given = request.__dict__.setdefault("_warnings_given", set())
    if text in given:
        return
    given.add(text)
    messages.warning(request, text, buttons=buttons)


def publishes(request, page):
    """Whether this save publishes ``page``: "Publish", or a workflow action by someone who
    may publish it (approving the last step). Never a Reviewer's or an Editor's save."""
    if request.method != "POST" or is_autosave(request):
        return False
    if request.POST.get("action-publish"):
        return True
    return bool(request.POST.get(WORKFLOW_ACTION)) and (
        page.permissions_for_user(request.user).can_publish()
    )


def back_from_bulk(request, objects):
    """Where a refused bulk action sends people: the listing they came from (``next``, if it
    is on this site), else the first page's parent, else the dashboard."""
    if url := get_valid_next_url_from_request(request):
        return redirect(url)
    if isinstance(objects[0], Page):
        return redirect("wagtailadmin_explore", objects[0].get_parent().pk)
    return redirect("wagtailadmin_home")
