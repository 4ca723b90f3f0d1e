#!/usr/bin/env python3
"""A fake Stripe API and Culqi API (Yape) for the PaymentProviders tests.

Run by the Swift tests as a subprocess (Python 3 standard library only):

    python tests/support/fake_payments.py --stripe-key sk_test_... --culqi-public-key pk_test_... \
        --culqi-secret-key sk_test_... [--port N] [--slow-seconds 5]

It binds 127.0.0.1 (an ephemeral port unless --port is given), prints exactly one line
`READY <port>` to stdout, flushes, and serves until SIGTERM/SIGINT or until its stdin reaches
EOF (see lifecycle.py).

Endpoints check requests strictly against the documented shapes, so that a client bug shows up
as the provider's own error answer. Amounts are integers in céntimos everywhere.

Stripe (form-encoded bodies, `Authorization: Bearer <--stripe-key>`, else 401):

    POST /v1/checkout/sessions   mode=payment, line_items[0][price_data][currency|unit_amount|
                                 product_data][name]], line_items[0][quantity], success_url, cancel_url,
                                 client_reference_id, customer_email?, metadata[k]?,
                                 payment_intent_data[metadata][k]?, customer_creation? (always|if_required),
                                 payment_intent_data[setup_future_usage]? (off_session|on_session), other
                                 values -> 400 with param; unknown fields -> 400 parameter_unknown.
                                 The session has "customer": null and "customer_creation": the value or null.
                                 Totals under S/ 2.00 (US$ 0.50) -> 400 amount_too_small (Stripe's
                                 minimum is US$ 0.50 converted; S/ 2.00 is our rounding of it).
                                 Magic product names: "fake:500" -> 500 api_error,
                                 "fake:429" -> 429 rate_limit, "fake:slow" -> sleeps --slow-seconds.
    GET  /v1/checkout/sessions/<id>, GET /v1/payment_intents/<id>, GET /v1/payment_methods/<id>
                                 404 resource_missing if unknown
    POST /v1/refunds             payment_intent, amount?, reason?, metadata[k]?; errors
                                 charge_already_refunded, amount_too_large, resource_missing.
    POST /v1/payment_intents     Charges a saved card off-session (create + confirm): amount, currency
                                 (pen|usd), customer, payment_method, off_session=true, confirm=true,
                                 description?, metadata[k]?; unknown fields -> 400 parameter_unknown, minimums
                                 as for sessions -> 400 amount_too_small. Unknown customer or payment method
                                 -> 400 resource_missing (param customer / payment_method); a payment method
                                 not attached to that customer -> 400 invalid_request_error param
                                 payment_method. Then by the card's outcome (POST /_stripe/cards, default
                                 succeeded): 200 intent "succeeded" with a charge (event
                                 payment_intent.succeeded), or 402 {"error":{"type":"card_error","code":
                                 "card_declined","decline_code":"insufficient_funds"|"authentication_required"
                                 without decline_code,"message","payment_intent","payment_method"}} with the
                                 intent in "requires_payment_method", its payment_method null and its
                                 last_payment_error set (event payment_intent.payment_failed).
                                 Every intent can be read back with GET /v1/payment_intents/<id>.
    POST /v1/payment_methods/<id>/detach   no parameters; -> the payment method with "customer": null;
                                 404 resource_missing if unknown, 400 invalid_request_error if not attached.

    PaymentIntents (also those of /_stripe/pay) have "customer" and "payment_method" (ids or null) and
    "description"; charges have "customer" and "payment_method". PaymentMethods are
    {"id": "pm_…", "object": "payment_method", "type": "card", "card": {"brand": "visa", "last4",
    "exp_month": 12, "exp_year": 2030}, "customer": "cus_…"|null, "created", "livemode": false}; customers
    are {"id": "cus_…", "object": "customer", "email", "created", "livemode": false}.

    Every POST needs an `Idempotency-Key` (Stripe makes it optional; our client always sends one,
    so its absence is a bug) of at most 255 characters. The first answer to a key is saved (200s
    and 500s, not validation errors, as docs.stripe.com/idempotency says); the same key with the
    same path and parameters replays it with `Idempotent-Replayed: true`, with other parameters
    it answers 400 idempotency_error. 402 card errors are saved too (the charge was attempted).
    Errors are `{"error":{"type","code"?,"message","param"?}}`.

Culqi (JSON bodies; the tokens host is served under /culqi-secure and the API host under
/culqi-api, so that a client using the wrong host or key fails):

    POST /culqi-secure/v2/tokens/yape   Bearer <--culqi-public-key>; {number_phone: 9 digits
                                 starting with 9, otp: 6 digits, amount: integer > 0, metadata?}
                                 -> 201 token "ype_test_…". Magic: otp "000000" -> 422 parameter_error
                                 (wrong approval code; how Culqi words this is not in payments.md,
                                 the fake's type and messages are an assumption), number_phone
                                 900000429 -> 429 limit_api_error, 900000999 -> sleeps --slow-seconds.
    POST /culqi-api/v2/charges  Bearer <--culqi-secret-key>; {amount, currency_code, email,
                                 source_id, capture?, description?, metadata?}; the token must
                                 exist, be unused and be for the same amount; PEN only for Yape;
                                 amount < 300 -> 422 invalid_amount (Culqi's minimum, S/ 3.00).
                                 By the token's phone: 900000402 -> 402 card_error insufficient_funds,
                                 900000500 -> 500 api_error. Success: 201 charge, outcome venta_exitosa.
    GET  /culqi-api/v2/charges/<id>     404 resource_error if unknown
    POST /culqi-api/v2/refunds  {amount, charge_id, reason: duplicado|fraudulento|solicitud_comprador}
    Errors are `{"object":"error","type","code"?,"decline_code"?,"merchant_message","user_message","param"?}`
    with the statuses Culqi lists: 400 invalid_request_error, 401 authentication_error,
    402 card_error, 404 resource_error, 422 parameter_error, 429 limit_api_error, 500 api_error.

Control API (JSON):

    GET    /_requests       -> [{"method","path","headers":{lowercased},"body","status","replayed"}, ...]
    DELETE /_requests       -> {"cleared": true}
    GET    /_health         -> {"ok": true}
    POST   /_stripe/pay     {"session": "cs_…", "outcome": "succeeded"|"card_declined", "last4"?: "4 digits"}
                            -> {"payment_intent": "pi_…", "charge": "ch_…"|null, "customer": "cus_…"|null,
                                "payment_method": "pm_…"|null}; records the events Stripe would send
                               (payment_intent.succeeded + checkout.session.completed, or
                               payment_intent.payment_failed). Refunds record charge.refunded.
                               On success it creates a card PaymentMethod (last4 default "4242"); if the
                               session had customer_creation=always it creates a Customer (the session's
                               customer_email) and sets it on the session and intent, and if the session
                               also had payment_intent_data[setup_future_usage] the card is attached to it.
                               (Only "always" creates a Customer in this fake.)
    POST   /_stripe/cards   {"payment_method": "pm_…", "outcome": "succeeded"|"card_declined"|
                             "authentication_required"} -> {"ok": true}; the outcome of later off-session
                               charges (POST /v1/payment_intents) of that card. Unknown card -> 400.
    GET    /_stripe/customers -> [customer object + "payment_methods": [attached "pm_…" ids], ...]
    GET    /_stripe/events  -> [{"type", "body": the event JSON exactly as Stripe would POST it}, ...]
    POST   /_culqi/event    {"charge": "chr_…", "type"?: "charge.creation.succeeded", "data_as_string"?: bool}
                            -> {"body": the unsigned event JSON Culqi would POST}
"""
from __future__ import annotations

