vcl 4.1;
# The edge cache in front of the app nodes (docs/operations.md). Varnish 7.
#
# Cached: what the site marks public (Cache-Control: public: visitors' pages, kept for their
# s-maxage, and static files). Passed straight to the app: any method but GET and HEAD
# (form posts), /admin/ (signing in, editing, previews), /documents/ (privacy rules), a
# request with a session or messages cookie (a signed-in editor) or an Authorization header,
# and every response that is not public or sets a cookie (form pages).
# Stale pages: a page past its s-maxage is served at once while it is fetched again, and for
# up to a day (grace) while the app cannot answer: every node down, or an error (5xx) such as
# the app's "try again" page while the database is down.
# PURGE (wagtail.contrib.frontend_cache, CDN_PURGE_URL) only from the app's addresses.

import std;
import directors;
import cookie;

# The app nodes, their health check and the "purgers" ACL of this deployment (the app's
# addresses): backends.vcl next to this file is the example; tests write their own.
include "backends.vcl";
# Where the pages shown when no node answers are (edge_unavailable): edge_pages.vcl, ditto.
include "edge_pages.vcl";

sub vcl_recv {
    if (req.restarts == 0) {
        # Set only by this VCL, when the app failed: never by a client.
        unset req.http.X-Edge-Stale;
    }
    if (req.method == "PURGE") {
        if (!client.ip ~ purgers) {
            return (synth(405, "Not allowed"));
        }
        return (purge);
    }
    if (req.method == "BAN") {
        return (synth(405, "Not allowed"));
    }
    set req.backend_hint = app.backend(resolve=LAZY);  # a node is chosen per fetch
    # Which node this request's fetches start from (vcl_backend_fetch). Set here, not
    # there: each retry starts from the backend request as vcl_recv left it.
    set req.http.X-Edge-Pick = std.random(0, 1000000);
    # A healthy app: a page just past its s-maxage is served once more while it is fetched
    # again. Otherwise (no healthy node, or the app failed: see vcl_synth) any stale copy.
    if (std.healthy(req.backend_hint) && !req.http.X-Edge-Stale) {
        set req.grace = 10s;
    } else {
        set req.grace = 24h;  # (kept across a restart unless set again)
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|documents|health)(/|\?|$)" || req.http.Authorization) {
        return (pass);
    }
    if (req.url ~ "^/static/") {
        # Static files are the same for everyone: no cookie is needed to fetch them.
        unset req.http.Cookie;
        return (hash);
    }
    # Only the cookies the app reads reach it (analytics and other cookies would only
    # split the cache). A session or messages cookie means the page may be personal.
    if (req.http.Cookie) {
        cookie.parse(req.http.Cookie);
        cookie.keep("sessionid,messages,csrftoken");
        set req.http.Cookie = cookie.get_string();
        if (req.http.Cookie == "") {
            unset req.http.Cookie;
        }
    }
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);
    }
    # csrftoken alone is kept for the app (a form page, never cached, needs it) but does not
    # change a public page: look the page up as for any visitor.
    return (hash);
}

sub vcl_hash {
    # The host without its port: PURGE requests name the site's host name only.
    hash_data(req.url);
    hash_data(std.tolower(regsub(req.http.Host, ":[0-9]+$", "")));
    return (lookup);
}

sub vcl_backend_fetch {
    # Each fetch picks a node at random, and a retry the next healthy node after the ones
    # tried (the shard director's "alt"): never the node that just failed, which may still
    # count as healthy (a round robin could hand it the retry again when fetches overlap).
    set bereq.backend = app.backend(by=KEY, key=app.key(bereq.http.X-Edge-Pick),
        alt=bereq.retries);
    if ((bereq.method == "GET" || bereq.method == "HEAD")
        && bereq.url !~ "^/(admin|documents)(/|\?|$)") {
        # A visitor's page renders in well under a second. A node that has hung (it still
        # accepts connections: the health check takes about 25 s to notice) would keep the
        # visitor waiting the backend's first_byte_timeout (30 s, for the admin's slow pages):
        # after 10 s the page is asked of another node instead (vcl_backend_error). Not
        # less: an overloaded node's slow answer would be asked for twice, adding load.
        set bereq.first_byte_timeout = 10s;
    }
}

