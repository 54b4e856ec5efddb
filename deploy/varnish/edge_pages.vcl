# Where this deployment keeps the pages shown when no app node answers and no copy is kept:
# the directory `manage.py write_edge_pages` writes (docs/operations.md, Deploying). An
# absolute path, readable by Varnish's own user. Included by default.vcl (edge_unavailable);
# tests and the local stack write their own (devtools/edgestack.py).

sub edge_pages_directory {
    set bereq.http.X-Edge-Pages = "/etc/varnish/neu-edge";
}