import argparse
import json
import re
import secrets
import string
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler
from typing import Any, Callable
from urllib.parse import parse_qsl, urlsplit
from lifecycle import serve_http
from request_log import RequestLog

MAX_BODY = 1024 * 1024
MINIMUM_AMOUNT = {"pen": 200, "usd": 50}  # céntimos / cents
CARD_OUTCOMES = ("succeeded", "card_declined", "authentication_required")
LOCK = threading.Lock()  # guards the state below; handlers run on several threads


class Config:
    stripe_key = ""
    culqi_public_key = ""
    culqi_secret_key = ""
    slow_seconds = 5.0


class Reply(Exception):
    """Raised anywhere in a handler to answer with this status, JSON payload and headers."""

    def __init__(self, status: int, payload: Any, headers: dict[str, str] | None = None) -> None:
        super().__init__(status)
        self.status = status
        self.payload = payload
        self.headers = headers or {}


def random_id(prefix: str, length: int = 24) -> str:
    alphabet = string.ascii_letters + string.digits
    return prefix + "".join(secrets.choice(alphabet) for _ in range(length))


def bearer(headers: Any) -> str | None:
    auth = headers.get("Authorization") or ""
    return auth[7:] if auth.startswith("Bearer ") else None


def content_type(headers: Any) -> str:
    return (headers.get("Content-Type") or "").split(";")[0].strip().lower()


# --- Stripe ------------------------------------------------------------------------------------

class Stripe:
    sessions: dict[str, dict[str, Any]] = {}
    intents: dict[str, dict[str, Any]] = {}
    charges: dict[str, dict[str, Any]] = {}
    customers: dict[str, dict[str, Any]] = {}
    payment_methods: dict[str, dict[str, Any]] = {}
    card_outcomes: dict[str, str] = {}  # payment method id -> outcome of its off-session charges
    saved: dict[str, dict[str, Any]] = {}  # Idempotency-Key -> {"route", "params", "status", "payload"}
    events: list[dict[str, str]] = []


def stripe_error(status: int, message: str, error_type: str = "invalid_request_error", code: str | None = None,
                 param: str | None = None, **extra: Any) -> Reply:
    error: dict[str, Any] = {"type": error_type, "message": message}
    if code:
        error["code"] = code
        error["doc_url"] = f"https://stripe.com/docs/error-codes/{code.replace('_', '-')}"
    if param:
        error["param"] = param
    error.update(extra)
    headers = {"Stripe-Should-Retry": "true"} if status == 429 else {}
    return Reply(status, {"error": error}, headers)


def stripe_form(headers: Any, body: bytes) -> list[tuple[str, str]]:
    if content_type(headers) != "application/x-www-form-urlencoded":
        raise stripe_error(400, "Invalid request: parameters must be form-encoded "
                           "(Content-Type: application/x-www-form-urlencoded).")
    try:
        pairs = parse_qsl(body.decode("utf-8"), keep_blank_values=True, strict_parsing=bool(body))
    except (UnicodeDecodeError, ValueError):
        raise stripe_error(400, "Invalid request: unable to parse the form-encoded body.")
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            raise stripe_error(400, f"Parameter given more than once: {key}", param=key)
        seen.add(key)
    return pairs


