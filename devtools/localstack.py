"""The production stack on this machine, for trying it (`make serve`) and load-testing it
(`make bench`): gunicorn and the task worker under config.settings.production, with a Redis
server of its own on a free loopback port, plain HTTP on 127.0.0.1.

The database is DATABASE_URL if set, else the development SQLite file (db.sqlite3), which it
migrates and fills with the starter content as `make run` does. REDIS_URL, if set, is used
instead of starting redis-server. Everything listens on loopback only."""

import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.conf import settings


class StackError(Exception):
    """Something the stack needs is missing or did not start; the message says what to do."""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, process, what, seconds=60):
    deadline = time.monotonic() + seconds
    while True:
        if process is not None and process.poll() is not None:
            raise StackError(f"{what} exited with status {process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise StackError(f"{what} did not start listening on port {port}") from None
            time.sleep(0.1)


class LocalStack:
    def __init__(self, port, web_workers=2, task_worker=True, access_log=True, output=None):
        self.port = port
        self.web_workers = web_workers
        self.task_worker = task_worker
        self.access_log = access_log
        self.output = output  # where the servers' output goes (None: this terminal)
        self.processes = []
        self.base_dir = Path(settings.BASE_DIR)
        # collectstatic's output, a folder of this stack's own (removed by stop): not the
        # project's static/ (tests would serve that stale copy), and not one shared with any
        # other stack, which would rewrite its files and manifest while it serves them (the
        # suite's processes under `make test`, another checkout on the same machine).
        self.static_root = Path(tempfile.mkdtemp(prefix="neu-belonging-static-"))

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def environment(self, redis_url):
        database = os.environ.get("DATABASE_URL") or f"sqlite:///{self.base_dir / 'db.sqlite3'}"
        return {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": database,
            "REDIS_URL": redis_url,
            "WAGTAILADMIN_BASE_URL": f"http://localhost:{self.port}",
            "DEFAULT_FROM_EMAIL": os.environ.get("DEFAULT_FROM_EMAIL") or "belonging@localhost",
            # Plain HTTP on loopback: no redirect to HTTPS, no HSTS.
            "DJANGO_SECURE_SSL_REDIRECT": "false",
            "DJANGO_HSTS_SECONDS": "0",
            "STATIC_ROOT": str(self.static_root),
        }

    def start_redis(self):
        if os.environ.get("REDIS_URL"):
            return os.environ["REDIS_URL"]
        executable = shutil.which("redis-server")
        if not executable:
            raise StackError(
                "redis-server is not installed. On Debian or Ubuntu: "
                "sudo apt-get install redis-server (or set REDIS_URL to a Redis you have)."
            )
        port = free_port()
        arguments = ["--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly"]
        process = self.spawn([executable, *arguments, "no"], "redis-server")
        wait_for_port(port, process, "redis-server")
        return f"redis://127.0.0.1:{port}/0"

    def spawn(self, command, what, env=None):
        process = subprocess.Popen(
            command,
            cwd=self.base_dir,
            env=env,
            stdout=self.output,
            stderr=subprocess.STDOUT if self.output else None,
        )
        process.what = what
        self.processes.append(process)
        return process

    def manage(self, env, *arguments):
        result = subprocess.run(
            [sys.executable, "manage.py", *arguments],
            cwd=self.base_dir,
            env=env,
            stdout=self.output or subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
        )
        if result.returncode:
            raise StackError(f"manage.py {' '.join(arguments)} failed")

    def start(self):
        env = self.environment(self.start_redis())
        self.manage(env, "migrate", "--noinput")
        self.manage(env, "collectstatic", "--noinput", "--verbosity", "0")
        self.manage(env, "setup_site")
        gunicorn = [sys.executable, "-m", "gunicorn", "config.wsgi"]
        gunicorn += ["--workers", str(self.web_workers), "--bind", f"127.0.0.1:{self.port}"]
        if self.access_log:
            gunicorn += ["--access-logfile", "-"]
        web = self.spawn(gunicorn, "gunicorn", env)
        if self.task_worker:
            self.spawn([sys.executable, "manage.py", "run_worker"], "task worker", env)
        wait_for_port(self.port, web, "gunicorn")
        return self

    def stop(self):
        for process in reversed(self.processes):
            if process.poll() is None:
                process.terminate()
        for process in reversed(self.processes):
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
        self.processes = []
        shutil.rmtree(self.static_root, ignore_errors=True)

    def __enter__(self):
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *exc):
        self.stop()
