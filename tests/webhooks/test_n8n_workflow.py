"""Checks of the n8n integration docs and of the local webhook receiver used by the Swift tests.

Run from the repository root: `.venv/bin/python -m pytest -q -p no:cacheprovider tests/webhooks`.

(a) docs/integrations/n8n-multinicho-workflow.json is a well-formed n8n export with the nodes
    the doc describes; (b) the signature algorithm that docs/integrations/n8n.md describes (and
    that the workflow's Code node implements) produces exactly the signatures of the reference
    `standardwebhooks` library; the JavaScript itself is not executed (no Node.js on CI);
    (c) tests/support/webhook_receiver.py starts, verifies signatures and answers as documented.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import re
import select
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from standardwebhooks import Webhook, WebhookVerificationError

REPO_ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = REPO_ROOT / "docs" / "integrations" / "n8n-multinicho-workflow.json"
DOC = REPO_ROOT / "docs" / "integrations" / "n8n.md"
RECEIVER = REPO_ROOT / "tests" / "support" / "webhook_receiver.py"
UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def new_secret() -> str:
    return "whsec_" + base64.b64encode(os.urandom(32)).decode()


def new_msg_id() -> str:
    return "msg_" + os.urandom(16).hex()


def event_body(event_type: str = "invoice.accepted") -> str:
    # Compact JSON with non-ASCII text, as the server sends it (the exact bytes are signed).
    event = {
        "type": event_type,
        "timestamp": "2026-11-21T15:04:05Z",
        "tenant": "bodega-rosa",
        "version": 1,
        "data": {"serie": "F001-000123", "cliente": "José Ñahui", "total": "S/ 118.00"},
    }
    return json.dumps(event, separators=(",", ":"), ensure_ascii=False)


# ---------------------------------------------------------------------------------------
# (a) the example workflow
# ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def workflow() -> dict:
    return json.loads(WORKFLOW.read_text(encoding="utf-8"))


def nodes_of_type(workflow: dict, node_type: str) -> list[dict]:
    return [n for n in workflow["nodes"] if n["type"] == node_type]


def only_node(workflow: dict, node_type: str) -> dict:
    found = nodes_of_type(workflow, node_type)
    assert len(found) == 1, f"expected one {node_type} node, found {len(found)}"
    return found[0]


def test_workflow_is_an_n8n_export(workflow: dict) -> None:
    assert isinstance(workflow["name"], str) and workflow["name"]
    assert workflow["active"] is False
    assert isinstance(workflow["settings"], dict)
    assert isinstance(workflow["connections"], dict)
    names = [n["name"] for n in workflow["nodes"]]
    assert len(names) == len(set(names)), "node names must be unique (connections use them)"
    ids = [n["id"] for n in workflow["nodes"]]
    assert len(ids) == len(set(ids))
    for node in workflow["nodes"]:
        assert set(node) >= {"parameters", "id", "name", "type", "typeVersion", "position"}, node
        assert UUID_RE.match(node["id"]), node["id"]
        assert node["type"].startswith("n8n-nodes-base.")
        assert isinstance(node["typeVersion"], (int, float))
        assert isinstance(node["parameters"], dict)
        assert len(node["position"]) == 2 and all(isinstance(v, (int, float)) for v in node["position"])


def test_workflow_node_types(workflow: dict) -> None:
    types = {n["type"] for n in workflow["nodes"]}
    assert {"n8n-nodes-base.webhook", "n8n-nodes-base.code", "n8n-nodes-base.switch"} <= types


def test_every_connection_names_an_existing_node(workflow: dict) -> None:
    names = {n["name"] for n in workflow["nodes"]}
    assert workflow["connections"], "the workflow has no connections"
    targets = set()
    for source, by_type in workflow["connections"].items():
        assert source in names, f"connection from unknown node {source!r}"
        for conn_type, outputs in by_type.items():
            for output in outputs:
                for link in output:
                    assert link["node"] in names, f"{source} -> unknown node {link['node']!r}"
                    assert link["type"] == conn_type == "main"
                    assert isinstance(link["index"], int)
                    targets.add(link["node"])
    # Every node but the trigger is reachable.
    webhook = only_node(workflow, "n8n-nodes-base.webhook")
    assert names - targets == {webhook["name"]}


def test_webhook_node_is_post_with_header_auth_and_raw_body(workflow: dict) -> None:
    node = only_node(workflow, "n8n-nodes-base.webhook")
    assert node["typeVersion"] == 2
    params = node["parameters"]
    assert params["httpMethod"] == "POST"
    assert params["path"] == "multinicho"
    assert params["authentication"] == "headerAuth"
    assert params["options"]["rawBody"] is True
    # Respond immediately (the default) so that Multinicho gets a 2xx at once.
    assert params.get("responseMode", "onReceived") == "onReceived"
    assert node["credentials"]["httpHeaderAuth"]["name"] == "Multinicho header"
    assert UUID_RE.match(node["webhookId"])


def test_code_node_verifies_the_signature(workflow: dict) -> None:
    node = only_node(workflow, "n8n-nodes-base.code")
    assert node["name"] == "Verify signature"
    assert node["parameters"].get("language", "javaScript") == "javaScript"
    js = node["parameters"]["jsCode"]
    for needle in (
        "require('crypto')",
        "const SECRET = 'whsec_REPLACE_ME'",
        "Buffer.from(SECRET.replace(/^whsec_/, ''), 'base64')",
        "this.helpers.getBinaryDataBuffer(i, 'data')",
        "createHmac('sha256', key)",
        ".update(`${id}.${timestamp}.`)",
        ".update(rawBody)",
        ".digest('base64')",
        "signatureHeader.split(' ')",
        "version === 'v1'",
        "crypto.timingSafeEqual",
        "TOLERANCE_SECONDS = 5 * 60",
        "throw new Error('Invalid webhook signature')",
        "JSON.parse(rawBody.toString('utf8'))",
    ):
        assert needle in js, f"Code node lacks {needle!r}"
    # Comes straight after the Webhook node.
    webhook = only_node(workflow, "n8n-nodes-base.webhook")
    assert workflow["connections"][webhook["name"]]["main"][0][0]["node"] == node["name"]


def test_switch_routes_on_event_type(workflow: dict) -> None:
    node = only_node(workflow, "n8n-nodes-base.switch")
    params = node["parameters"]
    assert params.get("mode", "rules") == "rules"
    routed = []
    for rule in params["rules"]["values"]:
        conditions = rule["conditions"]["conditions"]
        assert len(conditions) == 1
        cond = conditions[0]
        assert re.sub(r"\s", "", cond["leftValue"]) == "={{$json.type}}"
        assert cond["operator"] == {"type": "string", "operation": "equals"}
        routed.append(cond["rightValue"])
        if rule.get("renameOutput"):
            assert rule["outputKey"] == cond["rightValue"]
    assert {"webhook.test", "invoice.accepted"} <= set(routed)
    outputs = len(routed) + (1 if params.get("options", {}).get("fallbackOutput") == "extra" else 0)
    assert len(workflow["connections"][node["name"]]["main"]) == outputs


def test_doc_matches_the_workflow(workflow: dict) -> None:
    doc = DOC.read_text(encoding="utf-8")
    js = only_node(workflow, "n8n-nodes-base.code")["parameters"]["jsCode"]
    assert js.strip() in doc, "the doc must show exactly the Code node's JavaScript"
    assert "(n8n-multinicho-workflow.json)" in doc
    for phrase in (
        "/t/<your-business>/settings/webhooks",
        "Cabecera de autenticación",
        "Enviar evento de prueba",
        "Header Auth",
        "Raw Body",
        "/webhook-test/",
        "/webhook/",
        "webhook.test",
        "410",
        "5 days",
    ):
        assert phrase in doc, f"doc lacks {phrase!r}"


# ---------------------------------------------------------------------------------------
# (b) the algorithm the doc describes == the reference library
# ---------------------------------------------------------------------------------------


def doc_signature(secret: str, msg_id: str, timestamp: str, raw_body: bytes) -> str:
    """Exactly the steps of docs/integrations/n8n.md, section 6 (and of the Code node)."""
    assert secret.startswith("whsec_")
    key = base64.b64decode(secret[len("whsec_"):])
    # The Code node feeds `${id}.${timestamp}.` then the raw bytes: the same message.
    mac = hmac.new(key, f"{msg_id}.{timestamp}.".encode() + raw_body, hashlib.sha256).digest()
    return base64.b64encode(mac).decode()


def doc_accepts(secret: str, headers: dict[str, str], raw_body: bytes, now: int) -> bool:
    msg_id = headers["webhook-id"]
    timestamp = headers["webhook-timestamp"]
    if abs(now - int(timestamp)) > 5 * 60:
        return False
    expected = doc_signature(secret, msg_id, timestamp, raw_body)
    for entry in headers["webhook-signature"].split(" "):
        version, _, signature = entry.partition(",")
        if version == "v1" and hmac.compare_digest(signature, expected):
            return True
    return False


def test_doc_algorithm_matches_standardwebhooks_sign() -> None:
    for _ in range(20):
        secret, msg_id, body = new_secret(), new_msg_id(), event_body()
        when = datetime.now(timezone.utc).replace(microsecond=0)
        reference = Webhook(secret).sign(msg_id, when, body)
        ours = doc_signature(secret, msg_id, str(int(when.timestamp())), body.encode("utf-8"))
        assert reference == "v1," + ours
        # The single-string form of the doc (`${id}.${timestamp}.${rawBody}`) is the same.
        key = base64.b64decode(secret[6:])
        single = f"{msg_id}.{int(when.timestamp())}.{body}".encode()
        assert base64.b64encode(hmac.new(key, single, hashlib.sha256).digest()).decode() == ours


def test_doc_algorithm_agrees_with_standardwebhooks_verify() -> None:
    new, old, stranger = new_secret(), new_secret(), new_secret()
    msg_id, body = new_msg_id(), event_body()
    raw = body.encode("utf-8")
    now = int(time.time())

    def headers(at: int, *secrets: str) -> dict[str, str]:
        when = datetime.fromtimestamp(at, tz=timezone.utc)
        sigs = " ".join(Webhook(s).sign(msg_id, when, body) for s in secrets)
        return {"webhook-id": msg_id, "webhook-timestamp": str(at), "webhook-signature": sigs}

    def library_accepts(secret: str, hdrs: dict[str, str]) -> bool:
        try:
            Webhook(secret).verify(body, hdrs)
            return True
        except WebhookVerificationError:
            return False

    cases = [
        (new, headers(now, new), True),
        (old, headers(now, new, old), True),  # rotation: `v1,<new> v1,<old>`
        (new, headers(now, new, old), True),
        (stranger, headers(now, new, old), False),
        (new, headers(now - 4 * 60, new), True),
        (new, headers(now - 6 * 60, new), False),  # too old
        (new, headers(now + 6 * 60, new), False),  # too new
    ]
    for secret, hdrs, expected in cases:
        assert doc_accepts(secret, hdrs, raw, now) is expected, hdrs
        assert library_accepts(secret, hdrs) is expected, hdrs
    # A changed body is rejected by both.
    tampered = body.replace("118.00", "11.80")
    hdrs = headers(now, new)
    assert not doc_accepts(new, hdrs, tampered.encode(), now)
    with pytest.raises(WebhookVerificationError):
        Webhook(new).verify(tampered, hdrs)


# ---------------------------------------------------------------------------------------
# (c) the local receiver
# ---------------------------------------------------------------------------------------


class Receiver:
    def __init__(self, proc: subprocess.Popen, port: int) -> None:
        self.proc = proc
        self.base = f"http://127.0.0.1:{port}"

    def call(self, method: str, path: str, body: bytes | None = None,
             headers: dict[str, str] | None = None, timeout: float = 5) -> tuple[int, bytes]:
        req = urllib.request.Request(self.base + path, data=body, method=method, headers=headers or {})
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:
                return resp.status, resp.read()
        except urllib.error.HTTPError as err:
            return err.code, err.read()

    def requests(self, name: str) -> list[dict]:
        status, body = self.call("GET", f"/_requests/{name}")
        assert status == 200
        return json.loads(body)


def start_receiver() -> Receiver:
    proc = subprocess.Popen(
        [sys.executable, str(RECEIVER)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        cwd=REPO_ROOT,
    )
    ready, _, _ = select.select([proc.stdout], [], [], 15)
    line = proc.stdout.readline().decode() if ready else ""
    if not line.startswith("READY "):
        proc.kill()
        raise AssertionError(f"receiver did not start: {line!r} {proc.stderr.read().decode()!r}")
    return Receiver(proc, int(line.split()[1]))


@pytest.fixture()
def receiver():
    rec = start_receiver()
    try:
        yield rec
    finally:
        if rec.proc.poll() is None:
            rec.proc.terminate()
            try:
                rec.proc.wait(5)
            except subprocess.TimeoutExpired:
                rec.proc.kill()
                rec.proc.wait()
        for stream in (rec.proc.stdin, rec.proc.stdout, rec.proc.stderr):
            if stream and not stream.closed:
                stream.close()


def signed_headers(secret: str, body: str, msg_id: str | None = None) -> dict[str, str]:
    msg_id = msg_id or new_msg_id()
    when = datetime.now(timezone.utc)
    return {
        "Content-Type": "application/json",
        "User-Agent": "Multinicho-Webhooks/1.0",
        "webhook-id": msg_id,
        "webhook-timestamp": str(int(when.timestamp())),
        "webhook-signature": Webhook(secret).sign(msg_id, when, body),
        "Authorization": "Bearer abc",
    }


def test_receiver_verifies_signatures(receiver: Receiver) -> None:
    secret = new_secret()
    status, reply = receiver.call("PUT", "/_secrets/n8n", json.dumps({"secrets": [secret]}).encode())
    assert status == 200, reply
    assert json.loads(reply) == {"name": "n8n", "count": 1}

    body = event_body("webhook.test")
    good = signed_headers(secret, body)
    bad = signed_headers(new_secret(), body)
    assert receiver.call("POST", "/ok/n8n", body.encode(), good)[0] == 204
    assert receiver.call("POST", "/ok/n8n", body.encode(), bad)[0] == 204

    first, second = receiver.requests("n8n")
    assert first["verified_by"] == [0] and first["signed_by"] == [0]
    assert first["verify_error"] is None
    assert first["body"] == body
    assert first["name"] == "n8n" and first["path"] == "/ok/n8n" and first["method"] == "POST"
    assert first["headers"]["webhook-id"] == good["webhook-id"]
    assert first["headers"]["authorization"] == "Bearer abc"
    assert first["headers"]["user-agent"] == "Multinicho-Webhooks/1.0"
    assert first["response_status"] == 204
    assert isinstance(first["received_at"], float)
    assert second["verified_by"] == [] and second["signed_by"] == []
    assert second["verify_error"] == "No matching signature found"


def test_receiver_rotation_and_old_timestamps(receiver: Receiver) -> None:
    new, old = new_secret(), new_secret()
    assert receiver.call("PUT", "/_secrets/rot", json.dumps({"secrets": [new, old]}).encode())[0] == 200
    body = event_body()
    msg_id = new_msg_id()
    now = datetime.now(timezone.utc)
    both = {
        "webhook-id": msg_id,
        "webhook-timestamp": str(int(now.timestamp())),
        "webhook-signature": f"{Webhook(new).sign(msg_id, now, body)} {Webhook(old).sign(msg_id, now, body)}",
    }
    stale_at = now - timedelta(minutes=10)
    stale = {
        "webhook-id": msg_id,
        "webhook-timestamp": str(int(stale_at.timestamp())),
        "webhook-signature": Webhook(new).sign(msg_id, stale_at, body),
    }
    assert receiver.call("POST", "/ok/rot", body.encode(), both)[0] == 204
    assert receiver.call("POST", "/ok/rot", body.encode(), stale)[0] == 204
    rotated, too_old = receiver.requests("rot")
    assert rotated["verified_by"] == [0, 1] and rotated["signed_by"] == [0, 1]
    assert too_old["verified_by"] == [] and too_old["signed_by"] == [0]
    assert too_old["verify_error"] == "Message timestamp too old"


def test_receiver_behaviours_and_control_api(receiver: Receiver) -> None:
    assert receiver.call("GET", "/_health")[0] == 200
    assert receiver.call("POST", "/status/410/x", b"{}") == (410, b"status 410")
    assert receiver.call("POST", "/status/503/x", b"{}") == (503, b"status 503")
    status, big = receiver.call("POST", "/big/x", b"{}")
    assert status == 500 and big == b"x" * 102400
    assert [r["response_status"] for r in receiver.requests("x")] == [410, 503, 500]
    assert receiver.requests("nobody") == []
    assert receiver.call("PUT", "/_secrets/x", b'{"secrets": "whsec_x"}')[0] == 400
    assert receiver.call("DELETE", "/_requests")[0] == 200
    assert receiver.requests("x") == []


def test_receiver_exits_when_stdin_closes() -> None:
    rec = start_receiver()
    try:
        rec.proc.stdin.close()
        assert rec.proc.wait(5) == 0
    finally:
        if rec.proc.poll() is None:
            rec.proc.kill()
            rec.proc.wait()
        rec.proc.stdout.close()
        rec.proc.stderr.close()