def check_fields(form: dict[str, str], allowed: set[str], patterns: list[str]) -> None:
    for key in form:
        if key not in allowed and not any(re.fullmatch(p, key) for p in patterns):
            raise stripe_error(400, f"Received unknown parameter: {key}", code="parameter_unknown", param=key)
    for key, value in form.items():
        if key.startswith(("metadata[", "payment_intent_data[metadata][")):
            name = key.rsplit("[", 1)[1][:-1]
            if not name or len(name) > 40 or len(value) > 500:
                raise stripe_error(400, f"Invalid metadata: {key}", code="parameter_invalid_string", param=key)


def require(form: dict[str, str], key: str) -> str:
    if not form.get(key):
        raise stripe_error(400, f"Missing required param: {key}.", code="parameter_missing", param=key)
    return form[key]


def integer(form: dict[str, str], key: str, minimum: int) -> int:
    value = require(form, key)
    if not re.fullmatch(r"\d{1,12}", value):
        raise stripe_error(400, f"Invalid integer: {value}", code="parameter_invalid_integer", param=key)
    if int(value) < minimum:
        raise stripe_error(400, f"This value must be greater than or equal to {minimum}.",
                           code="parameter_invalid_integer", param=key)
    return int(value)


def absolute_url(form: dict[str, str], key: str) -> str:
    url = require(form, key)
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise stripe_error(400, "Not a valid URL", code="url_invalid", param=key)
    return url


def metadata(form: dict[str, str], prefix: str) -> dict[str, str]:
    return {k[len(prefix) + 1:-1]: v for k, v in form.items() if k.startswith(prefix + "[")}


def one_of(form: dict[str, str], key: str, values: tuple[str, ...]) -> str | None:
    value = form.get(key)
    if value is not None and value not in values:
        raise stripe_error(400, f"Invalid {key}: must be one of {', '.join(values)}", param=key)
    return value


def snapshot(obj: Any) -> Any:
    """A deep copy, so that a saved answer or an event does not change with the live object."""
    return json.loads(json.dumps(obj))


def create_session(form: dict[str, str]) -> tuple[int, Any]:
    item = "line_items[0]"
    check_fields(form, {"mode", "success_url", "cancel_url", "client_reference_id", "customer_email",
                        "customer_creation", "payment_intent_data[setup_future_usage]",
                        f"{item}[price_data][currency]", f"{item}[price_data][unit_amount]",
                        f"{item}[price_data][product_data][name]", f"{item}[quantity]"},
                 [r"metadata\[[^\[\]]+\]", r"payment_intent_data\[metadata\]\[[^\[\]]+\]"])
    if require(form, "mode") != "payment":
        raise stripe_error(400, "Invalid mode: this fake only knows 'payment'.", param="mode")
    creation = one_of(form, "customer_creation", ("always", "if_required"))
    future_usage = one_of(form, "payment_intent_data[setup_future_usage]", ("off_session", "on_session"))
    currency = require(form, f"{item}[price_data][currency]")
    if currency not in ("pen", "usd"):
        raise stripe_error(400, f"Invalid currency: {currency}.", param=f"{item}[price_data][currency]")
    unit = integer(form, f"{item}[price_data][unit_amount]", 0)
    quantity = integer(form, f"{item}[quantity]", 1)
    name = require(form, f"{item}[price_data][product_data][name]")
    success, cancel = absolute_url(form, "success_url"), absolute_url(form, "cancel_url")
    if unit * quantity < MINIMUM_AMOUNT[currency]:
        raise stripe_error(400, "The Checkout Session's total amount due must add up to at least $0.50 usd",
                           code="amount_too_small")
    magic_product(name)
    session_id = random_id("cs_test_a1", 48)
    session = {
        "id": session_id, "object": "checkout.session", "amount_subtotal": unit * quantity,
        "amount_total": unit * quantity, "cancel_url": cancel, "client_reference_id": form.get("client_reference_id"),
        "created": int(time.time()), "currency": currency, "customer": None, "customer_creation": creation,
        "customer_email": form.get("customer_email"),
        "expires_at": int(time.time()) + 86400, "livemode": False, "metadata": metadata(form, "metadata"),
        "mode": "payment", "payment_intent": None, "payment_status": "unpaid", "status": "open",
        "success_url": success, "url": f"https://checkout.stripe.com/c/pay/{session_id}#fidkdWxOYHwnPyd1blpxYHZxWjA0",
    }
    with LOCK:
        Stripe.sessions[session_id] = {"session": session, "setup_future_usage": future_usage,
                                       "intent_metadata": metadata(form, "payment_intent_data[metadata]")}
    return 200, session


def magic_product(name: str) -> None:
    if name == "fake:500":
        raise stripe_error(500, "An unknown error occurred", error_type="api_error")
    if name == "fake:429":
        raise stripe_error(429, "Too many requests hit the API too quickly.", code="rate_limit")
    if name == "fake:slow":
        time.sleep(Config.slow_seconds)


