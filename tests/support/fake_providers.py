#!/usr/bin/env python3
"""A fake Meta Graph API (WhatsApp Cloud API) and Twilio REST API for the Messaging tests.

Run by the Swift tests as a subprocess (Python 3 standard library only):

    python tests/support/fake_providers.py --whatsapp-token T --whatsapp-phone-id ID \
        --twilio-sid AC... --twilio-token TOKEN [--port N] [--slow-seconds 5]

It binds 127.0.0.1 (an ephemeral port unless --port is given), prints exactly one line
`READY <port>` to stdout, flushes, and serves until SIGTERM/SIGINT or until its stdin
reaches EOF (start it with a pipe on stdin and keep the write end open).

Provider endpoints check requests strictly against the documented shapes, so that a client
bug shows up as the provider's own 400 answer:

    POST /v<d>.<d>/<phone-id>/messages          WhatsApp Cloud API send
        401 code 190 on a wrong or missing Bearer token; 400 code 100 on a wrong phone id,
        a non-JSON Content-Type or any shape error ("(#100) Invalid parameter", with
        error_data.details naming the field). Recipients ("to") with magic answers:
            51900000400 -> 400 code 131030 "Recipient phone number not in allowed list"
            51900000429 -> 429 code 130429 "Rate limit hit"
            51900000500 -> 500 code 2 "Service temporarily unavailable"
            51900000456 -> 400 code 131056 "(Business Account, Consumer Account) pair rate limit hit"
            51900000999 -> sleeps --slow-seconds (5) and then succeeds
        Success: 200 {"messaging_product","contacts":[{"input","wa_id"}],"messages":[{"id":"wamid..."}]}

    POST /2010-04-01/Accounts/<sid>/Messages.json   Twilio create Message
        401 code 20003 unless Basic auth is sid:token (and the path names that sid);
        form-encoded fields checked: To E.164 (400 code 21211), exactly one of From /
        MessagingServiceSid, Body 1..1600 characters, StatusCallback an absolute URL,
        no undocumented field names. Magic "To" +51900000500 -> 500 code 20500.
        Success: 201 with the Message resource (sid "SM" + 32 hex, status "queued").

Every request to those two kinds of path is recorded when it arrives (before any sleep).

Control API (JSON):

    GET    /_requests         -> 200 [{"method","path","headers":{lowercased: value},"body": text,
                                       "status": answered status or null}, ...] in arrival order
    DELETE /_requests         -> 200 {"cleared": true}
    GET    /_health           -> 200 {"ok": true}
    POST   /_whatsapp/status  {"message_id"?, "status"?, "recipient_id"?, "app_secret",
                               "errors"?: [{"code","title"}], "inbound_from"?: "519...",
                               "timestamp"?: unix seconds}
                              -> 200 {"body": <the webhook JSON Meta would POST>,
                                      "signature": "sha256=<hex HMAC-SHA256(app_secret, body)>"}
    POST   /_twilio/status    {"url", "auth_token", "params": {"MessageSid": ..., ...}}
                              -> 200 {"body": <form-encoded params>,
                                      "signature": base64(HMAC-SHA1(auth_token, url + sorted key+value))}

The signatures are computed here with hmac/hashlib, independently of the Swift code under test.
"""
from __future__ import annotations

import argparse
import base64
import hashlib
import hmac
import json
import re
import secrets
import sys
import time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit
from lifecycle import serve_http
from request_log import RequestLog

MAX_BODY = 4 * 1024 * 1024
WHATSAPP_PATH = re.compile(r"^/v\d+\.\d+/([^/]+)/messages$")
TWILIO_PATH = re.compile(r"^/2010-04-01/Accounts/([^/]+)/Messages\.json$")


class Config:
    whatsapp_token = ""
    whatsapp_phone_id = ""
    twilio_sid = ""
    twilio_token = ""
    slow_seconds = 5.0


class Reply(Exception):
    """Raised anywhere in a handler to answer with this status and JSON payload."""

    def __init__(self, status: int, payload: Any) -> None:
        super().__init__(status)
        self.status = status
        self.payload = payload


# --- WhatsApp Cloud API ------------------------------------------------------------------

