"""A real SMTP server for the email tests: `python smtp_sink.py PORT DIRECTORY` accepts every
message on 127.0.0.1:PORT and writes each one, as received, to a new file in DIRECTORY."""

import sys
import time
import uuid
from pathlib import Path

from aiosmtpd.controller import Controller


class SaveToDirectory:
    def __init__(self, directory):
        self.directory = Path(directory)

    async def handle_DATA(self, server, session, envelope):
        name = self.directory / f"{time.time_ns()}-{uuid.uuid4().hex}.eml"
        name.write_bytes(envelope.original_content or envelope.content)
        return "250 Message accepted for delivery"


if __name__ == "__main__":
    port, directory = int(sys.argv[1]), sys.argv[2]
    controller = Controller(SaveToDirectory(directory), hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    try:
        while True:
            time.sleep(3600)
    finally:
        controller.stop()
