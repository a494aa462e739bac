"""A real SMTP server on loopback for the tests (aiosmtpd), whose answers a test can script."""

import collections
import email
import socket
import threading

from aiosmtpd.controller import Controller


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RecordingHandler:
    """Accepts messages and records them; `replies` holds answers to give to DATA first."""

    def __init__(self):
        self.messages = []
        self.replies = collections.deque()
        self.transactions = 0
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.transactions += 1
            if self.replies:
                return self.replies.popleft()
            self.messages.append(email.message_from_bytes(envelope.original_content))
        return "250 OK"


class SMTPServer:
    def __init__(self):
        self.handler = RecordingHandler()
        self.port = free_port()
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exc):
        self.controller.stop()

    @property
    def messages(self):
        return self.handler.messages

    def reply_next(self, *replies):
        self.handler.replies.extend(replies)
