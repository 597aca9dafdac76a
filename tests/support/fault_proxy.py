"""A fault-injecting HTTP proxy on loopback, between the kiosk's PlatformClient and the real
reference platform. Tests switch faults on and off while the kiosk syncs through it:

    with FaultProxy(central.port) as proxy:
        client = PlatformClient(proxy.url, 0.5, 1.0)
        proxy.add(Fault.reset_request(match="PATCH /v1/blobs", after_bytes=20_000))
        proxy.add(Fault.status(503, retry_after=30, times=1))
        proxy.refuse()            # the link is down: connections are refused
        proxy.throttle(20_000)    # a 2G-class link: ~20 KB/s each way
        proxy.clear()             # every fault off, stalled connections let go

It reads each request (head and Content-Length body) and picks the first fault whose `match`
prefixes "METHOD /path?query"; without one it forwards the request on a fresh upstream
connection and relays the reply. Faults that reach the platform (`reset_request` after some
bytes, `drop_reply`, `reset_reply`) are the dangerous ones: the platform may have acted while
the kiosk never hears of it. Threads: one accept thread and one per client connection, all
daemons, all closed by `close()`.
"""

from __future__ import annotations

import contextlib
import os
import select
import socket
import struct
import threading
import time
from dataclasses import dataclass, field
from types import TracebackType

HEAD_END = b"\r\n\r\n"
MAX_HEAD = 64 * 1024


@dataclass
class Fault:
    kind: str  # reset_request | stall | drop_reply | reset_reply | reply
    match: str = ""  # prefix of "METHOD /path?query"; "" matches every request
    times: int | None = None  # matching requests it applies to; None until cleared
    after_bytes: int = 0  # reset_*: bytes let through before the reset
    reply: bytes = field(default=b"", repr=False)  # `reply`: sent as is, then the link closes
    skip: int = 0  # matching requests let through before the fault starts

    @classmethod
    def reset_request(
        cls, after_bytes: int, match: str = "", times: int | None = 1, skip: int = 0
    ) -> Fault:
        """Forward the head and `after_bytes` of the body, then reset both sides."""
        return cls("reset_request", match, times, after_bytes, skip=skip)

    @classmethod
    def stall(cls, match: str = "", times: int | None = None) -> Fault:
        """Take the request and never answer: the client's read timeout must fire."""
        return cls("stall", match, times)

    @classmethod
    def drop_reply(cls, match: str = "", times: int | None = 1) -> Fault:
        """The platform gets the request and answers; the answer is lost (a reset)."""
        return cls("drop_reply", match, times)

    @classmethod
    def reset_reply(cls, after_bytes: int, match: str = "", times: int | None = 1) -> Fault:
        return cls("reset_reply", match, times, after_bytes)

    @classmethod
    def status(
        cls,
        code: int,
        retry_after: int | None = None,
        match: str = "",
        times: int | None = None,
        error: str = "busy",
    ) -> Fault:
        headers = {"Retry-After": str(retry_after)} if retry_after is not None else {}
        body = (
            b'{"error": {"code": "%s", "message": "refused by the fault proxy"}}' % error.encode()
        )
        return cls("reply", match, times, reply=http_reply(code, body, headers))

    @classmethod
    def html(cls, code: int = 200, match: str = "", times: int | None = None) -> Fault:
        """What a captive portal or a government-extranet gateway answers."""
        body = "<html><body><h1>请先登录网络</h1></body></html>".encode()
        return cls(
            "reply", match, times, reply=http_reply(code, body, {"Content-Type": "text/html"})
        )

    @classmethod
    def garbage(cls, match: str = "", times: int | None = None) -> Fault:
        """Bytes that are not HTTP at all."""
        return cls("reply", match, times, reply=b"\x00\x17garbage\xff\xfe" + os.urandom(512))

    @classmethod
    def garbage_json(cls, match: str = "", times: int | None = None) -> Fault:
        """A 200 whose body is not the contract's JSON."""
        return cls("reply", match, times, reply=http_reply(200, b'{"results": [1, 2'))

    @classmethod
    def oversized(cls, size: int, match: str = "", times: int | None = None) -> Fault:
        """A 200 with a JSON-looking body of `size` bytes."""
        body = b'{"results": "' + b"x" * max(0, size - 16) + b'"}'
        return cls("reply", match, times, reply=http_reply(200, body))


