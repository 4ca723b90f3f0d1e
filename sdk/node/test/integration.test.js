// Integration: the SDK against a REAL running Multinicho server.
//   MULTINICHO_URL=http://127.0.0.1:8080 MULTINICHO_API_KEY=mn_... node --test test/
// The key must be a SANDBOX key with scope "*" (documents are never sent to SUNAT).
// Without both variables this file FAILS on purpose: the repository's test script always sets them.
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { randomInt, randomUUID } from 'node:crypto';
import { HexaFac, HexaFacError } from '../src/index.js';

const baseURL = process.env.MULTINICHO_URL;
const apiKey = process.env.MULTINICHO_API_KEY;

if (!baseURL || !apiKey) {
  test('integration environment', () => {
    assert.fail('Set MULTINICHO_URL (the server root, e.g. http://127.0.0.1:8080) and MULTINICHO_API_KEY '
      + '(a sandbox API key with scope "*") to run the SDK integration tests against a running Multinicho.');
  });
} else {
  describe('HexaFac against a running Multinicho', () => {
    const responses = [];
    const api = new HexaFac({ baseURL, apiKey, timeoutMs: 30000, onResponse: (info) => responses.push(info) });
    const lastResponse = () => responses[responses.length - 1];
    const RUC = '20131312955';
    const state = {};
    const run = randomUUID().slice(0, 8);

    async function expectError(promise, status) {
      const error = await promise.then(
        (value) => assert.fail(`expected HTTP ${status}, got a success: ${JSON.stringify(value).slice(0, 300)}`),
        (e) => e);
      assert.ok(error instanceof HexaFacError, `expected a HexaFacError, got ${error}`);
      assert.equal(error.status, status, `expected ${status}, got ${error.status}: ${JSON.stringify(error.body)}`);
      return error;
    }

    before(async () => {
      state.me = await api.me();
    });

    test('me(): the business and a sandbox key', () => {
      const { tenant, key, modules } = state.me;
      assert.match(tenant.id, /^[0-9a-f-]{36}$/);
      assert.equal(typeof tenant.slug, 'string');
      assert.match(tenant.ruc, /^[0-9]{11}$/);
      assert.ok(Array.isArray(modules));
      assert.ok(key, 'GET /me must describe the API key');
      assert.ok(key.scopes.includes('*'), `the key needs scope "*", it has ${key.scopes.join(', ')}`);
      assert.equal(key.sandbox, true, 'use a SANDBOX key for these tests');
    });

    test('customers.create: a DNI customer (201) and the RUC customer (201, or 409 duplicate when it exists)', async () => {
      let dniCustomer;
      for (let attempt = 0; !dniCustomer; attempt += 1) {
        const dni = String(randomInt(10000000, 100000000));
        try {
          dniCustomer = await api.customers.create({ document_type: '1', document_number: dni, name: `Cliente SDK ${run}` },
            { idempotencyKey: `sdk-dni-${run}-${attempt}` });
          assert.equal(lastResponse().status, 201);
        } catch (error) {
          if (!(error instanceof HexaFacError && error.status === 409 && error.code === 'duplicate') || attempt > 3) throw error;
        }
      }
      state.dniCustomer = dniCustomer;
      assert.equal(dniCustomer.document_type, '1');
      assert.equal(dniCustomer.name, `Cliente SDK ${run}`);
      assert.match(dniCustomer.id, /^[0-9a-f-]{36}$/);
      // (email: null is checked by "every property is present" below, so that a missing null does not
      // hide the results of the tests that use this customer.)

      try {
        state.rucCustomer = await api.customers.create({ document_type: '6', document_number: RUC, name: `SUNAT prueba ${run}` });
        assert.equal(lastResponse().status, 201);
      } catch (error) {
        assert.ok(error instanceof HexaFacError, String(error));
        assert.equal(error.status, 409, JSON.stringify(error.body));
        assert.equal(error.code, 'duplicate');
        const page = await api.customers.list({ q: RUC, limit: 100 });
        state.rucCustomer = page.data.find((c) => c.document_type === '6' && c.document_number === RUC);
      }
      assert.ok(state.rucCustomer, 'the RUC customer must exist now');
      // A second one with the same document is a 409 duplicate.
      const again = await expectError(api.customers.create({ document_type: '6', document_number: RUC, name: 'Otro' }), 409);
      assert.equal(again.code, 'duplicate');
    });

    test('customers.list finds the DNI customer', async () => {
      const page = await api.customers.list({ q: state.dniCustomer.document_number });
      assert.ok(page.data.some((c) => c.id === state.dniCustomer.id));
      assert.ok(page.next_cursor === null || typeof page.next_cursor === 'string',
        `next_cursor must be a string or null (present), got ${JSON.stringify(page.next_cursor)}`);
    });

    test('invoices.create: a factura with 2 items (202), replayed with the same Idempotency-Key', async () => {
      const key = `sdk-factura-${run}`;
      const input = {
        type: '01',
        customer_id: state.rucCustomer.id,
        items: [
          { description: `Servicio de mantenimiento ${run}`, quantity: '1', unit_price: '118.00', unit_code: 'ZZ' },
          { description: 'Repuesto', quantity: 2, unit_price: '59.00' },
        ],
      };
      const invoice = await api.invoices.create(input, { idempotencyKey: key });
      state.factura = invoice;
      const first = lastResponse();
      assert.equal(first.status, 202);
      assert.equal(first.headers.get('location'), invoice.status_url);
      assert.equal(invoice.type, '01');
      assert.equal(invoice.status, 'signed');
      assert.equal(invoice.sandbox, true);
      assert.match(invoice.full_number, /^F[A-Z0-9]{3}-[0-9]+$/);
      assert.equal(invoice.full_number, `${invoice.series}-${invoice.number}`);
      assert.equal(invoice.items.length, 2);
      assert.equal(invoice.totals.total, '236.00');
      assert.equal(invoice.totals.igv, '36.00');
      assert.equal(invoice.totals.taxable, '200.00');
      assert.equal(invoice.customer.document_number, RUC);
      assert.equal(invoice.customer.id, state.rucCustomer.id);
      assert.ok(invoice.status_url.endsWith(`/api/v1/invoices/${invoice.id}`));
      for (const link of ['pdf', 'xml', 'cdr', 'public']) assert.match(invoice.links[link], /^https?:\/\//);

      const replay = await api.invoices.create(input, { idempotencyKey: key });
      assert.equal(lastResponse().status, 202);
      assert.equal(lastResponse().headers.get('idempotent-replayed'), 'true');
      assert.equal(replay.id, invoice.id);
      assert.deepEqual(replay, invoice);

      const conflict = await expectError(api.invoices.create({ ...input, items: input.items.slice(0, 1) }, { idempotencyKey: key }), 409);
      assert.equal(conflict.code, 'idempotency_conflict');
    });

    test('invoices.create: a negative quantity is a 422 pointing at /items/0/quantity', async () => {
      const error = await expectError(api.invoices.create({
        type: '03', items: [{ description: 'Pan', quantity: -1, unit_price: '0.50' }],
      }), 422);
      assert.equal(error.code, 'validation_failed');
      const problem = error.problems.find((p) => p.pointer === '/items/0/quantity');
      assert.ok(problem, `no problem at /items/0/quantity: ${JSON.stringify(error.problems)}`);
      assert.equal(problem.rule, 'positive');
      assert.equal(typeof problem.message, 'string');
      assert.equal(typeof error.message, 'string');
      assert.ok(error.message.length > 0);
    });

    test('invoices.create: an unknown property is a 422 unknown_field', async () => {
      const error = await expectError(api.invoices.create({
        type: '03', items: [{ description: 'Pan', quantity: 1, unit_price: '10.00' }], discount: '1.00',
      }), 422);
      assert.ok(error.problems.some((p) => p.pointer === '/discount' && p.rule === 'unknown_field'), JSON.stringify(error.problems));
    });

    test('invoices.create: a boleta with no customer for S/ 10', async () => {
      const boleta = await api.invoices.create({
        type: '03', items: [{ description: `Menú del día ${run}`, quantity: 1, unit_price: '10.00' }],
      }, { idempotencyKey: `sdk-boleta-${run}` });
      state.boleta = boleta;
      assert.equal(lastResponse().status, 202);
      assert.equal(boleta.type, '03');
      assert.equal(boleta.totals.total, '10.00');
      assert.match(boleta.full_number, /^B[A-Z0-9]{3}-[0-9]+$/);
      assert.equal(boleta.sandbox, true);
    });

    test('every property is present, null when empty (customers and documents)', () => {
      // The contract: "All required (nullable where said)" / "all properties present, nullable where said".
      const missing = (what, object, keys) => keys.filter((k) => !(k in object)).map((k) => `${what}.${k}`);
      const customerKeys = ['id', 'document_type', 'document_number', 'name', 'email', 'phone', 'address', 'created_at'];
      const invoiceKeys = ['id', 'type', 'series', 'number', 'full_number', 'status', 'sandbox', 'issue_date', 'currency',
        'customer', 'items', 'totals', 'hash', 'sunat', 'reference', 'void_reason', 'status_url', 'links', 'created_at'];
      const invoiceCustomerKeys = ['id', 'document_type', 'document_number', 'name', 'email'];
      const problems = [
        ...missing('customer', state.dniCustomer, customerKeys),
        ...missing('factura', state.factura, invoiceKeys),
        ...missing('factura.customer', state.factura.customer, invoiceCustomerKeys),
        ...missing('boleta', state.boleta, invoiceKeys),
        ...missing('boleta.customer', state.boleta.customer, invoiceCustomerKeys),
      ];
      assert.deepEqual(problems, [], `properties left out instead of null: ${problems.join(', ')}`);
      assert.equal(state.dniCustomer.email, null);
      assert.equal(state.factura.sunat, null, 'a document just issued has no CDR answer yet');
      assert.equal(state.factura.reference, null);
      assert.equal(state.factura.void_reason, null);
      assert.equal(state.boleta.customer.id, null, 'a boleta "sin documento" has no saved customer');
    });

    test('invoices.get returns the factura; an unknown id is a 404 not_found', async () => {
      const invoice = await api.invoices.get(state.factura.id);
      assert.equal(invoice.id, state.factura.id);
      assert.equal(invoice.full_number, state.factura.full_number);
      const missing = await expectError(api.invoices.get(randomUUID()), 404);
      assert.equal(missing.code, 'not_found');
    });

    test('waitFor: the sandbox accepts the factura in the background', async () => {
      const invoice = await api.invoices.waitFor(state.factura.id, { statuses: ['accepted', 'observed', 'rejected'], timeoutMs: 60000 });
      assert.equal(invoice.status, 'accepted', `sandbox documents must be accepted, got ${invoice.status}: ${JSON.stringify(invoice.sunat)}`);
      assert.ok(invoice.sunat, 'an accepted document carries its CDR answer');
      assert.ok(Array.isArray(invoice.sunat.notes));
      assert.equal(typeof invoice.hash, 'string');
      state.factura = invoice;
    });

    test('pdf() is a PDF, in A4 and as a ticket', async () => {
      for (const format of [undefined, 'ticket']) {
        const pdf = await api.invoices.pdf(state.factura.id, { format });
        assert.ok(pdf instanceof Uint8Array);
        assert.equal(new TextDecoder().decode(pdf.subarray(0, 4)), '%PDF');
      }
    });

    test('xml() is the signed XML with the full number', async () => {
      const xml = await api.invoices.xml(state.factura.id);
      assert.ok(xml.includes('<ds:Signature') || xml.includes('Signature'), 'the XML must be signed');
      assert.ok(xml.includes(state.factura.full_number));
    });

    test('cdr() is an ApplicationResponse', async () => {
      const cdr = await api.invoices.cdr(state.factura.id);
      assert.ok(cdr.includes('ApplicationResponse'));
    });

    test('list({ q: full_number }) finds the factura', async () => {
      const page = await api.invoices.list({ q: state.factura.full_number });
      assert.ok(page.data.some((invoice) => invoice.id === state.factura.id), `${state.factura.full_number} not found`);
      const filtered = await api.invoices.list({ type: '01', status: 'accepted', limit: 5 });
      assert.ok(filtered.data.length <= 5);
      assert.ok(filtered.data.every((invoice) => invoice.type === '01' && invoice.status === 'accepted'));
      const badQuery = await expectError(api.invoices.list({ from: 'yesterday' }), 422);
      assert.ok(badQuery.problems.some((p) => p.pointer === '/from'), JSON.stringify(badQuery.problems));
    });

    test('listAll follows next_cursor', async () => {
      const seen = new Set();
      let count = 0;
      for await (const invoice of api.invoices.listAll({ limit: 1 })) {
        assert.ok(!seen.has(invoice.id), 'a document came twice');
        seen.add(invoice.id);
        count += 1;
        if (count === 2) break;
      }
      assert.equal(count, 2, "this run made at least a factura and a boleta");
    });

    test('creditNotes.create: motive 01 credits the whole factura', async () => {
      const note = await api.creditNotes.create({
        invoice_id: state.factura.id, motive: '01', description: 'Anulación de la operación',
      }, { idempotencyKey: `sdk-nc-${run}` });
      assert.equal(lastResponse().status, 202);
      assert.equal(lastResponse().headers.get('location'), note.status_url);
      assert.equal(note.type, '07');
      assert.equal(note.totals.total, state.factura.totals.total);
      assert.deepEqual(note.reference, { id: state.factura.id, full_number: state.factura.full_number });
      assert.match(note.series, /^F/);
    });

    test('creditNotes.create: more than the invoice is a 422 exceeds_invoice at /items', async () => {
      const invoice = await api.invoices.create({
        type: '01', customer_id: state.rucCustomer.id, items: [{ description: 'Asesoría', quantity: 1, unit_price: '100.00', unit_code: 'ZZ' }],
      });
      const error = await expectError(api.creditNotes.create({
        invoice_id: invoice.id, motive: '07', description: 'Devolución',
        items: [{ description: 'Asesoría', quantity: 2, unit_price: '100.00', unit_code: 'ZZ' }],
      }), 422);
      assert.ok(error.problems.some((p) => p.pointer === '/items' && p.rule === 'exceeds_invoice'), JSON.stringify(error.problems));
      const unknown = await expectError(api.creditNotes.create({ invoice_id: randomUUID(), motive: '01', description: 'x' }), 422);
      assert.ok(unknown.problems.some((p) => p.pointer === '/invoice_id' && p.rule === 'not_found'), JSON.stringify(unknown.problems));
    });

    test('void a boleta: 202, then "voided"', async () => {
      await api.invoices.waitFor(state.boleta.id, { statuses: ['accepted', 'observed'], timeoutMs: 60000 });
      const voiding = await api.invoices.void(state.boleta.id, 'Error en el pedido', { idempotencyKey: `sdk-void-${run}` });
      assert.equal(lastResponse().status, 202);
      assert.equal(voiding.id, state.boleta.id);
      const voided = await api.invoices.waitFor(state.boleta.id, { statuses: ['voided'], timeoutMs: 60000 });
      assert.equal(voided.status, 'voided');
      assert.equal(voided.void_reason, 'Error en el pedido');
      const again = await expectError(api.invoices.void(state.boleta.id, 'Otra vez'), 409);
      assert.equal(again.code, 'invalid_state');
    });
  });
}
