from django.apps import AppConfig


class DevToolsConfig(AppConfig):
    """Developers' tools, never part of a running site: the benchmarks (`make bench`), the
    production chain on one machine (`make serve`: localstack.py; edgestack.py and
    pgcluster.py for the benchmarks, the load test and tests/edge/), the load test and the
    HTML and Lighthouse audit (audit/). Installed by the development and test settings only;
    no runtime app imports it."""

    name = "devtools"
    verbose_name = "Developer tools"
