# This deployment's app nodes and the addresses that may PURGE (example: two gunicorn nodes
# on this machine; list each node's address in production). Included by default.vcl.

probe app_health {
    # The app's health endpoint answers without the database or a page render
    # (pagecache/outage.py). A node is healthy while 2 of its last 5 checks pass: a busy node
    # (a check may wait behind requests, hence the 5 s timeout) stays in, and a stopped one
    # is taken out after 4 failed checks, about 4 seconds; a hung one (it accepts
    # connections but does not answer) after 4 checks timed out, about 25 seconds (checks
    # do not overlap; meanwhile default.vcl asks another node for each page after 10 s). Run gunicorn with threads (--threads 4) so that a check
    # is answered at once even while every worker is rendering a page, and --keep-alive 75
    # (longer than Varnish keeps an idle connection, 60 s, so it never reuses a closed one).
    .request =
        "GET /health/ HTTP/1.1"
        "Host: localhost"
        "Connection: close";
    .interval = 1s;
    .timeout = 5s;
    .window = 5;
    .threshold = 2;
    .initial = 2;
}

backend node1 {
    .host = "127.0.0.1";
    .port = "8001";
    .probe = app_health;
    .connect_timeout = 1s;
    .first_byte_timeout = 30s;
}

backend node2 {
    .host = "127.0.0.1";
    .port = "8002";
    .probe = app_health;
    .connect_timeout = 1s;
    .first_byte_timeout = 30s;
}

sub vcl_init {
    new app = directors.shard();
    app.add_backend(node1);
    app.add_backend(node2);
    app.reconfigure();
}

# The app's addresses: only they may PURGE.
acl purgers {
    "127.0.0.1";
    "::1";
}
