// @multinicho/hexafac — a dependency-free client for HexaFac, Multinicho's invoicing API.
// Node 20+: uses the global fetch, AbortController and node:crypto (webhook verification only).
import { createHmac, timingSafeEqual } from 'node:crypto';

export const VERSION = '1.0.0';

const FINAL_STATUSES = Object.freeze(['accepted', 'observed', 'rejected', 'voided']);

/** Every failed call: an HTTP error answer, a network failure or a timeout. */
export class HexaFacError extends Error {
  /**
   * @param {string} message
   * @param {{status?: number, code?: string, problems?: Array<{pointer: string, rule: string, message: string}>,
   *          fields?: Record<string, string>, body?: unknown, cause?: unknown}} [details]
   */
  constructor(message, details = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'HexaFacError';
    /** HTTP status; 0 when no answer arrived (network failure, timeout). */
    this.status = details.status ?? 0;
    /** The Error body's `code` (validation_failed, idempotency_conflict, invalid_state, not_found, …). */
    this.code = details.code;
    /** On 422: every problem with its JSON pointer and rule. Always an array. */
    this.problems = Array.isArray(details.problems) ? details.problems : [];
    /** On 422: one message per JSON pointer. Always an object. */
    this.fields = details.fields && typeof details.fields === 'object' ? details.fields : {};
    /** The parsed body (or its text when it was not JSON). */
    this.body = details.body;
  }
}

/** Thrown by verifyWebhook when a webhook must not be trusted. */
export class WebhookVerificationError extends Error {
  constructor(message) {
    super(message);
    this.name = 'WebhookVerificationError';
  }
}

function trimSlashes(url) {
  return String(url).replace(/\/+$/, '');
}

