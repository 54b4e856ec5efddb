"""The beacon's endpoint: POST /insights/view with ``page`` (a page id) and ``ref`` (the host
name of the site the visitor came from, if any). Answers 204 with nothing in it: no cookie,
never cached. A refusal says only its status (400, 403, 405, 413, 429)."""

from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from pagecache.ratelimit import CounterUnavailable

from . import counting


# Exempt from CSRF: the endpoint changes nothing anyone could abuse through a visitor's
# browser (it adds one to a page's count, checked for origin and rate below), and a page
# served from the cache or a CDN carries no CSRF token to send.
@csrf_exempt
@never_cache
@require_POST
def page_view(request):
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = counting.MAX_BODY_BYTES + 1
    if length > counting.MAX_BODY_BYTES:
        return HttpResponse(status=413)
    # The allowance first: every beacon spends it, whatever it names. If it cannot be
    # checked (the shared cache is down), nothing is counted, and the beacon is not told.
    try:
        if counting.over_the_limit(request):
            return HttpResponse(status=429)
    except CounterUnavailable:
        return HttpResponse(status=204)
    if not counting.from_this_site(request):
        return HttpResponse(status=403)
    page_id = counting.live_page_id(request.POST.get("page"))
    if page_id is None:
        return HttpResponse(status=400)
    host = counting.referrer_host(request.POST.get("ref"), request.get_host())
    counting.count_view(request, page_id, host)
    return HttpResponse(status=204)