def meta_error(status: int, code: int, message: str, details: str | None = None,
               error_type: str = "OAuthException", subcode: int | None = None) -> Reply:
    error: dict[str, Any] = {"message": message, "type": error_type, "code": code,
                             "fbtrace_id": "A" + secrets.token_hex(11)}
    if subcode is not None:
        error["error_subcode"] = subcode
    if details is not None:
        error["error_data"] = {"messaging_product": "whatsapp", "details": details}
    return Reply(status, {"error": error})


def invalid(field: str, reason: str) -> Reply:
    return meta_error(400, 100, "(#100) Invalid parameter", f"Parameter '{field}' {reason}")


def require_object(value: Any, field: str, allowed: set[str]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise invalid(field, "must be a JSON object")
    unknown = sorted(set(value) - allowed)
    if unknown:
        raise invalid(f"{field}.{unknown[0]}", "is not a valid parameter")
    return value


def require_string(obj: dict[str, Any], key: str, field: str, max_len: int | None = None,
                   optional: bool = False) -> str | None:
    if key not in obj:
        if optional:
            return None
        raise invalid(f"{field}.{key}", "is required")
    value = obj[key]
    if not isinstance(value, str) or not value.strip():
        raise invalid(f"{field}.{key}", "must be a non-empty string")
    if max_len is not None and len(value) > max_len:
        raise invalid(f"{field}.{key}", f"must be at most {max_len} characters")
    return value


def require_media_url(obj: dict[str, Any], field: str) -> None:
    if ("link" in obj) == ("id" in obj):
        raise invalid(field, "needs exactly one of 'link' or 'id'")
    if "link" in obj:
        link = require_string(obj, "link", field)
        parts = urlsplit(link)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise invalid(f"{field}.link", "must be an absolute http(s) URL")
    else:
        require_string(obj, "id", field)


def check_parameter(param: Any, field: str, component: str) -> None:
    kinds = {"header": {"text", "document", "image", "video", "location"},
             "body": {"text", "currency", "date_time"},
             "button": {"payload", "text"}}[component]
    if not isinstance(param, dict) or param.get("type") not in kinds:
        raise invalid(f"{field}.type", f"must be one of {sorted(kinds)} in a {component} component")
    kind = param["type"]
    if kind in ("text", "payload"):
        require_object(param, field, {"type", kind})
        require_string(param, kind, field)
    elif kind == "currency":
        cur = require_object(param.get("currency"), f"{field}.currency", {"fallback_value", "code", "amount_1000"})
        require_string(cur, "fallback_value", f"{field}.currency")
        require_string(cur, "code", f"{field}.currency")
        if not isinstance(cur.get("amount_1000"), int) or isinstance(cur.get("amount_1000"), bool):
            raise invalid(f"{field}.currency.amount_1000", "must be an integer")
    elif kind == "date_time":
        dt = require_object(param.get("date_time"), f"{field}.date_time", {"fallback_value"})
        require_string(dt, "fallback_value", f"{field}.date_time")
    elif kind == "location":
        require_object(param.get("location"), f"{field}.location", {"latitude", "longitude", "name", "address"})
    else:  # document, image, video
        require_object(param, field, {"type", kind})
        allowed = {"link", "id", "filename"} if kind == "document" else {"link", "id"}
        media = require_object(param.get(kind), f"{field}.{kind}", allowed)
        require_media_url(media, f"{field}.{kind}")
        if kind == "document":
            require_string(media, "filename", f"{field}.{kind}", optional=True)


def check_template(template: Any) -> None:
    t = require_object(template, "template", {"name", "language", "components"})
    name = require_string(t, "name", "template")
    if not re.fullmatch(r"[a-z0-9_]{1,512}", name or ""):
        raise invalid("template.name", "must be lowercase letters, digits and underscores")
    lang = require_object(t.get("language"), "template.language", {"code", "policy"})
    code = require_string(lang, "code", "template.language")
    if not re.fullmatch(r"[a-z]{2,3}(_[A-Z]{2})?", code or ""):
        raise invalid("template.language.code", "must look like 'es' or 'es_PE'")
    if "policy" in lang and lang["policy"] != "deterministic":
        raise invalid("template.language.policy", "must be 'deterministic'")
    if "components" not in t:
        return
    if not isinstance(t["components"], list) or not t["components"]:
        raise invalid("template.components", "must be a non-empty list")
    for i, comp in enumerate(t["components"]):
        field = f"template.components[{i}]"
        if not isinstance(comp, dict) or comp.get("type") not in ("header", "body", "button"):
            raise invalid(f"{field}.type", "must be header, body or button")
        allowed = {"type", "parameters", "sub_type", "index"} if comp["type"] == "button" else {"type", "parameters"}
        require_object(comp, field, allowed)
        if comp["type"] == "button":
            if comp.get("sub_type") not in ("url", "quick_reply", "copy_code"):
                raise invalid(f"{field}.sub_type", "must be url, quick_reply or copy_code")
            if not isinstance(comp.get("index"), (str, int)):
                raise invalid(f"{field}.index", "is required")
        params = comp.get("parameters")
        if not isinstance(params, list) or not params:
            raise invalid(f"{field}.parameters", "must be a non-empty list")
        for j, param in enumerate(params):
            check_parameter(param, f"{field}.parameters[{j}]", comp["type"])


def check_whatsapp_message(msg: Any) -> str:
    m = require_object(msg, "body", {"messaging_product", "recipient_type", "to", "type",
                                     "template", "text", "document", "biz_opaque_callback_data"})
    if m.get("messaging_product") != "whatsapp":
        raise invalid("messaging_product", "must be 'whatsapp'")
    if "recipient_type" in m and m["recipient_type"] != "individual":
        raise invalid("recipient_type", "must be 'individual'")
    to = m.get("to")
    if not isinstance(to, str) or not re.fullmatch(r"\d{8,15}", to):
        raise invalid("to", "must be the phone number as digits with country code, no '+'")
    kind = m.get("type")
    if kind not in ("template", "text", "document"):
        raise invalid("type", "must be template, text or document")
    for other in {"template", "text", "document"} - {kind}:
        if other in m:
            raise invalid(other, f"is not allowed in a message of type '{kind}'")
    if kind == "template":
        check_template(m.get("template"))
    elif kind == "text":
        text = require_object(m.get("text"), "text", {"body", "preview_url"})
        require_string(text, "body", "text", max_len=4096)
        if "preview_url" in text and not isinstance(text["preview_url"], bool):
            raise invalid("text.preview_url", "must be a boolean")
    else:
        doc = require_object(m.get("document"), "document", {"link", "id", "caption", "filename"})
        require_media_url(doc, "document")
        require_string(doc, "caption", "document", max_len=1024, optional=True)
        require_string(doc, "filename", "document", optional=True)
    return to


def whatsapp_send(phone_id: str, headers: Any, body: bytes) -> tuple[int, Any]:
    auth = headers.get("Authorization") or ""
    if not auth.startswith("Bearer ") or not hmac.compare_digest(auth[7:], Config.whatsapp_token):
        raise meta_error(401, 190, "Invalid OAuth access token - Cannot parse access token")
    if phone_id != Config.whatsapp_phone_id:
        raise meta_error(400, 100, f"Unsupported post request. Object with ID '{phone_id}' does not exist, "
                         "cannot be loaded due to missing permissions, or does not support this operation.",
                         error_type="GraphMethodException", subcode=33)
    ctype = (headers.get("Content-Type") or "").split(";")[0].strip().lower()
    if ctype != "application/json":
        raise invalid("Content-Type", f"must be application/json, got '{ctype}'")
    try:
        msg = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise invalid("body", f"is not valid JSON ({exc})")
    to = check_whatsapp_message(msg)
    magic = {
        "51900000400": (400, 131030, "Recipient phone number not in allowed list",
                        "Recipient phone number not in allowed list: Add recipient phone number to "
                        "recipient list and try again."),
        "51900000429": (429, 130429, "Rate limit hit", "Cloud API message throughput has been reached."),
        "51900000500": (500, 2, "Service temporarily unavailable", None),
        # Meta answers pair throttling with 400, not 429: only the code says that waiting helps.
        "51900000456": (400, 131056, "(Business Account, Consumer Account) pair rate limit hit",
                        "Message failed to send because there were too many messages sent from this "
                        "phone number to the same phone number in a short period of time."),
    }
    if to in magic:
        status, code, text, details = magic[to]
        raise meta_error(status, code, f"(#{code}) {text}", details)
    if to == "51900000999":
        time.sleep(Config.slow_seconds)
    return 200, {"messaging_product": "whatsapp", "contacts": [{"input": to, "wa_id": to}],
                 "messages": [{"id": "wamid." + base64.b64encode(secrets.token_bytes(30)).decode()}]}


# --- Twilio ------------------------------------------------------------------------------

TWILIO_FIELDS = {"To", "From", "MessagingServiceSid", "Body", "StatusCallback", "MediaUrl", "ContentSid",
                 "ContentVariables", "ValidityPeriod", "ApplicationSid", "MaxPrice", "ProvideFeedback",
                 "Attempt", "ForceDelivery", "SmartEncoded", "PersistentAction", "ShortenUrls",
                 "ScheduleType", "SendAt", "SendAsMms", "RiskCheck"}
E164 = re.compile(r"\+\d{8,15}")


def twilio_error(status: int, code: int, message: str) -> Reply:
    return Reply(status, {"code": code, "message": message,
                          "more_info": f"https://www.twilio.com/docs/errors/{code}", "status": status})


def twilio_authenticated(path_sid: str, headers: Any) -> bool:
    auth = headers.get("Authorization") or ""
    if not auth.startswith("Basic "):
        return False
    try:
        user, _, password = base64.b64decode(auth[6:], validate=True).decode("utf-8").partition(":")
    except (ValueError, UnicodeDecodeError):
        return False
    return (hmac.compare_digest(user, Config.twilio_sid) and hmac.compare_digest(password, Config.twilio_token)
            and path_sid == Config.twilio_sid)


def twilio_form(headers: Any, body: bytes) -> dict[str, str]:
    ctype = (headers.get("Content-Type") or "").split(";")[0].strip().lower()
    if ctype != "application/x-www-form-urlencoded":
        raise twilio_error(400, 21604, "A 'To' phone number is required.")  # what Twilio says to a JSON body
    try:
        pairs = parse_qsl(body.decode("utf-8"), keep_blank_values=True, strict_parsing=bool(body))
    except (UnicodeDecodeError, ValueError):
        raise twilio_error(400, 20001, "Unable to parse the request body.")
    form: dict[str, str] = {}
    for key, value in pairs:
        if key not in TWILIO_FIELDS:
            raise twilio_error(400, 20001, f"Unknown parameter '{key}'.")
        if key in form and key != "MediaUrl":
            raise twilio_error(400, 20001, f"Parameter '{key}' given more than once.")
        form[key] = value
    return form


def check_twilio_form(form: dict[str, str]) -> None:
    if not form.get("To"):
        raise twilio_error(400, 21604, "A 'To' phone number is required.")
    if not E164.fullmatch(form["To"]):
        raise twilio_error(400, 21211, f"The 'To' number {form['To']} is not a valid phone number.")
    if ("From" in form) == ("MessagingServiceSid" in form):
        raise twilio_error(400, 21603, "Exactly one of 'From' or 'MessagingServiceSid' is required.")
    if "From" in form and not (E164.fullmatch(form["From"]) or re.fullmatch(r"[A-Za-z0-9 ]{1,11}", form["From"])):
        raise twilio_error(400, 21212, f"The 'From' number {form['From']} is not a valid phone number, "
                           "shortcode, or alphanumeric sender ID.")
    if "MessagingServiceSid" in form and not re.fullmatch(r"MG[0-9a-f]{32}", form["MessagingServiceSid"]):
        raise twilio_error(400, 21701, f"The Messaging Service Sid {form['MessagingServiceSid']} is invalid.")
    if not form.get("Body"):
        raise twilio_error(400, 21602, "Message body is required.")
    if len(form["Body"]) > 1600:
        raise twilio_error(400, 21617, "The concatenated message body exceeds the 1600 character limit.")
    if "StatusCallback" in form:
        parts = urlsplit(form["StatusCallback"])
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise twilio_error(400, 21609, f"The StatusCallback URL {form['StatusCallback']} is not a valid URL.")


def segments(text: str) -> int:
    # GSM-7 is approximated by ASCII; anything else makes the SMS UCS-2 (70 / 67 per part).
    single, multi = (160, 153) if all(ord(c) < 128 for c in text) else (70, 67)
    return 1 if len(text) <= single else -(-len(text) // multi)


def twilio_send(path_sid: str, headers: Any, body: bytes) -> tuple[int, Any]:
    if not twilio_authenticated(path_sid, headers):
        raise twilio_error(401, 20003, "Authenticate")
    form = twilio_form(headers, body)
    check_twilio_form(form)
    if form["To"] == "+51900000500":
        raise twilio_error(500, 20500, "An internal server error has occurred")
    sid = "SM" + secrets.token_hex(16)
    now = formatdate(usegmt=True)
    base = f"/2010-04-01/Accounts/{Config.twilio_sid}/Messages/{sid}"
    return 201, {
        "account_sid": Config.twilio_sid, "api_version": "2010-04-01", "body": form["Body"],
        "date_created": now, "date_sent": None, "date_updated": now, "direction": "outbound-api",
        "error_code": None, "error_message": None, "from": form.get("From"),
        "messaging_service_sid": form.get("MessagingServiceSid"), "num_media": "0",
        "num_segments": str(segments(form["Body"])), "price": None, "price_unit": "USD", "sid": sid,
        "status": "queued", "subresource_uris": {"media": f"{base}/Media.json"}, "to": form["To"],
        "uri": f"{base}.json",
    }


# --- Signed callbacks (control API) --------------------------------------------------------

def whatsapp_status_webhook(req: dict[str, Any]) -> dict[str, str]:
    secret = req.get("app_secret")
    if not isinstance(secret, str) or not secret:
        raise Reply(400, {"error": "app_secret is required"})
    ts = str(int(req.get("timestamp") or time.time()))
    value: dict[str, Any] = {"messaging_product": "whatsapp",
                             "metadata": {"display_phone_number": "51999888777",
                                          "phone_number_id": Config.whatsapp_phone_id}}
    if req.get("message_id"):
        value["statuses"] = [whatsapp_status(req, ts)]
    if req.get("inbound_from"):
        sender = str(req["inbound_from"])
        value["contacts"] = [{"profile": {"name": "Cliente"}, "wa_id": sender}]
        value["messages"] = [{"from": sender, "id": "wamid." + secrets.token_hex(16), "timestamp": ts,
                              "type": "text", "text": {"body": "Hola, ya pagué"}}]
    payload = {"object": "whatsapp_business_account",
               "entry": [{"id": "102290129340398", "changes": [{"value": value, "field": "messages"}]}]}
    body = json.dumps(payload, separators=(",", ":"), ensure_ascii=False)
    mac = hmac.new(secret.encode(), body.encode("utf-8"), hashlib.sha256).hexdigest()
    return {"body": body, "signature": f"sha256={mac}"}


def whatsapp_status(req: dict[str, Any], ts: str) -> dict[str, Any]:
    status = req.get("status") or "sent"
    entry: dict[str, Any] = {"id": req["message_id"], "status": status, "timestamp": ts,
                             "recipient_id": req.get("recipient_id") or "51987654321"}
    if status in ("sent", "delivered", "read"):
        entry["conversation"] = {"id": secrets.token_hex(16), "origin": {"type": "utility"}}
        entry["pricing"] = {"billable": True, "pricing_model": "CBP", "category": "utility"}
    if req.get("errors"):
        entry["errors"] = [{"code": int(e["code"]), "title": e["title"], "message": e["title"],
                            "error_data": {"details": e.get("details", e["title"])},
                            "href": "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/"}
                           for e in req["errors"]]
    return entry


def twilio_status_callback(req: dict[str, Any]) -> dict[str, str]:
    url, token, params = req.get("url"), req.get("auth_token"), req.get("params")
    if not isinstance(url, str) or not isinstance(token, str) or not isinstance(params, dict):
        raise Reply(400, {"error": "url, auth_token and params are required"})
    params = {str(k): str(v) for k, v in params.items()}
    signed = url + "".join(k + params[k] for k in sorted(params))
    mac = hmac.new(token.encode(), signed.encode("utf-8"), hashlib.sha1).digest()
    return {"body": urlencode(params), "signature": base64.b64encode(mac).decode()}


# --- HTTP plumbing -------------------------------------------------------------------------

class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "FakeProviders/1.0"
    sys_version = ""
    store: RequestLog  # set on the class by main()

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def _read_body(self) -> bytes:
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            chunks, total = [], 0
            while True:
                size = int(self.rfile.readline(65537).split(b";", 1)[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline(65537) not in (b"\r\n", b"\n", b""):
                        pass
                    return b"".join(chunks)
                total += size
                if total > MAX_BODY:
                    raise ValueError("body too large")
                chunks.append(self.rfile.read(size))
                self.rfile.readline(3)
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            raise ValueError("body too large")
        return self.rfile.read(length) if length > 0 else b""

    def _send_json(self, status: int, payload: Any) -> None:
        data = json.dumps(payload).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            self.wfile.flush()
        except OSError:  # the client gave up (a timeout test): nothing to answer
            self.close_connection = True

    def _handle(self) -> None:
        try:
            body = self._read_body()
        except (ValueError, OSError):
            self.close_connection = True
            self._send_json(400, {"error": "unreadable body"})
            return
        path = urlsplit(self.path).path
        if path.startswith("/_"):
            self._control(path, body)
            return
        entry = self.store.record({"method": self.command, "path": self.path, "status": None,
                                   "headers": {k.lower(): v for k, v in reversed(self.headers.items())},
                                   "body": body.decode("utf-8", errors="replace")})
        status, payload = self._provider(path, body)
        self.store.update(entry, status=status)
        self._send_json(status, payload)

    def _provider(self, path: str, body: bytes) -> tuple[int, Any]:
        wa, tw = WHATSAPP_PATH.match(path), TWILIO_PATH.match(path)
        try:
            if wa and self.command == "POST":
                return whatsapp_send(wa.group(1), self.headers, body)
            if tw and self.command == "POST":
                return twilio_send(tw.group(1), self.headers, body)
            if wa:
                raise meta_error(400, 100, f"Unsupported {self.command.lower()} request.")
            if tw:
                raise twilio_error(405, 20004, "Method not allowed")
            raise Reply(404, {"error": f"no provider route {self.command} {path}"})
        except Reply as reply:
            return reply.status, reply.payload

    def _control(self, path: str, body: bytes) -> None:
        try:
            route = (self.command, path)
            if route == ("GET", "/_health"):
                self._send_json(200, {"ok": True})
            elif route == ("GET", "/_requests"):
                self._send_json(200, self.store.snapshot())
            elif route == ("DELETE", "/_requests"):
                self.store.clear()
                self._send_json(200, {"cleared": True})
            elif route == ("POST", "/_whatsapp/status"):
                self._send_json(200, whatsapp_status_webhook(self._json(body)))
            elif route == ("POST", "/_twilio/status"):
                self._send_json(200, twilio_status_callback(self._json(body)))
            else:
                raise Reply(404, {"error": f"no control route {self.command} {path}"})
        except Reply as reply:
            self._send_json(reply.status, reply.payload)
        except (KeyError, TypeError, ValueError) as exc:
            self._send_json(400, {"error": f"{type(exc).__name__}: {exc}"})

    @staticmethod
    def _json(body: bytes) -> dict[str, Any]:
        value = json.loads(body or b"null")
        if not isinstance(value, dict):
            raise Reply(400, {"error": "a JSON object is required"})
        return value

    do_POST = do_GET = do_PUT = do_DELETE = do_PATCH = _handle


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--whatsapp-token", required=True)
    parser.add_argument("--whatsapp-phone-id", required=True)
    parser.add_argument("--twilio-sid", required=True)
    parser.add_argument("--twilio-token", required=True)
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (default: ephemeral)")
    parser.add_argument("--slow-seconds", type=float, default=5.0, help="delay for recipient 51900000999")
    args = parser.parse_args(argv)
    Config.whatsapp_token, Config.whatsapp_phone_id = args.whatsapp_token, args.whatsapp_phone_id
    Config.twilio_sid, Config.twilio_token = args.twilio_sid, args.twilio_token
    Config.slow_seconds = args.slow_seconds

    Handler.store = RequestLog()
    return serve_http(Handler, args.port)


if __name__ == "__main__":
    sys.exit(main())
