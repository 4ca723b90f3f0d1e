#!/usr/bin/env python3
"""A local SMTP sink (aiosmtpd) for the SMTP client tests.

Run by the Swift tests as a subprocess from the repository root:

    .venv/bin/python tests/support/smtp_sink.py --dir DIR [options]

It binds 127.0.0.1 on an ephemeral port, prints exactly one line `READY <port>` to stdout,
flushes, and serves until SIGTERM/SIGINT, until its stdin (a pipe from the parent) reaches
EOF, or until its parent process dies, so a crashed test leaves nothing running.

Options:
    --dir DIR                  where received messages are written (created if missing)
    --no-starttls              plain server that offers no STARTTLS (the default)
    --starttls CERT KEY        offer STARTTLS and refuse mail before it (require_starttls)
    --implicit-tls CERT KEY    TLS from the first byte, as smtps:// expects
    --auth USER:PASS           AUTH PLAIN/LOGIN required before MAIL
    --reject-prefix            RCPT of a local part starting with `reject` gets
                               `550 5.1.1 mailbox unavailable`; `busy` gets `451 4.3.0 try again later`
    --verbose                  log the SMTP conversation and aiosmtpd's errors to stderr

Messages must use CRLF line endings: aiosmtpd rejects bare LF (`500 Line too long`).

For each accepted message N (1, 2, ...) it writes, before answering 250:
    DIR/N.eml   the exact bytes received (after SMTP dot-unstuffing)
    DIR/N.json  {"envelope_from", "envelope_to", "tls", "subject", "from", "to", "date",
                 "message_id", "content_type", "is_multipart", "parts", "text", "html",
                 "attachments": [{"filename", "content_type", "size", "sha256", "base64"}],
                 "defects": ["<DefectClass>: <text>", ...], "raw_sha256",
                 "headers": {name as written: decoded value of its first occurrence}}
                written last and atomically, so its presence means the message is complete.
Every AUTH attempt appends {"mechanism", "login", "success", "tls"} (never the password)
to DIR/auth.jsonl, so a test can prove credentials were or were not offered.
"""
from __future__ import annotations

import argparse
import base64
import email
import email.policy
import hashlib
import itertools
import json
import logging
import os
import ssl
import sys
import threading
import warnings
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from lifecycle import stop_with_parent


def uses_tls(server: Any) -> bool:
    transport = getattr(server, "transport", None)
    return transport is not None and transport.get_extra_info("ssl_object") is not None


def header(msg: EmailMessage, name: str) -> str | None:
    value = msg.get(name)
    return None if value is None else str(value)


def top_headers(msg: EmailMessage) -> dict[str, str]:
    headers: dict[str, str] = {}
    for name, value in msg.items():
        headers.setdefault(name, str(value))  # the first of repeated headers (Received...)
    return headers


def body_text(msg: EmailMessage, subtype: str, defects: list[str]) -> str | None:
    part = msg.get_body(preferencelist=(subtype,))
    if part is None:
        return None
    try:
        return part.get_content()
    except (LookupError, ValueError) as error:  # unknown charset, bad transfer encoding
        defects.append(f"{type(error).__name__}: {subtype} body: {error}")
        return None


def all_defects(msg: EmailMessage) -> list[str]:
    # str() alone is empty for some defect classes, hence the class name.
    found = []
    for part in msg.walk():
        # Header defects live on the parsed header values, not on the part.
        for value in part.values():
            found += [f"{type(d).__name__}: {d}" for d in getattr(value, "defects", ())]
        found += [f"{type(d).__name__}: {d}" for d in part.defects]
    return found


def attachments(msg: EmailMessage) -> list[dict[str, Any]]:
    found = []
    for part in msg.walk():
        if not part.is_multipart() and (part.is_attachment() or part.get_filename()):
            payload = part.get_payload(decode=True) or b""
            found.append({
                "filename": part.get_filename(),
                "content_type": part.get_content_type(),
                "size": len(payload),
                "sha256": hashlib.sha256(payload).hexdigest(),
                "base64": base64.b64encode(payload).decode("ascii"),
            })
    return found


def describe(data: bytes, envelope: Any, tls: bool) -> dict[str, Any]:
    msg = email.message_from_bytes(data, policy=email.policy.default)
    defects = all_defects(msg)
    return {
        "envelope_from": envelope.mail_from,
        "envelope_to": list(envelope.rcpt_tos),
        "tls": tls,
        "subject": header(msg, "subject"),
        "from": header(msg, "from"),
        "to": header(msg, "to"),
        "date": header(msg, "date"),
        "message_id": header(msg, "message-id"),
        "content_type": msg.get_content_type(),
        "is_multipart": msg.is_multipart(),
        "parts": [part.get_content_type() for part in msg.walk()],
        "text": body_text(msg, "plain", defects),
        "html": body_text(msg, "html", defects),
        "attachments": attachments(msg),
        "defects": defects,
        "raw_sha256": hashlib.sha256(data).hexdigest(),
        "headers": top_headers(msg),
    }