sub vcl_backend_response {
    if (beresp.status >= 500 && !bereq.uncacheable && !bereq.http.X-Edge-Stale) {
        # The app failed (e.g. its database is down): keep the copy we have. A background
        # refresh just ends; a visitor's request starts again allowing any stale copy.
        return (abandon);
    }
    if (beresp.http.Cache-Control !~ "(^|[ ,])public([ ,]|$)"
        || beresp.http.Cache-Control ~ "private|no-cache|no-store") {
        # Not marked public (form pages, redirects, errors): never stored, and for the next
        # two minutes requests for it go straight to the app.
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    if (beresp.http.Set-Cookie) {
        # A public page that sets a cookie (e.g. a new CSRF cookie for a stale one) is for
        # this visitor only; the next visitor's request is looked up as usual.
        set beresp.uncacheable = true;
        set beresp.ttl = 0s;
        return (deliver);
    }
    # Public pages carry Vary: Cookie. The only cookie that reaches a cached lookup is
    # csrftoken, which does not change a public page (vcl_recv): one copy for everyone.
    if (beresp.http.Vary) {
        set beresp.http.Vary = regsuball(beresp.http.Vary, "(?i)(^|,)\s*Cookie\s*(,|$)", "\2");
        set beresp.http.Vary = regsub(beresp.http.Vary, "^,\s*", "");
        if (beresp.http.Vary == "") {
            unset beresp.http.Vary;
        }
    }
    # The TTL is the response's s-maxage (Varnish reads it). Past it, a copy is kept a day
    # for grace, and a week to revalidate with its ETag.
    set beresp.grace = 24h;
    set beresp.keep = 7d;
    return (deliver);
}

sub vcl_backend_error {
    if (bereq.retries < 1 && (bereq.method == "GET" || bereq.method == "HEAD")) {
        # The node did not answer (stopped or hung, not yet marked sick): try another, once
        # (vcl_backend_fetch never picks the same node again; a second retry would only add
        # load to nodes that are all slow).
        return (retry);
    }
    if (!bereq.uncacheable && !bereq.http.X-Edge-Stale) {
        return (abandon);
    }
    call edge_unavailable;
    return (deliver);
}

sub vcl_synth {
    if (resp.status == 503 && req.restarts == 0 && !req.http.X-Edge-Stale
        && (req.method == "GET" || req.method == "HEAD")) {
        # The app failed on a page that may be cached: try again allowing any stale copy.
        set req.http.X-Edge-Stale = "1";
        return (restart);
    }
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
        if (obj.ttl <= 0s) {
            set resp.http.X-Cache = "HIT, stale";
        }
    } else {
        set resp.http.X-Cache = "MISS";
    }
}

# No app node answered and no copy is kept: the app's own "back in a few minutes" page, in the
# site's design (its stylesheet inlined), written beforehand by `manage.py write_edge_pages`
# into the directory edge_pages.vcl names: Welsh for addresses under /cy/, and after a form
# post (any method but GET and HEAD) the one saying the answers were not saved.
sub edge_unavailable {
    set beresp.status = 503;
    set beresp.http.Content-Type = "text/html; charset=utf-8";
    set beresp.http.Retry-After = "120";
    set beresp.http.Cache-Control = "no-store";
    set beresp.uncacheable = true;
    set beresp.ttl = 0s;
    call edge_pages_directory;
    set bereq.http.X-Edge-Page = bereq.http.X-Edge-Pages + "/unavailable";
    if (bereq.method != "GET" && bereq.method != "HEAD") {
        set bereq.http.X-Edge-Page = bereq.http.X-Edge-Pages + "/not-saved";
    }
    if (bereq.url ~ "^/cy(/|\?|$)") {
        set bereq.http.X-Edge-Page = bereq.http.X-Edge-Page + "-cy.html";
        set beresp.http.Content-Language = "cy";
    } else {
        set bereq.http.X-Edge-Page = bereq.http.X-Edge-Page + "-en.html";
        set beresp.http.Content-Language = "en-GB";
    }
    # std.fileread() reads a file once and keeps it until the VCL is reloaded (reload after
    # writing new pages); a file it cannot read (missing, not readable) gives an empty string
    # and is tried again next time. Only a whole page is sent: otherwise (the pages were never
    # written on this machine) the short page below, so that a visitor never gets a blank one.
    if (std.fileread(bereq.http.X-Edge-Page) ~ "</html>") {
        synthetic(std.fileread(bereq.http.X-Edge-Page));
    } else {
        synthetic({"<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Back soon | Place and Belonging in School</title></head>
<body><main><h1>Back soon</h1>
<p>Sorry, the site cannot show this page just now. Please try again in a few minutes.</p>
<p>If you sent a form, your answers were not saved: please send it again then.</p>
</main></body></html>
"});
        set beresp.http.Content-Language = "en-GB";
    }
    unset bereq.http.X-Edge-Pages;
    unset bereq.http.X-Edge-Page;
}