def create_refund(form: dict[str, str]) -> tuple[int, Any]:
    check_fields(form, {"payment_intent", "amount", "reason"}, [r"metadata\[[^\[\]]+\]"])
    intent_id = require(form, "payment_intent")
    reason = form.get("reason")
    if reason is not None and reason not in ("duplicate", "fraudulent", "requested_by_customer"):
        raise stripe_error(400, "Invalid reason: must be one of duplicate, fraudulent, or requested_by_customer",
                           param="reason")
    amount = integer(form, "amount", 1) if "amount" in form else None
    with LOCK:
        intent = Stripe.intents.get(intent_id)
        if intent is None:
            raise stripe_error(400, f"No such payment_intent: '{intent_id}'", code="resource_missing",
                               param="payment_intent")
        charge = Stripe.charges.get(intent.get("latest_charge") or "")
        if intent["status"] != "succeeded" or charge is None:
            raise stripe_error(400, f"This PaymentIntent ({intent_id}) does not have a successful charge to refund.")
        left = charge["amount"] - charge["amount_refunded"]
        if left == 0:
            raise stripe_error(400, f"Charge {charge['id']} has already been refunded.",
                               code="charge_already_refunded")
        amount = left if amount is None else amount
        if amount > left:
            raise stripe_error(400, f"Refund amount ({amount}) is greater than unrefunded amount on charge ({left})",
                               code="amount_too_large", param="amount")
        charge["amount_refunded"] += amount
        charge["refunded"] = charge["amount_refunded"] == charge["amount"]
        refund = {"id": random_id("re_"), "object": "refund", "amount": amount, "charge": charge["id"],
                  "created": int(time.time()), "currency": charge["currency"], "metadata": metadata(form, "metadata"),
                  "payment_intent": intent_id, "reason": reason, "status": "succeeded"}
        record_event("charge.refunded", charge)
    return 200, refund


def record_event(event_type: str, obj: dict[str, Any]) -> None:
    """Called with LOCK held. Stripe POSTs pretty-printed JSON; the signature covers those exact bytes."""
    event = {"id": random_id("evt_"), "object": "event", "api_version": "2024-06-20", "created": int(time.time()),
             "data": {"object": snapshot(obj)}, "livemode": False, "pending_webhooks": 1,
             "request": {"id": None, "idempotency_key": None}, "type": event_type}
    Stripe.events.append({"type": event_type, "body": json.dumps(event, indent=2, ensure_ascii=False)})


def stripe_get(kind: str, object_id: str) -> tuple[int, Any]:
    with LOCK:
        if kind == "checkout/sessions" and object_id in Stripe.sessions:
            return 200, Stripe.sessions[object_id]["session"]
        if kind == "payment_intents" and object_id in Stripe.intents:
            return 200, Stripe.intents[object_id]
        if kind == "payment_methods" and object_id in Stripe.payment_methods:
            return 200, snapshot(Stripe.payment_methods[object_id])
    name = {"checkout/sessions": "checkout.session", "payment_intents": "payment_intent",
            "payment_methods": "PaymentMethod"}[kind]
    raise stripe_error(404, f"No such {name}: '{object_id}'", code="resource_missing", param="id")


def stripe_route(method: str, path: str, headers: Any, body: bytes) -> tuple[int, Any, dict[str, str]]:
    key = bearer(headers)
    if key != Config.stripe_key:
        shown = (key or "")[:8] + "*" * 4 + (key or "")[-4:]
        raise stripe_error(401, f"Invalid API Key provided: {shown}")
    getter = re.fullmatch(r"/v1/(checkout/sessions|payment_intents|payment_methods)/([A-Za-z0-9_]+)", path)
    if method == "GET" and getter:
        return (*stripe_get(getter.group(1), getter.group(2)), {})
    handler = post_handler(path)
    if method != "POST" or handler is None:
        raise stripe_error(404, f"Unrecognized request URL ({method}: {path}).")
    pairs = stripe_form(headers, body)
    return idempotent(path, pairs, headers, lambda: handler(dict(pairs)))


def post_handler(path: str) -> Callable[[dict[str, str]], tuple[int, Any]] | None:
    handlers = {"/v1/checkout/sessions": create_session, "/v1/payment_intents": create_payment_intent,
                "/v1/refunds": create_refund}
    if path in handlers:
        return handlers[path]
    detach = re.fullmatch(r"/v1/payment_methods/([A-Za-z0-9_]+)/detach", path)
    if detach:
        return lambda form: detach_payment_method(detach.group(1), form)
    return None


def idempotent(path: str, pairs: list[tuple[str, str]], headers: Any, run: Any) -> tuple[int, Any, dict[str, str]]:
    key = headers.get("Idempotency-Key")
    if not key:
        raise stripe_error(400, "(fake) Idempotency-Key header is required: our client sends one on every POST.")
    if len(key) > 255:
        raise stripe_error(400, "Idempotency-Key must be at most 255 characters long.")
    params = sorted(pairs)
    with LOCK:
        saved = Stripe.saved.get(key)
    if saved is not None:
        if saved["route"] != path or saved["params"] != params:
            raise stripe_error(400, "Keys for idempotent requests can only be used with the same parameters they "
                               f"were first used with. Try using a key other than '{key}' if you meant to execute "
                               "a different request.", error_type="idempotency_error")
        return saved["status"], saved["payload"], {"Idempotent-Replayed": "true"}
    try:
        status, payload = run()
    except Reply as reply:
        if reply.status < 500 and not is_card_error(reply):
            raise  # validation errors are not saved; the endpoint did not run
        status, payload = reply.status, reply.payload
    with LOCK:
        Stripe.saved.setdefault(key, {"route": path, "params": params, "status": status, "payload": payload})
    return status, payload, {}


