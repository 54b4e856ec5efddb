"""Real servers that tests start on a free loopback port and stop: one copy of each helper
(issue 16). The ``redis_server`` fixture is in tests/conftest.py."""

import shutil
import socket
import subprocess
import time


def free_port():
    """A loopback port nothing listens on (the operating system's choice)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, what, seconds=10):
    """Wait until something accepts connections on the loopback ``port``."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            assert time.monotonic() < deadline, f"{what} did not start"
            time.sleep(0.05)


class RedisServer:
    """A real redis-server on a free loopback port, without persistence."""

    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        executable = shutil.which("redis-server")
        assert executable, "redis-server is not installed (Debian package redis-server)"
        self.process = subprocess.Popen(
            [executable, "--port", str(self.port), "--bind", "127.0.0.1"]
            + ["--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        wait_for_port(self.port, "redis-server")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)
        self.process = None
