#!/usr/bin/env python3
"""A local webhook receiver for the outgoing-webhook tests (Standard Webhooks).

Run by the Swift tests as a subprocess from the repository root:

    .venv/bin/python tests/support/webhook_receiver.py [--port N]

It binds 127.0.0.1 (an ephemeral port unless --port is given), prints exactly one line
`READY <port>` to stdout, flushes, and serves until SIGTERM/SIGINT, until its stdin reaches
EOF, or until its parent process dies. Start it with a pipe on stdin and keep the write end
open (Foundation: `process.standardInput = Pipe()`): when the test process dies, the pipe
closes and the receiver exits. stdin is only watched when it is a pipe or a socket, because
/dev/null, a file or a terminal say nothing about the parent being alive (the parent-death
check covers those cases).

Endpoints that behave like a tenant's receiver (`<name>` is a free label grouping requests):

    POST /ok/<name>             -> 204
    POST /status/<code>/<name>  -> <code> (200..599) with the body `status <code>`
    POST /hang/<name>           -> sleeps 30 s (--hang-seconds), then 200
    POST /redirect/<name>       -> 302, Location: /ok/<name>-redirected
    POST /big/<name>            -> 500 with a 100 KB body of 'x'

Every request to those paths is recorded when it arrives (before any sleeping), whatever
its method; methods other than POST are answered 405 (a sender that follows a redirect with
a GET still shows up under `<name>-redirected`).

Control API (JSON):

    PUT    /_secrets/<name>   {"secrets": ["whsec_...", ...]} -> 200 {"name": ..., "count": n}
                              replaces the secrets registered for <name>; 400 on bad input
    GET    /_requests/<name>  -> 200 [record, ...] in arrival order (empty list if none)
    GET    /_requests         -> 200 [record, ...] of every name, in arrival order
    DELETE /_requests         -> 200 {"cleared": true}: forgets all requests AND all secrets
    DELETE /_requests/<name>  -> 200 {"cleared": true}: forgets the requests of <name> only
    GET    /_health           -> 200 {"ok": true}

A record:

    {"method": "POST", "path": "/ok/a", "name": "a", "headers": {lowercased name: value},
     "raw_headers": [[name, value], ...] (original case and order, duplicates kept),
     "body": "<request body as text>", "received_at": 1763737445.12, "response_status": 204,
     "verified_by": [indexes of the registered secrets for which
                     standardwebhooks.Webhook(secret).verify(body, headers) succeeds, which
                     includes the +-5 min timestamp tolerance, evaluated at GET time],
     "signed_by":   [indexes of the secrets whose v1 signature of
                     (webhook-id, webhook-timestamp, body) is one of the space-separated
                     entries of webhook-signature, IGNORING the timestamp tolerance],
     "verify_error": str(exception) of verifying with secret 0, or null (also null when
                     no secret is registered)}
"""
from __future__ import annotations

import argparse
import json
import sys
import threading
import time
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import unquote, urlsplit

from standardwebhooks import Webhook
from lifecycle import serve_http

BIG_BODY = b"x" * (100 * 1024)
MAX_BODY = 16 * 1024 * 1024