def is_card_error(reply: Reply) -> bool:
    """A 402 card error: the charge was attempted, so Stripe saves the answer for the key."""
    error = reply.payload.get("error") if isinstance(reply.payload, dict) else None
    return reply.status == 402 and isinstance(error, dict) and error.get("type") == "card_error"


def new_intent(amount: int, currency: str, intent_metadata: dict[str, str]) -> dict[str, Any]:
    """Called with LOCK held; stores the intent."""
    intent = {"id": random_id("pi_"), "object": "payment_intent", "amount": amount, "amount_received": 0,
              "created": int(time.time()), "currency": currency, "customer": None, "description": None,
              "last_payment_error": None, "latest_charge": None, "livemode": False, "metadata": intent_metadata,
              "payment_method": None, "status": "requires_payment_method"}
    Stripe.intents[intent["id"]] = intent
    return intent


def succeed(intent: dict[str, Any]) -> str:
    """Called with LOCK held: charges the intent's full amount, returns the charge id."""
    charge_id = random_id("ch_")
    Stripe.charges[charge_id] = {
        "id": charge_id, "object": "charge", "amount": intent["amount"], "amount_refunded": 0,
        "captured": True, "currency": intent["currency"], "customer": intent["customer"],
        "metadata": dict(intent["metadata"]), "paid": True, "payment_intent": intent["id"],
        "payment_method": intent["payment_method"], "refunded": False, "status": "succeeded"}
    intent.update(status="succeeded", amount_received=intent["amount"], latest_charge=charge_id)
    return charge_id


def new_payment_method(last4: str) -> dict[str, Any]:
    """Called with LOCK held."""
    pm = {"id": random_id("pm_"), "object": "payment_method", "type": "card",
          "card": {"brand": "visa", "last4": last4, "exp_month": 12, "exp_year": 2030},
          "customer": None, "created": int(time.time()), "livemode": False}
    Stripe.payment_methods[pm["id"]] = pm
    return pm


def new_customer(email: str | None) -> dict[str, Any]:
    """Called with LOCK held."""
    customer = {"id": random_id("cus_", 14), "object": "customer", "email": email, "created": int(time.time()),
                "livemode": False}
    Stripe.customers[customer["id"]] = customer
    return customer


def create_payment_intent(form: dict[str, str]) -> tuple[int, Any]:
    check_fields(form, {"amount", "currency", "customer", "payment_method", "off_session", "confirm",
                        "description"}, [r"metadata\[[^\[\]]+\]"])
    currency = require(form, "currency")
    if currency not in MINIMUM_AMOUNT:
        raise stripe_error(400, f"Invalid currency: {currency}.", param="currency")
    amount = integer(form, "amount", 1)
    if amount < MINIMUM_AMOUNT[currency]:
        shown = {"pen": "S/ 2.00 pen", "usd": "$0.50 usd"}[currency]
        raise stripe_error(400, f"Amount must be at least {shown}", code="amount_too_small", param="amount")
    for flag in ("off_session", "confirm"):
        if require(form, flag) != "true":
            raise stripe_error(400, f"(fake) {flag} must be true: this fake only charges saved cards off-session.",
                               param=flag)
    customer_id, pm_id = require(form, "customer"), require(form, "payment_method")
    with LOCK:
        pm = saved_card(customer_id, pm_id)
        intent = new_intent(amount, currency, metadata(form, "metadata"))
        intent.update(customer=customer_id, description=form.get("description"), payment_method=pm_id)
        outcome = Stripe.card_outcomes.get(pm_id, "succeeded")
        if outcome == "succeeded":
            succeed(intent)
            record_event("payment_intent.succeeded", intent)
            return 200, intent
        error = card_error(outcome, pm)
        intent.update(payment_method=None, last_payment_error=error)  # Stripe unsets it when a payment fails
        record_event("payment_intent.payment_failed", intent)
        extra = {k: error[k] for k in ("decline_code",) if k in error}
        raise stripe_error(402, error["message"], error_type="card_error", code=error["code"],
                           payment_intent=snapshot(intent), payment_method=snapshot(pm), **extra)


def saved_card(customer_id: str, pm_id: str) -> dict[str, Any]:
    """Called with LOCK held: the payment method, which must be attached to the customer."""
    if customer_id not in Stripe.customers:
        raise stripe_error(400, f"No such customer: '{customer_id}'", code="resource_missing", param="customer")
    pm = Stripe.payment_methods.get(pm_id)
    if pm is None:
        raise stripe_error(400, f"No such PaymentMethod: '{pm_id}'", code="resource_missing",
                           param="payment_method")
    if pm["customer"] is None:
        raise stripe_error(400, "The provided PaymentMethod was previously used without being attached to a "
                           "Customer or was detached from a Customer, and may not be used again.",
                           param="payment_method")
    if pm["customer"] != customer_id:
        raise stripe_error(400, "(fake) The provided PaymentMethod is attached to another Customer, "
                           f"not to '{customer_id}'.", param="payment_method")
    return pm


