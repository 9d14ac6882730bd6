"""kg push against broken servers on 127.0.0.1: one-line errors, 'N of M loaded', a real time limit."""
from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli

FIXTURE = Path(__file__).parent / "fixtures" / "mini.trig"


class FakeServer:
    """Answers each connection with ``behaviour(conn, n)`` (n counts connections from 0); stops on close()."""

    def __init__(self, behaviour) -> None:
        self.behaviour = behaviour
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def run(self) -> None:
        n = 0
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except (socket.timeout, OSError):
                continue
            threading.Thread(target=self.handle, args=(conn, n), daemon=True).start()
            n += 1

    def handle(self, conn: socket.socket, n: int) -> None:
        conn.settimeout(5)
        try:
            data = b""
            while b"\r\n\r\n" not in data:
                chunk = conn.recv(65536)
                if not chunk:
                    return
                data += chunk
            head, _, body = data.partition(b"\r\n\r\n")
            length = int(next((ln.split(b":")[1] for ln in head.split(b"\r\n")
                               if ln.lower().startswith(b"content-length:")), b"0"))
            while len(body) < length:
                chunk = conn.recv(65536)
                if not chunk:
                    break
                body += chunk
            self.behaviour(conn, n, self.stop)
        except OSError:
            pass
        finally:
            conn.close()

    def close(self) -> None:
        self.stop.set()
        self.thread.join(5)
        self.sock.close()


def ok(conn, n, stop) -> None:
    conn.sendall(b"HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n")


def garbage(conn, n, stop) -> None:
    if n < 2:
        ok(conn, n, stop)
    else:
        conn.sendall(b"HELLO I AM NOT HTTP\r\n\r\n")


def truncated(conn, n, stop) -> None:
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789")


def trickle(conn, n, stop) -> None:
    for b in b"HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n":
        if stop.wait(0.5):
            return
        conn.sendall(bytes([b]))


@pytest.fixture
def fake():
    servers = []

    def make(behaviour):
        s = FakeServer(behaviour)
        servers.append(s)
        return f"http://127.0.0.1:{s.port}/store"

    yield make
    for s in servers:
        s.close()


def push(endpoint: str, *extra: str):
    return CliRunner().invoke(cli, ["push", str(FIXTURE), "--endpoint", endpoint, *extra])


def one_error_line(res) -> str:
    assert res.exit_code == 1, res.output
    assert "Traceback" not in res.output
    lines = [ln for ln in res.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("error:"), res.output
    return lines[0]


def test_garbage_status_line(fake):
    line = one_error_line(push(fake(garbage)))
    assert "not HTTP" in line and "2 of 4 graph(s) were loaded" in line


def test_truncated_body(fake):
    line = one_error_line(push(fake(truncated)))
    assert "cut short" in line and "0 of 4" in line


def test_timeout_caps_a_trickle(fake):
    t0 = time.monotonic()
    line = one_error_line(push(fake(trickle), "--timeout", "2"))
    assert time.monotonic() - t0 < 10
    assert "within 2 s" in line and "0 of 4" in line


def test_success_summary(fake):
    res = push(fake(ok))
    assert res.exit_code == 0 and "loaded 4 of 4 graph(s)" in res.output
