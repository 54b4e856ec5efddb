"""The whole production chain on this machine, for tests, `make loadtest` and `make bench`:
Varnish (deploy/varnish/default.vcl, as shipped) in front of several gunicorn nodes under
config.settings.production, with Redis and the task worker (devtools/localstack.py), all on
loopback. Each node is a gunicorn of its own on its own port, as on separate machines."""

import io
import json
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from django.conf import settings
from django.core.management import call_command

from .localstack import LocalStack, StackError, free_port, wait_for_port

VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"
VCL_DIR = Path(settings.BASE_DIR) / "deploy" / "varnish"
# As deploy/varnish/backends.vcl, for nodes on the given ports: a check a second, a node is
# healthy while 2 of its last 5 pass (a stopped node is out after about 4 seconds, a hung
# one after about 25).
BACKENDS_VCL = """
probe app_health {{
    .request = "GET /health/ HTTP/1.1" "Host: localhost" "Connection: close";
    .interval = 1s;
    .timeout = 5s;
    .window = 5;
    .threshold = 2;
    .initial = 2;
}}
{backends}
sub vcl_init {{
    new app = directors.shard();
{adds}
    app.reconfigure();
}}
acl purgers {{
{purgers}
}}
"""
BACKEND = """backend node{n} {{
    .host = "127.0.0.1";
    .port = "{port}";
    .probe = app_health;
    .connect_timeout = 1s;
    .first_byte_timeout = 30s;
}}
"""


# As deploy/varnish/edge_pages.vcl, for this stack's own directory of pages.
EDGE_PAGES_VCL = """sub edge_pages_directory {{
    set bereq.http.X-Edge-Pages = "{directory}";
}}
"""


def backends_vcl(ports, purgers=("127.0.0.1", "::1")):
    return BACKENDS_VCL.format(
        backends="".join(BACKEND.format(n=n, port=port) for n, port in enumerate(ports, 1)),
        adds="\n".join(f"    app.add_backend(node{n});" for n in range(1, len(ports) + 1)),
        purgers="\n".join(f'    "{address}";' for address in purgers),
    )


class Varnish:
    """varnishd with the shipped default.vcl and a backends.vcl for ``ports``."""

    def __init__(self, ports, purgers=("127.0.0.1", "::1"), output=None):
        self.port = free_port()
        self.ports = list(ports)
        self.purgers = purgers
        self.output = output
        self.directory = Path(tempfile.mkdtemp(prefix="neu-belonging-varnish-"))
        self.directory.chmod(0o755)  # varnishd started by root reads it as its own user
        self.pages = self.directory / "edge-pages"
        self.process = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        if not Path(VARNISHD).exists():
            raise StackError("varnishd is not installed: sudo apt-get install varnish")
        # The shipped default.vcl, byte for byte, beside this stack's backends.vcl; the
        # include is found through vcl_path (then Varnish's own builtin.vcl).
        shutil.copy(VCL_DIR / "default.vcl", self.directory / "default.vcl")
        (self.directory / "backends.vcl").write_text(backends_vcl(self.ports, self.purgers))
        # The pages shown when no node answers, written as on a deployment.
        call_command("write_edge_pages", str(self.pages), stdout=io.StringIO())
        (self.directory / "edge_pages.vcl").write_text(EDGE_PAGES_VCL.format(directory=self.pages))
        command = [VARNISHD, "-F", "-n", str(self.directory / "work")]
        command += ["-a", f"127.0.0.1:{self.port}", "-T", "127.0.0.1:0"]
        command += ["-f", str(self.directory / "default.vcl"), "-s", "malloc,128m"]
        command += ["-p", f"vcl_path={self.directory}:/usr/share/varnish/vcl:/etc/varnish"]
        self.process = subprocess.Popen(
            command,
            stdout=self.output or subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
        )
        self.process.what = "varnishd"
        wait_for_port(self.port, self.process, "varnishd")
        return self

    def tool(self, name, *arguments):
        return subprocess.run(
            [name, "-n", str(self.directory / "work"), *arguments],
            capture_output=True,
            text=True,
            check=True,
        ).stdout

    def backend_health(self):
        """{"node1": True, ...}: what the health check thinks of each node now."""
        health = {}
        for line in self.tool("varnishadm", "backend.list").splitlines()[1:]:
            parts = line.split()
            if parts:
                health[parts[0].split(".")[-1]] = "healthy" in line.lower()
        return health

    def wait_for_health(self, node, healthy, seconds=30):
        deadline = time.monotonic() + seconds
        while self.backend_health().get(node) != healthy:
            if time.monotonic() > deadline:
                raise StackError(f"{node} was not marked {'up' if healthy else 'down'}")
            time.sleep(0.2)

    def fetch_errors(self):
        """Why fetches from the nodes failed, from Varnish's in-memory log: {reason: count}."""
        found = {}
        log = self.tool("varnishlog", "-d", "-g", "raw", "-i", "FetchError")
        for line in log.splitlines():
            reason = line.split("FetchError", 1)[-1].strip()
            found[reason] = found.get(reason, 0) + 1
        return found

    def counters(self):
        """varnishstat's counters, by name (MAIN.cache_hit, ...)."""
        data = json.loads(self.tool("varnishstat", "-1", "-j"))
        data = data.get("counters", data)
        return {
            name: c["value"] for name, c in data.items() if isinstance(c, dict) and "value" in c
        }

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
        shutil.rmtree(self.directory, ignore_errors=True)


