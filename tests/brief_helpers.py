"""Shared pieces for the briefing, delivery and schedule tests: a sample program, local servers."""

from __future__ import annotations

import json
import socket
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from signalscan.briefing import sample
from signalscan.briefing.history import BriefingHistory
from signalscan.briefing.sources import SampleSource
from signalscan.ledger import Ledger


def sample_source(settings=None, program: str = "harbor-erp") -> SampleSource:
    """The four-week sample ERP program with its signals."""
    data = sample.harbor_erp()
    return SampleSource(data, lambda as_of: sample.harbor_signals(data, as_of))


def sqlite_history(path) -> BriefingHistory:
    """A briefing history in a fresh SQLite ledger (migrated like a workspace's)."""
    return BriefingHistory(Ledger(f"sqlite:///{path}").engine)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class WebhookReceiver:
    """A real HTTP server in a thread that records JSON POSTs; answers `fail_first` of them with 500."""

    def __init__(self, fail_first: int = 0) -> None:
        self.bodies: list[dict] = []
        self.fail_first = fail_first
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server's name
                body = self.rfile.read(int(self.headers["Content-Length"]))
                if receiver.fail_first > 0:
                    receiver.fail_first -= 1
                    self.send_response(500)
                else:
                    receiver.bodies.append(json.loads(body))
                    self.send_response(200)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> WebhookReceiver:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


class Inbox:
    """aiosmtpd handler keeping every message it receives."""

    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        self.envelopes.append(envelope)
        return "250 OK"


@contextmanager
def smtp_server():
    """A real SMTP server (aiosmtpd) on a free local port; yields (port, inbox)."""
    from aiosmtpd.controller import Controller

    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield controller.port, inbox
    finally:
        controller.stop()
