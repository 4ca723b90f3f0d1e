// The client against a tiny local node:http server: requests it sends, answers and errors it maps (no Multinicho needed).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { HexaFac, HexaFacError } from '../src/index.js';

const seen = [];
let handler = () => {};
let server;
let baseURL;

before(async () => {
  server = http.createServer(async (req, res) => {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const request = { method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString() };
    seen.push(request);
    handler(request, res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseURL = `http://127.0.0.1:${server.address().port}/`;
});
after(() => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }));

function answer(status, body, headers = {}) {
  handler = (request, res) => {
    const text = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
    res.end(text);
  };
}
const client = (options = {}) => new HexaFac({ baseURL, apiKey: 'mn_abc_secret', ...options });

const validation = {
  error: 'Hay datos que corregir.',
  code: 'validation_failed',
  fields: { '/items/0/quantity': 'Debe ser mayor que cero' },
  problems: [{ pointer: '/items/0/quantity', rule: 'positive', message: 'Debe ser mayor que cero' }],
};

test('a 422 becomes a HexaFacError with status, code, problems, fields and body', async () => {
  answer(422, validation);
  const error = await client().invoices.create({ type: '01', items: [] }).catch((e) => e);
  assert.ok(error instanceof HexaFacError);
  assert.ok(error instanceof Error);
  assert.equal(error.name, 'HexaFacError');
  assert.equal(error.status, 422);
  assert.equal(error.code, 'validation_failed');
  assert.equal(error.message, 'Hay datos que corregir.');
  assert.deepEqual(error.problems, validation.problems);
  assert.deepEqual(error.fields, validation.fields);
  assert.deepEqual(error.body, validation);
});

test('a 409 idempotency conflict keeps its code; problems and fields default to empty', async () => {
  answer(409, { error: 'Idempotency-Key reused', code: 'idempotency_conflict' });
  const error = await client().invoices.create({ type: '03', items: [] }, { idempotencyKey: 'k1' }).catch((e) => e);
  assert.equal(error.status, 409);
  assert.equal(error.code, 'idempotency_conflict');
  assert.deepEqual(error.problems, []);
  assert.deepEqual(error.fields, {});
});

test('a non-JSON error answer still gives a HexaFacError', async () => {
  handler = (request, res) => { res.writeHead(502, { 'Content-Type': 'text/html' }); res.end('<h1>Bad gateway</h1>'); };
  const error = await client().me().catch((e) => e);
  assert.ok(error instanceof HexaFacError);
  assert.equal(error.status, 502);
  assert.equal(error.code, undefined);
  assert.match(error.message, /502/);
  assert.equal(error.body, '<h1>Bad gateway</h1>');
});

test('requests carry the key, JSON, Idempotency-Key and Accept-Language, under /api/v1', async () => {
  seen.length = 0;
  answer(202, { id: 'x', status: 'signed' }, { Location: 'http://example.test/api/v1/invoices/x' });
  const input = { type: '03', items: [{ description: 'Pan', quantity: '2', unit_price: '0.50' }] };
  const invoice = await client({ language: 'en' }).invoices.create(input, { idempotencyKey: 'order-42' });
  assert.deepEqual(invoice, { id: 'x', status: 'signed' });
  const [request] = seen;
  assert.equal(request.method, 'POST');
  assert.equal(request.url, '/api/v1/invoices');
  assert.equal(request.headers.authorization, 'Bearer mn_abc_secret');
  assert.equal(request.headers['content-type'], 'application/json');
  assert.equal(request.headers['idempotency-key'], 'order-42');
  assert.equal(request.headers['accept-language'], 'en');
  assert.deepEqual(JSON.parse(request.body), input);
});

test('void, credit notes and customers hit their paths', async () => {
  seen.length = 0;
  answer(202, { id: 'a' });
  const api = client();
  await api.invoices.void('0b7e5d43-8a52-4f4b-9d1a-3f1f2c6c7e10', 'Error en el monto', { idempotencyKey: 'v1' });
  await api.creditNotes.create({ invoice_id: '0b7e5d43-8a52-4f4b-9d1a-3f1f2c6c7e10', motive: '01', description: 'Anulación' });
  await api.customers.create({ document_type: '1', document_number: '12345678', name: 'Ana' });
  await api.customers.list({ q: 'Ana', limit: 5 });
  assert.deepEqual(seen.map((r) => `${r.method} ${r.url}`), [
    'POST /api/v1/invoices/0b7e5d43-8a52-4f4b-9d1a-3f1f2c6c7e10/void',
    'POST /api/v1/credit-notes',
    'POST /api/v1/customers',
    'GET /api/v1/customers?q=Ana&limit=5',
  ]);
  assert.deepEqual(JSON.parse(seen[0].body), { reason: 'Error en el monto' });
  assert.equal(seen[0].headers['idempotency-key'], 'v1');
  assert.equal(seen[3].body, '');
});

test('list builds the query string, skipping undefined values', async () => {
  seen.length = 0;
  answer(200, { data: [], next_cursor: null });
  const page = await client().invoices.list({ status: 'accepted', q: 'F001-1', from: '2026-01-01', limit: 10, cursor: undefined });
  assert.deepEqual(page, { data: [], next_cursor: null });
  assert.equal(seen[0].url, '/api/v1/invoices?status=accepted&q=F001-1&from=2026-01-01&limit=10');
});

test('listAll follows next_cursor', async () => {
  seen.length = 0;
  handler = (request, res) => {
    const cursor = new URL(request.url, 'http://x').searchParams.get('cursor');
    const pages = { null: { data: [{ id: 1 }, { id: 2 }], next_cursor: 'p2' }, p2: { data: [{ id: 3 }], next_cursor: 'p3' }, p3: { data: [], next_cursor: null } };
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(pages[cursor]));
  };
  const ids = [];
  for await (const invoice of client().invoices.listAll({ limit: 2 })) ids.push(invoice.id);
  assert.deepEqual(ids, [1, 2, 3]);
  assert.deepEqual(seen.map((r) => r.url), ['/api/v1/invoices?limit=2', '/api/v1/invoices?limit=2&cursor=p2', '/api/v1/invoices?limit=2&cursor=p3']);
});