def card_error(outcome: str, pm: dict[str, Any]) -> dict[str, Any]:
    """The intent's last_payment_error for a failed off-session charge."""
    if outcome == "card_declined":
        error = {"type": "card_error", "code": "card_declined", "decline_code": "insufficient_funds",
                 "message": "Your card has insufficient funds."}
    else:
        error = {"type": "card_error", "code": "authentication_required",
                 "message": "Your card was declined. This transaction requires authentication."}
    error["doc_url"] = f"https://stripe.com/docs/error-codes/{error['code'].replace('_', '-')}"
    error["payment_method"] = snapshot(pm)
    return error


def detach_payment_method(pm_id: str, form: dict[str, str]) -> tuple[int, Any]:
    check_fields(form, set(), [])
    with LOCK:
        pm = Stripe.payment_methods.get(pm_id)
        if pm is None:
            raise stripe_error(404, f"No such PaymentMethod: '{pm_id}'", code="resource_missing", param="id")
        if pm["customer"] is None:
            raise stripe_error(400, "The payment method you provided is not attached to a customer so detachment "
                               "is impossible.")
        pm["customer"] = None
        return 200, snapshot(pm)


def stripe_pay(req: dict[str, Any]) -> dict[str, Any]:
    outcome = req.get("outcome")
    if outcome not in ("succeeded", "card_declined"):
        raise Reply(400, {"error": "outcome must be succeeded or card_declined"})
    last4 = req.get("last4") or "4242"
    if not isinstance(last4, str) or not re.fullmatch(r"\d{4}", last4):
        raise Reply(400, {"error": "last4 must be a string of 4 digits"})
    with LOCK:
        entry = Stripe.sessions.get(str(req.get("session")))
        if entry is None or entry["session"]["status"] != "open":
            raise Reply(400, {"error": "no open session with that id"})
        session = entry["session"]
        intent = new_intent(session["amount_total"], session["currency"], entry["intent_metadata"])
        session["payment_intent"] = intent["id"]
        charge_id = None
        if outcome == "card_declined":
            intent["last_payment_error"] = {
                "type": "card_error", "code": "card_declined", "decline_code": "insufficient_funds",
                "message": "Your card has insufficient funds.",
                "doc_url": "https://stripe.com/docs/error-codes/card-declined"}
            record_event("payment_intent.payment_failed", intent)
        else:
            pm = new_payment_method(last4)
            intent["payment_method"] = pm["id"]
            if session["customer_creation"] == "always":
                customer = new_customer(session["customer_email"])
                session["customer"] = intent["customer"] = customer["id"]
                if entry["setup_future_usage"]:
                    pm["customer"] = customer["id"]
            charge_id = succeed(intent)
            session.update(status="complete", payment_status="paid", url=None)
            record_event("payment_intent.succeeded", intent)
            record_event("checkout.session.completed", session)
    return {"payment_intent": intent["id"], "charge": charge_id, "customer": intent["customer"],
            "payment_method": intent["payment_method"]}


def stripe_card(req: dict[str, Any]) -> dict[str, Any]:
    outcome = req.get("outcome")
    if outcome not in CARD_OUTCOMES:
        raise Reply(400, {"error": f"outcome must be one of {', '.join(CARD_OUTCOMES)}"})
    with LOCK:
        pm_id = str(req.get("payment_method"))
        if pm_id not in Stripe.payment_methods:
            raise Reply(400, {"error": "no payment method with that id"})
        Stripe.card_outcomes[pm_id] = outcome
    return {"ok": True}


def stripe_customers() -> list[dict[str, Any]]:
    with LOCK:
        return [dict(snapshot(customer), payment_methods=[pm["id"] for pm in Stripe.payment_methods.values()
                                                          if pm["customer"] == customer["id"]])
                for customer in Stripe.customers.values()]


# --- Culqi -------------------------------------------------------------------------------------

class Culqi:
    tokens: dict[str, dict[str, Any]] = {}
    charges: dict[str, dict[str, Any]] = {}


def culqi_error(status: int, error_type: str, merchant: str, user: str, code: str | None = None,
                param: str | None = None, **extra: Any) -> Reply:
    body: dict[str, Any] = {"object": "error", "type": error_type, "merchant_message": merchant,
                            "user_message": user}
    if code:
        body["code"] = code
    if param:
        body["param"] = param
    body.update(extra)
    return Reply(status, body)


def parameter_error(param: str, merchant: str, code: str | None = None) -> Reply:
    return culqi_error(422, "parameter_error", merchant, "Ha ocurrido un error, inténtalo nuevamente.",
                       code=code, param=param)


def culqi_json(headers: Any, body: bytes, allowed: set[str]) -> dict[str, Any]:
    if content_type(headers) != "application/json":
        raise culqi_error(400, "invalid_request_error", "El cuerpo debe ser JSON (Content-Type: application/json).",
                          "Ha ocurrido un error, inténtalo nuevamente.")
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise culqi_error(400, "invalid_request_error", "JSON mal formado.", "Ha ocurrido un error.")
    if not isinstance(data, dict):
        raise culqi_error(400, "invalid_request_error", "Se esperaba un objeto JSON.", "Ha ocurrido un error.")
    for key in data:
        if key not in allowed:
            raise parameter_error(key, f"El parámetro {key} no es válido.")
    if "metadata" in data and not (isinstance(data["metadata"], dict)
                                   and all(isinstance(v, str) for v in data["metadata"].values())):
        raise parameter_error("metadata", "metadata debe ser un objeto de textos.")
    return data