class Sink:
    """aiosmtpd handler: optional recipient rejection, and one .eml/.json pair per message."""

    def __init__(self, directory: str, reject_prefix: bool) -> None:
        self.directory = directory
        self.reject_prefix = reject_prefix
        self.counter = itertools.count(1)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.rpartition("@")[0] or address
        if self.reject_prefix and local.startswith("reject"):
            return "550 5.1.1 mailbox unavailable"
        if self.reject_prefix and local.startswith("busy"):
            return "451 4.3.0 try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        data = envelope.original_content or b""
        base = os.path.join(self.directory, str(next(self.counter)))
        with open(base + ".eml", "wb") as f:
            f.write(data)
        description = describe(data, envelope, uses_tls(server))
        with open(base + ".json.tmp", "w", encoding="utf-8") as f:
            json.dump(description, f, ensure_ascii=False, indent=1)
        os.replace(base + ".json.tmp", base + ".json")
        return "250 Message accepted for delivery"


def authenticator(directory: str, user: str, password: str):
    lock = threading.Lock()

    def check(server, session, envelope, mechanism, auth_data) -> AuthResult:
        ok = (isinstance(auth_data, LoginPassword)
              and auth_data.login == user.encode() and auth_data.password == password.encode())
        login = auth_data.login.decode(errors="replace") if isinstance(auth_data, LoginPassword) else None
        record = {"mechanism": mechanism, "login": login, "success": ok, "tls": uses_tls(server)}
        with lock, open(os.path.join(directory, "auth.jsonl"), "a", encoding="utf-8") as f:
            f.write(json.dumps(record) + "\n")
        # handled=False: aiosmtpd then answers 535 itself (handled=True would leave the client waiting).
        return AuthResult(success=ok, handled=False)

    return check


class EphemeralController(Controller):
    """Controller that accepts port 0: its start-up self-check must connect to the real port."""

    def _trigger_server(self):
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()


def tls_context(cert: str, key: str) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return context


def controller_for(args: argparse.Namespace) -> Controller:
    kwargs: dict[str, Any] = {
        # Without it aiosmtpd calls socket.getfqdn(), which can stall on DNS in a sandbox.
        "server_hostname": "sink.test",
        "auth_require_tls": False,
    }
    if args.starttls:
        kwargs["tls_context"] = tls_context(*args.starttls)
        kwargs["require_starttls"] = True
        kwargs["auth_require_tls"] = True
    if args.implicit_tls:
        kwargs["ssl_context"] = tls_context(*args.implicit_tls)
        # aiosmtpd only counts STARTTLS as TLS, so with auth_require_tls it would never offer
        # AUTH here; the whole connection is TLS anyway.
    if args.auth:
        user, _, password = args.auth.partition(":")
        kwargs["authenticator"] = authenticator(args.dir, user, password)
        kwargs["auth_required"] = True
    handler = Sink(args.dir, args.reject_prefix)
    return EphemeralController(handler, hostname="127.0.0.1", port=0, **kwargs)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dir", required=True)
    tls = parser.add_mutually_exclusive_group()
    tls.add_argument("--no-starttls", action="store_true")
    tls.add_argument("--starttls", nargs=2, metavar=("CERT", "KEY"))
    tls.add_argument("--implicit-tls", nargs=2, metavar=("CERT", "KEY"))
    parser.add_argument("--auth", metavar="USER:PASS")
    parser.add_argument("--reject-prefix", action="store_true")
    parser.add_argument("--verbose", action="store_true", help="log the SMTP conversation to stderr")
    args = parser.parse_args(argv)
    if args.auth is not None and ":" not in args.auth:
        parser.error("--auth takes USER:PASS")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    os.makedirs(args.dir, exist_ok=True)
    if not args.verbose:
        # Tests provoke failures on purpose (refused certificates, AUTH without TLS); aiosmtpd
        # would log a traceback or a warning for each.
        logging.getLogger("mail.log").setLevel(logging.CRITICAL)
        warnings.filterwarnings("ignore", module="aiosmtpd")
    else:
        logging.basicConfig(level=logging.DEBUG)

    stop = threading.Event()
    stop_with_parent(stop.set)

    controller = controller_for(args)
    controller.start()
    sys.stdout.write(f"READY {controller.port}\n")
    sys.stdout.flush()
    try:
        # A timed wait, so that signal handlers get to run promptly on the main thread.
        while not stop.wait(0.2):
            pass
    finally:
        controller.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