class Store:
    """Recorded requests and registered secrets, shared by the handler threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._requests: list[dict[str, Any]] = []
        self._secrets: dict[str, list[str]] = {}

    def record(self, entry: dict[str, Any]) -> dict[str, Any]:
        with self._lock:
            self._requests.append(entry)
        return entry

    def set_response_status(self, entry: dict[str, Any], status: int) -> None:
        with self._lock:
            entry["response_status"] = status

    def set_secrets(self, name: str, secrets: list[str]) -> None:
        with self._lock:
            self._secrets[name] = list(secrets)

    def snapshot(self, name: str | None) -> list[tuple[dict[str, Any], list[str]]]:
        with self._lock:
            return [
                (dict(r), list(self._secrets.get(r["name"], [])))
                for r in self._requests
                if name is None or r["name"] == name
            ]

    def clear(self, name: str | None) -> None:
        with self._lock:
            if name is None:
                self._requests.clear()
                self._secrets.clear()
            else:
                self._requests = [r for r in self._requests if r["name"] != name]


def signature_report(entry: dict[str, Any], secrets: list[str]) -> dict[str, Any]:
    headers = entry["headers"]
    body = entry["body"]
    verified_by: list[int] = []
    signed_by: list[int] = []
    verify_error: str | None = None
    msg_id = headers.get("webhook-id")
    ts = headers.get("webhook-timestamp")
    sig_entries = (headers.get("webhook-signature") or "").split(" ")
    for index, secret in enumerate(secrets):
        try:
            Webhook(secret).verify(body, headers)
            verified_by.append(index)
        except Exception as exc:  # WebhookVerificationError, but also malformed headers
            if index == 0:
                verify_error = str(exc) or type(exc).__name__
        try:
            if msg_id and ts:
                when = datetime.fromtimestamp(int(ts), tz=timezone.utc)
                if Webhook(secret).sign(msg_id, when, body) in sig_entries:
                    signed_by.append(index)
        except Exception:
            pass
    return {"verified_by": verified_by, "signed_by": signed_by, "verify_error": verify_error}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "WebhookReceiver/1.0"
    sys_version = ""
    store: Store  # set on the class by main()
    hang_seconds: float = 30.0

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    # --- plumbing -------------------------------------------------------------------

    def _read_body(self) -> bytes:
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            chunks = []
            total = 0
            while True:
                line = self.rfile.readline(65537)
                size = int(line.split(b";", 1)[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline(65537) not in (b"\r\n", b"\n", b""):
                        pass  # trailers
                    break
                total += size
                if total > MAX_BODY:
                    raise ValueError("body too large")
                chunks.append(self.rfile.read(size))
                self.rfile.readline(3)  # CRLF after the chunk
            return b"".join(chunks)
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            raise ValueError("body too large")
        return self.rfile.read(length) if length > 0 else b""

    def _send(self, status: int, body: bytes = b"", content_type: str | None = None,
              extra: dict[str, str] | None = None) -> None:
        try:
            self.send_response(status)
            for key, value in (extra or {}).items():
                self.send_header(key, value)
            if status in (204, 304):
                body = b""
            else:
                if content_type:
                    self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if body and self.command != "HEAD":
                self.wfile.write(body)
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, OSError):
            self.close_connection = True

    def _send_json(self, status: int, payload: Any) -> None:
        self._send(status, json.dumps(payload).encode(), "application/json")

    def _segments(self) -> list[str]:
        path = urlsplit(self.path).path
        return [unquote(s) for s in path.strip("/").split("/")] if path.strip("/") else []

    # --- dispatch -------------------------------------------------------------------

    def _handle(self) -> None:
        arrived = time.time()
        try:
            body = self._read_body()
        except (ValueError, OSError):
            self.close_connection = True
            self._send(400, b"bad body", "text/plain")
            return
        seg = self._segments()
        if seg and seg[0].startswith("_"):
            self._control(seg, body)
        else:
            self._behave(seg, body, arrived)

    def _behave(self, seg: list[str], body: bytes, arrived: float) -> None:
        kind = seg[0] if seg else ""
        expected = {"ok": 2, "status": 3, "hang": 2, "redirect": 2, "big": 2}.get(kind)
        if expected is None or len(seg) != expected or not seg[-1]:
            self._send(404, b"unknown path", "text/plain")
            return
        name = seg[-1]
        code = 0
        if kind == "status":
            try:
                code = int(seg[1])
            except ValueError:
                code = 0
            if not 200 <= code <= 599:
                self._send(400, b"status code must be 200..599", "text/plain")
                return
        entry = self.store.record({
            "method": self.command,
            "path": self.path,
            "name": name,
            "headers": {k.lower(): v for k, v in reversed(self.headers.items())},
            "raw_headers": [[k, v] for k, v in self.headers.items()],
            "body": body.decode("utf-8", errors="replace"),
            "received_at": arrived,
            "response_status": None,
        })
        # `headers` keeps the FIRST value of a repeated header (reversed() above).
        if self.command != "POST":
            status = 405
            self.store.set_response_status(entry, status)
            self._send(status, b"method not allowed", "text/plain", {"Allow": "POST"})
            return
        if kind == "ok":
            status, payload, ctype, extra = 204, b"", None, None
        elif kind == "status":
            status, payload, ctype, extra = code, f"status {code}".encode(), "text/plain", None
        elif kind == "hang":
            time.sleep(self.hang_seconds)
            status, payload, ctype, extra = 200, b"finally", "text/plain", None
        elif kind == "redirect":
            status, payload, ctype = 302, b"", "text/plain"
            extra = {"Location": f"/ok/{name}-redirected"}
        else:  # big
            status, payload, ctype, extra = 500, BIG_BODY, "text/plain", None
        self.store.set_response_status(entry, status)
        self._send(status, payload, ctype, extra)

    def _control(self, seg: list[str], body: bytes) -> None:
        method = self.command
        if seg == ["_health"] and method == "GET":
            self._send_json(200, {"ok": True})
        elif seg[0] == "_secrets" and len(seg) == 2 and seg[1] and method == "PUT":
            try:
                secrets = json.loads(body or b"null")["secrets"]
                if not isinstance(secrets, list) or not all(isinstance(s, str) for s in secrets):
                    raise ValueError("secrets must be a list of strings")
                for s in secrets:
                    Webhook(s)  # rejects empty / non-base64 secrets
            except Exception as exc:
                self._send_json(400, {"error": f"{type(exc).__name__}: {exc}"})
                return
            self.store.set_secrets(seg[1], secrets)
            self._send_json(200, {"name": seg[1], "count": len(secrets)})
        elif seg[0] == "_requests" and len(seg) <= 2 and method in ("GET", "DELETE"):
            name = seg[1] if len(seg) == 2 else None
            if name == "":
                self._send_json(404, {"error": "empty name"})
            elif method == "DELETE":
                self.store.clear(name)
                self._send_json(200, {"cleared": True})
            else:
                out = []
                for entry, secrets in self.store.snapshot(name):
                    entry.update(signature_report(entry, secrets))
                    out.append(entry)
                self._send_json(200, out)
        else:
            self._send_json(404, {"error": f"no control route {method} {self.path}"})

    do_POST = do_GET = do_PUT = do_DELETE = do_PATCH = do_HEAD = do_OPTIONS = _handle


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (default: ephemeral)")
    parser.add_argument("--hang-seconds", type=float, default=30.0, help="sleep of /hang/<name>")
    args = parser.parse_args(argv)

    Handler.store = Store()
    Handler.hang_seconds = args.hang_seconds
    return serve_http(Handler, args.port)


if __name__ == "__main__":
    sys.exit(main())