def culqi_int(data: dict[str, Any], key: str) -> int:
    value = data.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise parameter_error(key, f"{key} debe ser un entero positivo en céntimos.")
    return value


def culqi_auth(headers: Any, key: str, which: str) -> None:
    if bearer(headers) != key:
        raise culqi_error(401, "authentication_error", f"La llave {which} enviada no es válida.",
                          "Ha ocurrido un error, inténtalo nuevamente.")


def yape_token(headers: Any, body: bytes) -> tuple[int, Any]:
    culqi_auth(headers, Config.culqi_public_key, "pública")
    data = culqi_json(headers, body, {"number_phone", "otp", "amount", "metadata"})
    phone, otp = data.get("number_phone"), data.get("otp")
    if not isinstance(phone, str) or not re.fullmatch(r"9\d{8}", phone):
        raise parameter_error("number_phone", "number_phone debe tener 9 dígitos y empezar con 9.")
    if not isinstance(otp, str) or not re.fullmatch(r"\d{6}", otp):
        raise parameter_error("otp", "otp debe tener 6 dígitos.")
    amount = culqi_int(data, "amount")
    if otp == "000000":
        raise parameter_error("otp", "El código de aprobación de Yape no es válido o expiró.", code="invalid_otp")
    if phone == "900000429":
        raise culqi_error(429, "limit_api_error", "Demasiadas solicitudes.", "Inténtalo en unos minutos.")
    if phone == "900000999":
        time.sleep(Config.slow_seconds)
    token = {"object": "token", "id": random_id("ype_test_", 16), "type": "yape", "email": None,
             "creation_date": int(time.time() * 1000), "card_number": None, "last_four": phone[-4:],
             "active": True, "iin": None, "client": {"ip": "127.0.0.1", "ip_country": "Peru",
                                                     "ip_country_code": "PE", "browser": None,
                                                     "device_fingerprint": None, "device_type": None},
             "metadata": data.get("metadata") or {}}
    with LOCK:
        Culqi.tokens[token["id"]] = {"token": token, "amount": amount, "phone": phone, "used": False}
    return 201, token


def culqi_charge(headers: Any, body: bytes) -> tuple[int, Any]:
    culqi_auth(headers, Config.culqi_secret_key, "privada")
    data = culqi_json(headers, body, {"amount", "currency_code", "email", "source_id", "capture", "description",
                                      "installments", "metadata", "antifraud_details"})
    amount = culqi_int(data, "amount")
    currency, email, source = data.get("currency_code"), data.get("email"), data.get("source_id")
    if currency not in ("PEN", "USD"):
        raise parameter_error("currency_code", "currency_code debe ser PEN o USD.")
    if not isinstance(email, str) or not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", email):
        raise parameter_error("email", "email no es válido.")
    if "capture" in data and not isinstance(data["capture"], bool):
        raise parameter_error("capture", "capture debe ser booleano.")
    with LOCK:
        entry = Culqi.tokens.get(source) if isinstance(source, str) else None
        if entry is None or entry["used"]:
            raise culqi_error(400, "invalid_request_error", "El token no existe o ya fue usado.",
                              "Ha ocurrido un error, inténtalo nuevamente.", code="invalid_token", param="source_id")
        entry["used"] = True
    if currency != "PEN":
        raise parameter_error("currency_code", "Yape solo acepta PEN.")
    if amount != entry["amount"]:
        raise parameter_error("amount", "El monto no coincide con el del token Yape.")
    if amount < 300:
        raise parameter_error("amount", "El monto mínimo es S/ 3.00.", code="invalid_amount")
    return culqi_outcome(data, entry)


def culqi_outcome(data: dict[str, Any], entry: dict[str, Any]) -> tuple[int, Any]:
    charge_id = random_id("chr_test_", 16)
    if entry["phone"] == "900000402":
        raise culqi_error(402, "card_error", "La cuenta Yape no tiene saldo suficiente.",
                          "Tu Yape no tiene saldo suficiente. Usa otro medio de pago.",
                          code="card_declined", decline_code="insufficient_funds", charge_id=charge_id)
    if entry["phone"] == "900000500":
        raise culqi_error(500, "api_error", "Error interno de Culqi.", "Ha ocurrido un error, inténtalo nuevamente.")
    now = int(time.time() * 1000)
    charge = {"object": "charge", "id": charge_id, "creation_date": now, "amount": data["amount"],
              "amount_refunded": 0, "current_amount": data["amount"], "installments": 0, "installments_amount": None,
              "currency_code": data["currency_code"], "email": data["email"], "description": data.get("description"),
              "source": entry["token"],
              "outcome": {"type": "venta_exitosa", "code": "AUT0000",
                          "merchant_message": "La operación de venta ha sido autorizada exitosamente",
                          "user_message": "Su compra ha sido exitosa."},
              "fraud_score": None, "dispute": False, "capture": data.get("capture", True), "capture_date": now,
              "reference_code": random_id("", 10), "authorization_code": random_id("", 6), "duplicated": False,
              "metadata": data.get("metadata") or {}, "paid": True, "transfer_id": None}
    with LOCK:
        Culqi.charges[charge_id] = charge
    return 201, charge