function queryString(params) {
  if (!params) return '';
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    search.append(name, value instanceof Date ? value.toISOString().slice(0, 10) : String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

function pathID(id) {
  if (typeof id !== 'string' || id.length === 0) throw new TypeError('id must be a non-empty string');
  return encodeURIComponent(id);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export class HexaFac {
  /**
   * @param {{baseURL: string, apiKey: string, timeoutMs?: number, language?: string,
   *          fetch?: typeof fetch, onResponse?: (info: object) => void}} options
   */
  constructor({ baseURL, apiKey, timeoutMs = 30000, language, fetch: fetchImpl, onResponse } = {}) {
    if (!baseURL) throw new TypeError('HexaFac: baseURL is required (the server root, e.g. http://127.0.0.1:8080)');
    if (!apiKey) throw new TypeError('HexaFac: apiKey is required (mn_<prefix>_<secret>)');
    this.baseURL = trimSlashes(baseURL);
    this.apiURL = `${this.baseURL}/api/v1`;
    this.timeoutMs = timeoutMs;
    this.language = language;
    this.onResponse = onResponse;
    const apiKeyValue = apiKey;
    const fetcher = fetchImpl ?? globalThis.fetch;
    if (typeof fetcher !== 'function') throw new TypeError('HexaFac: no fetch available (Node 20+ is required)');
    // Kept out of enumerable properties so that logging the client never prints the key.
    Object.defineProperty(this, '_apiKey', { value: apiKeyValue, enumerable: false });
    Object.defineProperty(this, '_fetch', { value: fetcher, enumerable: false });

    const client = this;
    this.invoices = {
      /** POST /invoices → the issued Invoice (status "signed"; sending goes on in the background). */
      create: (input, { idempotencyKey, signal } = {}) =>
        client._json('POST', '/invoices', { body: input, idempotencyKey, signal }),
      /** GET /invoices/{id} */
      get: (id, { signal } = {}) => client._json('GET', `/invoices/${pathID(id)}`, { signal }),
      /** GET /invoices → {data, next_cursor} */
      list: (params = {}, { signal } = {}) => client._json('GET', `/invoices${queryString(params)}`, { signal }),
      /** Every document matching params, following next_cursor page after page. */
      listAll: (params = {}, options = {}) => client._paginate('/invoices', params, options),
      /** GET /invoices/{id}/pdf → the PDF's bytes. */
      pdf: async (id, { format, signal } = {}) => {
        const bytes = await client._request('GET', `/invoices/${pathID(id)}/pdf${queryString({ format })}`,
          { accept: 'application/pdf', signal, read: (response) => response.arrayBuffer() });
        return new Uint8Array(bytes);
      },
      /** GET /invoices/{id}/xml → the signed UBL 2.1 XML. */
      xml: async (id, { signal } = {}) =>
        client._request('GET', `/invoices/${pathID(id)}/xml`, { accept: 'application/xml', signal }),
      /** GET /invoices/{id}/cdr → SUNAT's ApplicationResponse XML (404 while there is none yet). */
      cdr: async (id, { signal } = {}) =>
        client._request('GET', `/invoices/${pathID(id)}/cdr`, { accept: 'application/xml', signal }),
      /** POST /invoices/{id}/void → the Invoice (202; "voided" once SUNAT accepts the baja). */
      void: (id, reason, { idempotencyKey, signal } = {}) =>
        client._json('POST', `/invoices/${pathID(id)}/void`, { body: { reason }, idempotencyKey, signal }),
      /** Polls GET /invoices/{id} until its status is one of `statuses`; returns that Invoice. */
      waitFor: (id, options = {}) => client._waitFor(id, options),
    };
    this.creditNotes = {
      /** POST /credit-notes → the issued credit note (an Invoice of type "07"). */
      create: (input, { idempotencyKey, signal } = {}) =>
        client._json('POST', '/credit-notes', { body: input, idempotencyKey, signal }),
    };
    this.customers = {
      /** GET /customers → {data, next_cursor} */
      list: (params = {}, { signal } = {}) => client._json('GET', `/customers${queryString(params)}`, { signal }),
      /** Every customer matching params, following next_cursor. */
      listAll: (params = {}, options = {}) => client._paginate('/customers', params, options),
      /** POST /customers → the saved Customer (409 code "duplicate" when the document exists). */
      create: (input, { idempotencyKey, signal } = {}) =>
        client._json('POST', '/customers', { body: input, idempotencyKey, signal }),
    };
  }

  /** GET /me: the business, the key (scopes, sandbox) and the enabled modules. */
  me({ signal } = {}) {
    return this._json('GET', '/me', { signal });
  }

  /** A fresh idempotency key (a random UUID). */
  static idempotencyKey() {
    return globalThis.crypto.randomUUID();
  }

  async _json(method, path, options) {
    const { status, text } = await this._request(method, path, {
      ...options, accept: 'application/json', read: async (response) => ({ status: response.status, text: await response.text() }),
    });
    if (!text) return null;
    try {
      return JSON.parse(text);
    } catch (cause) {
      throw new HexaFacError(`HexaFac: the answer to ${method} ${path} is not JSON`,
        { status, code: 'invalid_response', body: text, cause });
    }
  }

  /** Sends one request; `read` turns a 2xx response into the result (text by default), within the timeout. */
  async _request(method, path, { body, idempotencyKey, accept, signal, read = (response) => response.text() } = {}) {
    const headers = {
      Authorization: `Bearer ${this._apiKey}`,
      Accept: accept ?? 'application/json',
      'User-Agent': `hexafac-node/${VERSION}`,
    };
    if (this.language) headers['Accept-Language'] = this.language;
    if (idempotencyKey !== undefined && idempotencyKey !== null) headers['Idempotency-Key'] = String(idempotencyKey);
    let payload;
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }

    const url = this.apiURL + path;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; controller.abort(); }, this.timeoutMs);
    const onAbort = () => controller.abort();
    if (signal) {
      if (signal.aborted) controller.abort();
      else signal.addEventListener('abort', onAbort, { once: true });
    }
    try {
      let response;
      try {
        response = await this._fetch(url, { method, headers, body: payload, signal: controller.signal });
      } catch (cause) {
        if (timedOut) {
          throw new HexaFacError(`HexaFac: ${method} ${path} timed out after ${this.timeoutMs} ms`, { code: 'timeout', cause });
        }
        if (signal?.aborted) throw new HexaFacError(`HexaFac: ${method} ${path} was aborted`, { code: 'aborted', cause });
        throw new HexaFacError(`HexaFac: ${method} ${path} failed: ${cause?.message ?? cause}`, { code: 'network_error', cause });
      }
      if (this.onResponse) {
        try {
          this.onResponse({ method, url, status: response.status, headers: response.headers });
        } catch { /* a logging hook must never break a call */ }
      }
      if (!response.ok) throw await HexaFac._errorFrom(response, method, path);
      return await read(response);
    } catch (error) {
      if (error instanceof HexaFacError) throw error;
      if (timedOut) throw new HexaFacError(`HexaFac: ${method} ${path} timed out after ${this.timeoutMs} ms`, { code: 'timeout', cause: error });
      throw error;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  static async _errorFrom(response, method, path) {
    let text = '';
    try {
      text = await response.text();
    } catch { /* keep the status alone */ }
    let body = text;
    const contentType = response.headers.get('content-type') ?? '';
    if (text && (contentType.includes('json') || /^\s*[{[]/.test(text))) {
      try {
        body = JSON.parse(text);
      } catch { /* keep the text */ }
    }
    const parsed = body && typeof body === 'object' ? body : {};
    const message = typeof parsed.error === 'string' && parsed.error
      ? parsed.error
      : `HexaFac: ${method} ${path} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    return new HexaFacError(message, {
      status: response.status,
      code: typeof parsed.code === 'string' ? parsed.code : undefined,
      problems: parsed.problems,
      fields: parsed.fields,
      body,
    });
  }

  async *_paginate(path, params = {}, { signal } = {}) {
    let cursor = params.cursor;
    for (;;) {
      const page = await this._json('GET', path + queryString({ ...params, cursor }), { signal });
      for (const item of page.data ?? []) yield item;
      if (!page.next_cursor) return;
      cursor = page.next_cursor;
    }
  }

  async _waitFor(id, { statuses = FINAL_STATUSES, timeoutMs = 60000, intervalMs = 500, signal } = {}) {
    const wanted = new Set(statuses);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const invoice = await this.invoices.get(id, { signal });
      if (wanted.has(invoice.status)) return invoice;
      if (Date.now() + intervalMs > deadline) {
        throw new HexaFacError(
          `HexaFac: invoice ${id} is still "${invoice.status}" after ${timeoutMs} ms (waiting for ${[...wanted].join(', ')})`,
          { code: 'wait_timeout', body: invoice });
      }
      await sleep(intervalMs);
      if (signal?.aborted) throw new HexaFacError(`HexaFac: waiting for invoice ${id} was aborted`, { code: 'aborted' });
    }
  }
}

function headerValue(headers, name) {
  if (!headers) return undefined;
  if (typeof headers.get === 'function') return headers.get(name) ?? undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) return Array.isArray(value) ? value.join(' ') : value;
  }
  return undefined;
}

function secretKey(secret) {
  if (typeof secret !== 'string' || secret.length === 0) throw new WebhookVerificationError('the webhook secret is missing');
  const encoded = secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret;
  if (/^[A-Za-z0-9+/]+={0,2}$/.test(encoded) && encoded.length % 4 === 0) return Buffer.from(encoded, 'base64');
  return Buffer.from(encoded, 'utf8');
}

/**
 * Standard Webhooks verification. `body` must be the raw body exactly as received (string or bytes).
 * Returns the parsed event; throws WebhookVerificationError when it must not be trusted.
 * `now`: a Date or Unix seconds (default: the current time).
 */
export function verifyWebhook({ secret, headers, body, toleranceSeconds = 300, now } = {}) {
  const key = secretKey(secret);
  const id = headerValue(headers, 'webhook-id');
  const timestamp = headerValue(headers, 'webhook-timestamp');
  const signatures = headerValue(headers, 'webhook-signature');
  if (!id || !timestamp || !signatures) {
    throw new WebhookVerificationError('missing webhook-id, webhook-timestamp or webhook-signature header');
  }
  if (!/^[0-9]+$/.test(String(timestamp).trim())) throw new WebhookVerificationError('invalid webhook-timestamp');
  const seconds = Number(String(timestamp).trim());
  const nowSeconds = now === undefined ? Date.now() / 1000 : now instanceof Date ? now.getTime() / 1000 : Number(now);
  if (Math.abs(nowSeconds - seconds) > toleranceSeconds) {
    throw new WebhookVerificationError('the webhook timestamp is too old or too far in the future');
  }
  if (body === undefined || body === null) throw new WebhookVerificationError('the raw body is missing');
  let raw;
  if (typeof body === 'string') raw = Buffer.from(body, 'utf8');
  else if (body instanceof ArrayBuffer) raw = Buffer.from(body);
  else if (ArrayBuffer.isView(body)) raw = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  else throw new WebhookVerificationError('the raw body must be a string, a Buffer or a Uint8Array');
  const content = Buffer.concat([Buffer.from(`${id}.${String(timestamp).trim()}.`, 'utf8'), raw]);
  const expected = createHmac('sha256', key).update(content).digest();

  let valid = false;
  for (const entry of String(signatures).split(' ')) {
    const comma = entry.indexOf(',');
    if (comma < 0 || entry.slice(0, comma) !== 'v1') continue;
    const given = Buffer.from(entry.slice(comma + 1), 'base64');
    if (given.length === expected.length && timingSafeEqual(given, expected)) valid = true;
  }
  if (!valid) throw new WebhookVerificationError('no valid v1 signature');
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new WebhookVerificationError('the webhook body is not JSON');
  }
}

export default HexaFac;
