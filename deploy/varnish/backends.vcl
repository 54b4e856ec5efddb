# This deployment's app nodes and the addresses that may PURGE (example: two gunicorn nodes
# on this machine; list each node's address in production). Included by default.vcl.

probe app_health {
    # The app's health endpoint answers without the database or a page render
    # (core/outage.py). A node is marked down after 2 of its last 3 checks fail: within
    # about 3 seconds of stopping. Run gunicorn with threads (--threads 4) so that a check
    # is answered at once even while every worker is rendering a page.
    .request =
        "GET /health/ HTTP/1.1"
        "Host: localhost"
        "Connection: close";
    .interval = 1s;
    .timeout = 2s;
    .window = 3;
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
    new app = directors.round_robin();
    app.add_backend(node1);
    app.add_backend(node2);
}

# The app's addresses: only they may PURGE.
acl purgers {
    "127.0.0.1";
    "::1";
}