def http_reply(status: int, body: bytes, headers: dict[str, str] | None = None) -> bytes:
    hdrs = {"Content-Type": "application/json", **(headers or {})}
    hdrs["Content-Length"] = str(len(body))
    hdrs["Connection"] = "close"
    lines = [f"HTTP/1.1 {status} Fault"] + [f"{k}: {v}" for k, v in hdrs.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


class _Closed(Exception):
    pass


def _hard_close(sock: socket.socket) -> None:
    """Close with RST (SO_LINGER 0), as a dropped link or a crashed middlebox does."""
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RD)  # wakes a recv() blocked in another thread; sends nothing
    with contextlib.suppress(OSError):
        sock.close()


def _hung_up(sock: socket.socket) -> bool:
    """The peer closed (or reset) a connection on which it has nothing more to send."""
    try:
        readable, _, _ = select.select([sock], [], [], 0)
        return bool(readable) and sock.recv(1, socket.MSG_PEEK) == b""
    except OSError:
        return True


class _Reader:
    """Buffered reads of HTTP/1.1 framing from one socket."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock, self.buf = sock, b""

    def _fill(self) -> None:
        data = self.sock.recv(65536)
        if not data:
            raise _Closed
        self.buf += data

    def head(self) -> bytes:
        while HEAD_END not in self.buf:
            if len(self.buf) > MAX_HEAD:
                raise _Closed
            self._fill()
        head, _, self.buf = self.buf.partition(HEAD_END)
        return head + HEAD_END

    def exact(self, n: int) -> bytes:
        while len(self.buf) < n:
            self._fill()
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def some(self, limit: int) -> bytes:
        if not self.buf:
            self._fill()
        out, self.buf = self.buf[:limit], self.buf[limit:]
        return out

    def rest(self) -> bytes:
        with contextlib.suppress(_Closed):
            while True:
                self._fill()
        out, self.buf = self.buf, b""
        return out


def _headers(head: bytes) -> tuple[str, dict[str, str]]:
    lines = head.decode("latin-1").split("\r\n")
    out = {}
    for line in lines[1:]:
        name, sep, value = line.partition(":")
        if sep:
            out[name.strip().lower()] = value.strip()
    return lines[0], out


class FaultProxy:
    def __init__(self, upstream_port: int, host: str = "127.0.0.1") -> None:
        self.upstream = (host, upstream_port)
        self.host = host
        self.port = 0
        self.seen: list[str] = []  # "METHOD /path" of every request that arrived
        self.applied: list[str] = []  # the kind of every fault that fired, in order
        self.bytes_up = 0  # request bytes forwarded to the platform (HTTP heads included)
        self.bytes_down = 0  # reply bytes relayed to the kiosk
        self._faults: list[Fault] = []
        self._rate: float | None = None
        self._lock = threading.Lock()
        self._release = threading.Event()  # set to let stalled connections go
        self._closed = False
        self._listener: socket.socket | None = None
        self._clients: set[socket.socket] = set()
        self._threads: list[threading.Thread] = []

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def __enter__(self) -> FaultProxy:
        self.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # --- control, from the test's thread -----------------------------------------------------

    def start(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((self.host, self.port))
        listener.listen(64)
        self.port = listener.getsockname()[1]
        self._listener = listener
        self._spawn(self._accept, listener)

    def refuse(self) -> None:
        """The link is down: open connections are reset and new ones refused."""
        listener, self._listener = self._listener, None
        if listener is not None:
            with contextlib.suppress(OSError):
                listener.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept() on Linux
            listener.close()
        self._reset_clients()

    def accept_again(self) -> None:
        if self._listener is None:
            self.start()

    def throttle(self, bytes_per_s: float | None) -> None:
        self._rate = bytes_per_s

    def add(self, fault: Fault) -> None:
        with self._lock:
            self._faults.append(fault)
        self._release.clear()

    def clear(self) -> None:
        """Every fault off: faults dropped, throttle off, connections accepted again, and
        stalled connections closed."""
        with self._lock:
            self._faults.clear()
        self._rate = None
        self._release.set()
        self.accept_again()

    def close(self) -> None:
        self._closed = True
        self._release.set()
        self.refuse()
        for thread in self._threads:
            thread.join(timeout=5)

    # --- the proxy's own threads --------------------------------------------------------------

    def _spawn(self, target: object, *args: object) -> None:
        thread = threading.Thread(target=target, args=args, daemon=True)  # type: ignore[arg-type]
        self._threads = [t for t in self._threads if t.is_alive()] + [thread]
        thread.start()

    def _reset_clients(self) -> None:
        with self._lock:
            clients, self._clients = set(self._clients), set()
        for sock in clients:
            _hard_close(sock)

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return  # refused or closed
            with self._lock:
                self._clients.add(client)
            self._spawn(self._serve, client)

    def _take(self, request_line: str) -> Fault | None:
        with self._lock:
            for fault in self._faults:
                if request_line.startswith(fault.match):
                    if fault.skip > 0:
                        fault.skip -= 1
                        continue
                    if fault.times is not None:
                        fault.times -= 1
                        if fault.times <= 0:
                            self._faults.remove(fault)
                    self.applied.append(fault.kind)
                    return fault
        return None

    def _send(self, sock: socket.socket, data: bytes, sender: socket.socket | None = None) -> None:
        """sendall, at most at the throttled rate. When the `sender` of a throttled request
        hangs up (its read timeout fired), the rest is dropped, as on a real slow link where
        what the terminal gave up on never arrives whole."""
        step = 1024
        for i in range(0, len(data), step):
            rate = self._rate
            if rate is None:
                sock.sendall(data[i:])
                return
            if sender is not None and _hung_up(sender):
                raise _Closed
            sock.sendall(data[i : i + step])
            time.sleep(min(step, len(data) - i) / rate)

    def _serve(self, client: socket.socket) -> None:
        reader = _Reader(client)
        try:
            while not self._closed:
                head = reader.head()
                line, headers = _headers(head)
                method, target = (line.split(" ") + ["", ""])[:2]
                self.seen.append(f"{method} {target.split('?')[0]}")
                length = int(headers.get("content-length", "0") or 0)
                fault = self._take(f"{method} {target}")
                if fault is not None and fault.kind == "reset_request":
                    self._reset_request(client, reader, head, length, fault.after_bytes)
                    return
                body = reader.exact(length)
                if fault is not None and fault.kind == "stall":
                    self._stall(client)
                    return
                if fault is not None and fault.kind == "reply":
                    self._send(client, fault.reply)
                    _hard_close(client)
                    return
                reply, close = self._forward(head + body, method, client)
                self.bytes_up += len(head) + len(body)
                self.bytes_down += len(reply)
                if fault is not None:  # drop_reply or reset_reply: the platform has acted
                    self._send(client, reply[: fault.after_bytes])
                    _hard_close(client)
                    return
                self._send(client, reply)
                if close:
                    break
        except (_Closed, OSError):
            pass
        finally:
            with self._lock:
                self._clients.discard(client)
            with contextlib.suppress(OSError):
                client.close()

    def _reset_request(
        self, client: socket.socket, reader: _Reader, head: bytes, length: int, after: int
    ) -> None:
        upstream = socket.create_connection(self.upstream)
        try:
            self._send(upstream, head)
            sent = 0
            while sent < min(after, length):
                chunk = reader.some(min(after, length) - sent)
                self._send(upstream, chunk)
                sent += len(chunk)
        finally:
            _hard_close(upstream)
            _hard_close(client)

    def _stall(self, client: socket.socket) -> None:
        """Hold the connection open, answering nothing, until the client gives up or the
        test clears the fault."""
        client.settimeout(0.05)
        while not self._release.is_set() and not self._closed:
            try:
                if not client.recv(65536):
                    return
            except TimeoutError:
                continue

    def _forward(self, request: bytes, method: str, client: socket.socket) -> tuple[bytes, bool]:
        """One request on a fresh upstream connection; returns the whole reply and whether
        the client connection must close after it."""
        with socket.create_connection(self.upstream) as upstream:
            try:
                self._send(upstream, request, sender=client)
            except _Closed:
                _hard_close(upstream)  # the platform sees a cut request, never a whole one
                raise
            reader = _Reader(upstream)
            head = reader.head()
            line, headers = _headers(head)
            status = int(line.split(" ")[1])
            if method == "HEAD" or status in (204, 304) or status < 200:
                body = b""
            elif "content-length" in headers:
                body = reader.exact(int(headers["content-length"]))
            elif headers.get("transfer-encoding", "").lower() == "chunked":
                body = self._chunked(reader)
            else:
                return head + reader.rest(), True
            return head + body, headers.get("connection", "").lower() == "close"

    @staticmethod
    def _chunked(reader: _Reader) -> bytes:
        out = b""
        while True:
            size_line = b""
            while not size_line.endswith(b"\r\n"):
                size_line += reader.exact(1)
            size = int(size_line.split(b";")[0], 16)
            out += size_line + reader.exact(size + 2)
            if size == 0:
                return out