def culqi_refund(headers: Any, body: bytes) -> tuple[int, Any]:
    culqi_auth(headers, Config.culqi_secret_key, "privada")
    data = culqi_json(headers, body, {"amount", "charge_id", "reason"})
    amount = culqi_int(data, "amount")
    if data.get("reason") not in ("duplicado", "fraudulento", "solicitud_comprador"):
        raise parameter_error("reason", "reason debe ser duplicado, fraudulento o solicitud_comprador.")
    with LOCK:
        charge = Culqi.charges.get(str(data.get("charge_id")))
        if charge is None:
            raise culqi_error(404, "resource_error", "El cargo no existe.", "Ha ocurrido un error.", param="charge_id")
        if amount > charge["current_amount"]:
            raise parameter_error("amount", "El monto a devolver excede el monto disponible del cargo.")
        charge["amount_refunded"] += amount
        charge["current_amount"] -= amount
    return 201, {"object": "refund", "id": random_id("ref_test_", 16), "charge_id": charge["id"],
                 "creation_date": int(time.time() * 1000), "amount": amount, "reason": data["reason"], "metadata": {}}


def culqi_route(method: str, path: str, headers: Any, body: bytes) -> tuple[int, Any, dict[str, str]]:
    if (method, path) == ("POST", "/culqi-secure/v2/tokens/yape"):
        return (*yape_token(headers, body), {})
    if (method, path) == ("POST", "/culqi-api/v2/charges"):
        return (*culqi_charge(headers, body), {})
    if (method, path) == ("POST", "/culqi-api/v2/refunds"):
        return (*culqi_refund(headers, body), {})
    getter = re.fullmatch(r"/culqi-api/v2/charges/([A-Za-z0-9_]+)", path)
    if method == "GET" and getter:
        culqi_auth(headers, Config.culqi_secret_key, "privada")
        with LOCK:
            charge = Culqi.charges.get(getter.group(1))
        if charge is None:
            raise culqi_error(404, "resource_error", "El cargo no existe.", "Ha ocurrido un error.")
        return 200, charge, {}
    raise culqi_error(404, "resource_error", f"Ruta desconocida {method} {path}.", "Ha ocurrido un error.")


def culqi_event(req: dict[str, Any]) -> dict[str, str]:
    with LOCK:
        charge = Culqi.charges.get(str(req.get("charge")))
    if charge is None:
        raise Reply(400, {"error": "no charge with that id"})
    data: Any = json.dumps(charge) if req.get("data_as_string") else charge
    event = {"object": "event", "id": random_id("evt_test_", 16),
             "type": req.get("type") or "charge.creation.succeeded",
             "creation_date": int(time.time() * 1000), "data": data}
    return {"body": json.dumps(event, ensure_ascii=False)}


# --- HTTP plumbing -----------------------------------------------------------------------------

class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "FakePayments/1.0"
    sys_version = ""
    requests = RequestLog()

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

    def _send_json(self, status: int, payload: Any, headers: dict[str, str] | None = None) -> None:
        data = json.dumps(payload, ensure_ascii=False).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Request-Id", random_id("req_", 14))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
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
        entry = Handler.requests.record({
            "method": self.command, "path": self.path, "status": None, "replayed": False,
            "headers": {k.lower(): v for k, v in reversed(self.headers.items())},
            "body": body.decode("utf-8", errors="replace")})
        try:
            route = culqi_route if path.startswith("/culqi-") else stripe_route
            status, payload, headers = route(self.command, path, self.headers, body)
        except Reply as reply:
            status, payload, headers = reply.status, reply.payload, reply.headers
        Handler.requests.update(entry, status=status, replayed=headers.get("Idempotent-Replayed") == "true")
        self._send_json(status, payload, headers)

    def _control(self, path: str, body: bytes) -> None:
        try:
            route = (self.command, path)
            if route == ("GET", "/_health"):
                self._send_json(200, {"ok": True})
            elif route == ("GET", "/_requests"):
                self._send_json(200, Handler.requests.snapshot())
            elif route == ("DELETE", "/_requests"):
                Handler.requests.clear()
                self._send_json(200, {"cleared": True})
            elif route == ("POST", "/_stripe/pay"):
                self._send_json(200, stripe_pay(self._json(body)))
            elif route == ("POST", "/_stripe/cards"):
                self._send_json(200, stripe_card(self._json(body)))
            elif route == ("GET", "/_stripe/customers"):
                self._send_json(200, stripe_customers())
            elif route == ("GET", "/_stripe/events"):
                with LOCK:
                    self._send_json(200, list(Stripe.events))
            elif route == ("POST", "/_culqi/event"):
                self._send_json(200, culqi_event(self._json(body)))
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
    parser.add_argument("--stripe-key", required=True)
    parser.add_argument("--culqi-public-key", required=True)
    parser.add_argument("--culqi-secret-key", required=True)
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (default: ephemeral)")
    parser.add_argument("--slow-seconds", type=float, default=5.0, help="delay of the 'slow' magic values")
    args = parser.parse_args(argv)
    Config.stripe_key = args.stripe_key
    Config.culqi_public_key, Config.culqi_secret_key = args.culqi_public_key, args.culqi_secret_key
    Config.slow_seconds = args.slow_seconds

    return serve_http(Handler, args.port)


if __name__ == "__main__":
    sys.exit(main())
