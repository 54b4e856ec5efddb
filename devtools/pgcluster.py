"""A throwaway PostgreSQL cluster on a free loopback port, for tests and `make loadtest` that
stop the database mid-run. Built from the server binaries in /usr/lib/postgresql/*/bin as
.ci/run does (initdb and postgres refuse to run as root: as root they run as the `postgres`
system user). Durability is off: it is thrown away."""

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from .localstack import StackError, free_port


def server_binaries():
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"),
        key=lambda path: [int(part) for part in path.parent.parent.name.split(".")],
    )
    if not found:
        raise StackError("PostgreSQL is not installed: sudo apt-get install postgresql")
    return found[-1].parent


class PostgresCluster:
    def __init__(self, database="belonging"):
        self.bin = server_binaries()
        self.port = free_port()
        self.database = database
        self.directory = Path(tempfile.mkdtemp(prefix="neu-belonging-pg-"))
        self.data = self.directory / "data"
        if os.geteuid() == 0:
            shutil.chown(self.directory, "postgres", "postgres")
        self.directory.chmod(0o700)

    @property
    def url(self):
        return f"postgres://postgres@127.0.0.1:{self.port}/{self.database}"

    def run(self, program, *arguments):
        command = [str(self.bin / program), *arguments]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        result = subprocess.run(command, cwd=self.directory, capture_output=True, text=True)
        if result.returncode:
            raise StackError(f"{program} failed: {result.stderr or result.stdout}")
        return result.stdout

    def create(self):
        self.run("initdb", "-D", str(self.data), "-U", "postgres", "-E", "UTF8", "--no-locale")
        self.start()
        address = ["-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres"]
        self.run("createdb", *address, self.database)
        return self

    def start(self):
        options = (
            f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.directory} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        log = str(self.directory / "server.log")
        self.run("pg_ctl", "-D", str(self.data), "-l", log, "-w", "-t60", "-o", options, "start")

    def stop(self):
        """A clean, fast shutdown: connections are cut at once, nothing committed is lost."""
        self.run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "-t", "60", "stop")

    def running(self):
        return (self.data / "postmaster.pid").exists()

    def destroy(self):
        if self.running():
            self.stop()
        shutil.rmtree(self.directory, ignore_errors=True)

    def __enter__(self):
        try:
            return self.create()
        except BaseException:
            self.destroy()
            raise

    def __exit__(self, *exc):
        self.destroy()
