// verifyWebhook: Standard Webhooks signatures, checked against bodies signed here (no server needed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { verifyWebhook, WebhookVerificationError } from '../src/index.js';

const rawKey = randomBytes(32);
const secret = `whsec_${rawKey.toString('base64')}`;
const otherSecret = `whsec_${randomBytes(32).toString('base64')}`;
const now = 1767225600; // 2026-01-01T00:00:00Z, in Unix seconds
const event = {
  type: 'invoice.accepted', timestamp: '2026-01-01T00:00:00Z', tenant: 'demo', version: 1,
  data: { id: '0b7e5d43-8a52-4f4b-9d1a-3f1f2c6c7e10', type: '01', full_number: 'F001-12', status: 'accepted',
          total: '118.00', currency: 'PEN', customer_document: '20131312955', sandbox: true, sunat_code: '0' },
};
const body = JSON.stringify(event);

function sign(id, timestamp, payload, key = secret) {
  const bytes = Buffer.from(key.slice('whsec_'.length), 'base64');
  return 'v1,' + createHmac('sha256', bytes).update(`${id}.${timestamp}.${payload}`).digest('base64');
}
function headers(signature, timestamp = now, id = 'msg_0123456789abcdef0123456789abcdef') {
  return { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': signature };
}

test('a correctly signed body is accepted and parsed', () => {
  const parsed = verifyWebhook({ secret, headers: headers(sign('msg_0123456789abcdef0123456789abcdef', now, body)), body, now });
  assert.deepEqual(parsed, event);
});

test('raw bytes, a Headers object and upper-case header names work too', () => {
  const signature = sign('msg_1', now, body);
  const h = new Headers({ 'Webhook-Id': 'msg_1', 'Webhook-Timestamp': String(now), 'Webhook-Signature': signature });
  assert.equal(verifyWebhook({ secret, headers: h, body: Buffer.from(body), now }).type, 'invoice.accepted');
  const plain = { 'Webhook-Id': 'msg_1', 'Webhook-Timestamp': String(now), 'Webhook-Signature': signature };
  assert.equal(verifyWebhook({ secret, headers: plain, body: new TextEncoder().encode(body), now: new Date(now * 1000) }).tenant, 'demo');
});

test('a tampered body is refused', () => {
  const signature = sign('msg_1', now, body);
  const tampered = body.replace('"118.00"', '"1.00"');
  assert.throws(() => verifyWebhook({ secret, headers: headers(signature, now, 'msg_1'), body: tampered, now }), WebhookVerificationError);
});

test('a tampered id or timestamp is refused', () => {
  const signature = sign('msg_1', now, body);
  assert.throws(() => verifyWebhook({ secret, headers: headers(signature, now, 'msg_2'), body, now }), WebhookVerificationError);
  assert.throws(() => verifyWebhook({ secret, headers: headers(signature, now + 1, 'msg_1'), body, now }), WebhookVerificationError);
});

test('a body signed with another secret is refused', () => {
  const signature = sign('msg_1', now, body, otherSecret);
  assert.throws(() => verifyWebhook({ secret, headers: headers(signature, now, 'msg_1'), body, now }), /no valid v1 signature/);
});

test('a stale or future timestamp is refused, within the tolerance it passes', () => {
  const old = now - 301;
  assert.throws(() => verifyWebhook({ secret, headers: headers(sign('msg_1', old, body), old, 'msg_1'), body, now }), /too old/);
  const future = now + 301;
  assert.throws(() => verifyWebhook({ secret, headers: headers(sign('msg_1', future, body), future, 'msg_1'), body, now }), WebhookVerificationError);
  const recent = now - 299;
  assert.equal(verifyWebhook({ secret, headers: headers(sign('msg_1', recent, body), recent, 'msg_1'), body, now }).version, 1);
  assert.equal(verifyWebhook({ secret, headers: headers(sign('msg_1', old, body), old, 'msg_1'), body, now, toleranceSeconds: 600 }).version, 1);
});

test('any one of several space-separated signatures is enough (secret rotation)', () => {
  const both = `${sign('msg_1', now, body, otherSecret)} ${sign('msg_1', now, body)}`;
  assert.equal(verifyWebhook({ secret, headers: headers(both, now, 'msg_1'), body, now }).type, 'invoice.accepted');
  assert.equal(verifyWebhook({ secret: otherSecret, headers: headers(both, now, 'msg_1'), body, now }).type, 'invoice.accepted');
  const unknownVersion = `v2,${sign('msg_1', now, body).slice(3)}`;
  assert.throws(() => verifyWebhook({ secret, headers: headers(unknownVersion, now, 'msg_1'), body, now }), WebhookVerificationError);
});

test('missing headers or secret are refused', () => {
  assert.throws(() => verifyWebhook({ secret, headers: {}, body, now }), /missing/);
  assert.throws(() => verifyWebhook({ secret: '', headers: headers(sign('msg_1', now, body), now, 'msg_1'), body, now }), WebhookVerificationError);
  assert.throws(() => verifyWebhook({ secret, headers: headers(sign('msg_1', now, body), 'abc', 'msg_1'), body, now }), /timestamp/);
});

test('matches the server: whsec_ prefix stripped, base64-decoded key', () => {
  // Same algorithm as Platform/Webhooks/WebhookSignature.swift: HMAC-SHA256("id.timestamp.body") keyed with base64(secret).
  const id = 'msg_00000000000000000000000000000001';
  const fixedSecret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
  const expected = createHmac('sha256', Buffer.from('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'base64')).update(`${id}.${now}.${body}`).digest('base64');
  assert.equal(verifyWebhook({ secret: fixedSecret, headers: headers(`v1,${expected}`, now, id), body, now }).data.full_number, 'F001-12');
});
