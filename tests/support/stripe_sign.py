#!/usr/bin/env python3
"""Stripe-Signature headers made, and checked, by the official `stripe` library (16.1.0).

Used by the PaymentProviders tests so that the Swift verifier is measured against Stripe's
own code rather than against a second copy of our understanding of it.

Sign (the raw payload on stdin, exactly the bytes the webhook will carry):

    python tests/support/stripe_sign.py sign --timestamp 1763737445 --secret whsec_a [--secret whsec_b ...]
        [--extra v0=deadbeef]  < payload

prints one line `t=<timestamp>,[<extra>,]v1=<hex>[,v1=<hex>...]`. Each v1 comes from
`stripe.WebhookSignature.generate_signature_header(payload, secret, timestamp)`, the helper the
library documents for unit tests, one per --secret in the order given: what Stripe sends while an
endpoint secret is being rotated. --extra items (another scheme, say) go before the v1 values.

Verify (with the library's own check, which looks only at "too old", not "too far ahead"):

    python tests/support/stripe_sign.py verify --header 't=...,v1=...' --secret whsec_a [--tolerance 300] < payload

prints `ok`, or `refused: <the library's message>`; exit status 0 either way.
"""
from __future__ import annotations

import argparse
import sys

import stripe


def sign(payload: str, timestamp: int, secrets: list[str], extra: list[str]) -> str:
    items = [f"t={timestamp}", *extra]
    for secret in secrets:
        header = stripe.WebhookSignature.generate_signature_header(payload, secret, timestamp=timestamp)
        # "t=<timestamp>,v1=<hex>": keep the v1 part, the timestamp is shared.
        items.extend(part for part in header.split(",") if part.startswith("v1="))
    return ",".join(items)


def verify(payload: str, header: str, secret: str, tolerance: int) -> str:
    try:
        stripe.WebhookSignature.verify_header(payload, header, secret, tolerance=tolerance)
    except stripe.SignatureVerificationError as error:
        return f"refused: {error.user_message or error}"
    return "ok"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    modes = parser.add_subparsers(dest="mode", required=True)
    signer = modes.add_parser("sign")
    signer.add_argument("--timestamp", type=int, required=True)
    signer.add_argument("--secret", action="append", required=True)
    signer.add_argument("--extra", action="append", default=[])
    checker = modes.add_parser("verify")
    checker.add_argument("--header", required=True)
    checker.add_argument("--secret", required=True)
    checker.add_argument("--tolerance", type=int, default=stripe.Webhook.DEFAULT_TOLERANCE)
    args = parser.parse_args(argv)

    # The library signs str; the payload must be UTF-8 as Stripe's JSON always is.
    payload = sys.stdin.buffer.read().decode("utf-8")
    if args.mode == "sign":
        print(sign(payload, args.timestamp, args.secret, args.extra))
    else:
        print(verify(payload, args.header, args.secret, args.tolerance))
    return 0


if __name__ == "__main__":
    sys.exit(main())