class EdgeStack(LocalStack):
    """Varnish, ``nodes`` gunicorn nodes (``workers`` each), Redis and the task worker."""

    def __init__(
        self, nodes=2, workers=1, database_url=None, task_worker=True, output=None, env=None
    ):
        super().__init__(
            free_port(),
            web_workers=workers,
            task_worker=task_worker,
            access_log=False,
            output=output,
        )
        self.node_ports = [free_port() for _ in range(nodes)]
        self.database_url = database_url
        self.extra_env = env or {}
        self.varnish = Varnish(self.node_ports, output=output)
        self.port = self.varnish.port
        self.nodes = {}

    def environment(self, redis_url):
        env = super().environment(redis_url)
        if self.database_url:
            env["DATABASE_URL"] = self.database_url
        env["CDN_PURGE_URL"] = self.varnish.url
        env["DJANGO_TRUSTED_PROXY_COUNT"] = "1"  # Varnish adds the client to X-Forwarded-For
        return {**env, **self.extra_env}

    def start(self):
        self.redis_url = self.start_redis()
        self.env = self.environment(self.redis_url)
        self.manage(self.env, "migrate", "--noinput")
        self.manage(self.env, "collectstatic", "--noinput", "--verbosity", "0")
        self.manage(self.env, "setup_site")
        for n, port in enumerate(self.node_ports, 1):
            self.start_node(f"node{n}", port)
        if self.task_worker:
            worker = ["manage.py", "run_worker", "--interval", "0.2"]
            self.spawn([sys.executable, *worker], "task worker", self.env)
        self.varnish.start()
        self.processes.append(self.varnish.process)
        for node in self.nodes:
            self.varnish.wait_for_health(node, True)
            self.warm(node)
        return self

    def warm(self, name):
        """One page from the node, as a node that has served for a while: its first render
        (imports, templates) is slow on a busy machine, slower than Varnish waits for a page."""
        request = urllib.request.Request(self.node_url(name) + "/", headers={"Host": "localhost"})
        try:
            urllib.request.urlopen(request, timeout=120).close()  # noqa: S310 - loopback
        except OSError:
            pass  # whatever it answers, it has rendered

    def start_node(self, name, port):
        command = [sys.executable, "-m", "gunicorn", "config.wsgi"]
        command += ["--workers", str(self.web_workers), "--bind", f"127.0.0.1:{port}"]
        # Threads: a health check is answered at once even while every worker renders.
        # Keep-alive longer than Varnish keeps an idle backend connection (60 s): otherwise
        # Varnish reuses connections gunicorn has just closed, and requests fail.
        command += ["--threads", "4", "--keep-alive", "75"]
        command += ["--graceful-timeout", "5", "--no-control-socket"]
        self.nodes[name] = self.spawn(command, f"gunicorn {name}", self.env)
        wait_for_port(port, self.nodes[name], f"gunicorn {name}")

    def shell(self, code):
        """Run ``code`` in ``manage.py shell`` under the nodes' environment; its output."""
        result = subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", code],
            cwd=self.base_dir,
            env=self.env,
            capture_output=True,
            text=True,
        )
        if result.returncode:
            raise StackError(f"manage.py shell failed: {result.stderr[-2000:]}")
        return result.stdout

    def node_url(self, name):
        return f"http://127.0.0.1:{self.node_ports[int(name.removeprefix('node')) - 1]}"

    def stop_node(self, name):
        process = self.nodes[name]
        process.terminate()
        process.wait(timeout=30)

    def stop(self):
        super().stop()
        self.varnish.stop()