test('pdf gives bytes, xml and cdr give text', async () => {
  seen.length = 0;
  handler = (request, res) => {
    if (request.url.includes('/pdf')) { res.writeHead(200, { 'Content-Type': 'application/pdf' }); res.end(Buffer.from('%PDF-1.7\n%%EOF')); return; }
    res.writeHead(200, { 'Content-Type': 'application/xml' });
    res.end('<ApplicationResponse/>');
  };
  const api = client();
  const pdf = await api.invoices.pdf('abc', { format: 'ticket' });
  assert.ok(pdf instanceof Uint8Array);
  assert.equal(new TextDecoder().decode(pdf.subarray(0, 4)), '%PDF');
  assert.equal(await api.invoices.xml('abc'), '<ApplicationResponse/>');
  assert.equal(await api.invoices.cdr('abc'), '<ApplicationResponse/>');
  assert.equal(seen[0].url, '/api/v1/invoices/abc/pdf?format=ticket');
  assert.equal(seen[0].headers.accept, 'application/pdf');
});

test('a 404 on cdr is a HexaFacError with code not_found', async () => {
  answer(404, { error: 'No encontrado', code: 'not_found' });
  const error = await client().invoices.cdr('abc').catch((e) => e);
  assert.equal(error.status, 404);
  assert.equal(error.code, 'not_found');
});

test('waitFor polls until a wanted status', async () => {
  let calls = 0;
  handler = (request, res) => {
    calls += 1;
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ id: 'abc', status: calls < 3 ? 'signed' : 'accepted' }));
  };
  const invoice = await client().invoices.waitFor('abc', { intervalMs: 10 });
  assert.equal(invoice.status, 'accepted');
  assert.equal(calls, 3);
});

test('waitFor gives up after timeoutMs with code wait_timeout', async () => {
  answer(200, { id: 'abc', status: 'signed' });
  const error = await client().invoices.waitFor('abc', { statuses: ['voided'], timeoutMs: 60, intervalMs: 20 }).catch((e) => e);
  assert.ok(error instanceof HexaFacError);
  assert.equal(error.code, 'wait_timeout');
  assert.equal(error.body.status, 'signed');
});

test('a slow server hits the timeout', async () => {
  handler = (request, res) => { setTimeout(() => { res.writeHead(200); res.end('{}'); }, 500); };
  const error = await client({ timeoutMs: 50 }).me().catch((e) => e);
  assert.ok(error instanceof HexaFacError);
  assert.equal(error.code, 'timeout');
  assert.equal(error.status, 0);
});

test('an unreachable server is a network_error', async () => {
  const error = await new HexaFac({ baseURL: 'http://127.0.0.1:9', apiKey: 'mn_x_y' }).me().catch((e) => e);
  assert.ok(error instanceof HexaFacError);
  assert.equal(error.code, 'network_error');
});

test('the constructor needs baseURL and apiKey, and never shows the key', () => {
  assert.throws(() => new HexaFac({ apiKey: 'k' }), TypeError);
  assert.throws(() => new HexaFac({ baseURL: 'http://x' }), TypeError);
  const api = new HexaFac({ baseURL: 'http://x/', apiKey: 'mn_a_secret' });
  assert.equal(api.apiURL, 'http://x/api/v1');
  assert.ok(!JSON.stringify(Object.keys(api)).includes('secret'));
  assert.ok(!Object.values(api).some((v) => v === 'mn_a_secret'));
});
