// Types for @multinicho/hexafac, matching Resources/OpenAPI/openapi.json (components.schemas).

/** An amount as a string with exactly two decimals, e.g. "118.00" (pattern ^-?[0-9]+\.[0-9]{2}$). */
export type Money = string;
/** A decimal > 0 with up to 10 decimals: a number, or a string matching ^[0-9]+(\.[0-9]{1,10})?$. */
export type Decimal = number | string;
/** YYYY-MM-DD */
export type DateString = string;
/** RFC 3339 timestamp */
export type DateTimeString = string;
/** Lowercase UUID */
export type UUID = string;

/** SUNAT catálogo 06: "6" RUC, "1" DNI, "4" carné de extranjería, "7" pasaporte, "0" non-resident, "-" sin documento. */
export type DocumentType = '6' | '1' | '4' | '7' | '0' | '-';
export type TaxKind = 'gravado' | 'exonerado' | 'inafecto';
export type Currency = 'PEN' | 'USD';
/** "01" factura, "03" boleta, "07" nota de crédito, "08" nota de débito. */
export type InvoiceType = '01' | '03' | '07' | '08';
export type InvoiceStatus = 'draft' | 'signed' | 'sent' | 'accepted' | 'observed' | 'rejected' | 'voided';
/** SUNAT catálogo 09. */
export type CreditNoteMotive = '01' | '02' | '03' | '04' | '05' | '06' | '07' | '08' | '09' | '10' | '11' | '12' | '13';

export interface Problem {
  /** RFC 6901 JSON pointer ("" = the whole body; "/<name>" for a query parameter). */
  pointer: string;
  /** json, required, type, unknown_field, enum, format, min_length, max_length, positive, decimals, ruc, dni,
   *  customer_ruc_required, boleta_identification_required, exceeds_invoice, unknown_series, not_found,
   *  idempotency_key, or a 4-digit SUNAT rule code. */
  rule: string;
  message: string;
}

export interface ErrorBody {
  error: string;
  code?: string;
  fields?: Record<string, string>;
  problems?: Problem[];
}

export interface CustomerInput {
  document_type: DocumentType;
  /** Required unless document_type is "-". RUC: 11 digits; DNI: 8 digits; others 1..15 letters/digits. */
  document_number?: string;
  /** 1..200 characters; required unless document_type is "-" (then "CLIENTES VARIOS"). */
  name?: string;
  email?: string;
  /** 6..20 characters */
  phone?: string;
  /** 1..200 characters */
  address?: string;
}

export interface Customer {
  id: UUID;
  document_type: DocumentType;
  document_number: string;
  name: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  created_at: DateTimeString;
}

export interface CustomerList {
  data: Customer[];
  next_cursor: string | null;
}

export interface InvoiceItemInput {
  /** 1..500 characters */
  description: string;
  quantity: Decimal;
  /** Price per unit INCLUDING IGV. */
  unit_price: Decimal;
  /** ^[A-Z0-9]{2,3}$; default "NIU" ("ZZ" for services). */
  unit_code?: string;
  /** Default "gravado" (IGV 18 %). */
  tax?: TaxKind;
  /** 1..30 characters */
  product_code?: string;
}

export interface InvoiceInput {
  type: '01' | '03';
  /** ^[FB][A-Z0-9]{3}$; default the business's first series for the type (F001, B001). */
  series?: string;
  customer_id?: UUID;
  customer?: CustomerInput;
  currency?: Currency;
  issue_date?: DateString;
  /** 1..500 items */
  items: InvoiceItemInput[];
  send_email?: boolean;
}

export interface CreditNoteInput {
  invoice_id: UUID;
  motive: CreditNoteMotive;
  /** 1..250 characters, printed on the note. */
  description: string;
  /** Default: all the invoice's items (a full credit). */
  items?: InvoiceItemInput[];
  /** ^[FB][A-Z0-9]{3}$; default FC01 (facturas) or BC01 (boletas). */
  series?: string;
}

export interface VoidInput {
  /** 1..100 characters */
  reason: string;
}

export interface InvoiceItem {
  description: string;
  quantity: string;
  unit_price: string;
  unit_code: string;
  tax: TaxKind;
  total: Money;
}

export interface Invoice {
  id: UUID;
  type: InvoiceType;
  series: string;
  /** Null only while draft. */
  number: number | null;
  /** e.g. "F001-12" */
  full_number: string | null;
  status: InvoiceStatus;
  sandbox: boolean;
  issue_date: DateString;
  currency: Currency;
  customer: {
    id: UUID | null;
    document_type: string;
    document_number: string;
    name: string;
    email: string | null;
  };
  items: InvoiceItem[];
  totals: { taxable: Money; exempt: Money; unaffected: Money; igv: Money; total: Money };
  /** The signature's DigestValue, once signed. */
  hash: string | null;
  sunat: { code: string | null; description: string | null; notes: string[] } | null;
  /** For credit/debit notes: the document they correct. */
  reference: { id: UUID; full_number: string } | null;
  void_reason: string | null;
  /** Absolute URL of GET /api/v1/invoices/{id}. */
  status_url: string;
  links: { pdf: string; xml: string; cdr: string; public: string };
  created_at: DateTimeString;
}

export interface InvoiceList {
  data: Invoice[];
  next_cursor: string | null;
}

export interface Me {
  tenant: {
    id: UUID;
    slug: string;
    legal_name: string;
    trade_name: string | null;
    ruc: string;
    status: string;
  };
  key: { name: string; scopes: string[]; sandbox: boolean } | null;
  modules: string[];
}

export interface WebhookEvent {
  type: 'invoice.issued' | 'invoice.accepted' | 'invoice.rejected' | 'invoice.voided';
  timestamp: DateTimeString;
  /** The business's slug. */
  tenant: string;
  version: 1;
  data: {
    id: UUID;
    type: InvoiceType;
    full_number: string;
    status: InvoiceStatus;
    total: Money;
    currency: Currency;
    customer_document: string;
    sandbox: boolean;
    sunat_code: string | null;
  };
}

export interface InvoiceListParams {
  status?: InvoiceStatus;
  type?: InvoiceType;
  series?: string;
  customer_id?: UUID;
  from?: DateString | Date;
  to?: DateString | Date;
  min_total?: Money; // up to 2 decimals: "100", "99.5" or "99.50"
  max_total?: Money;
  /** Full-text: customer name, document number, series-number, item descriptions. */
  q?: string;
  /** 1..100, default 20 */
  limit?: number;
  cursor?: string;
}

export interface CustomerListParams {
  q?: string;
  limit?: number;
  cursor?: string;
}

export interface CallOptions {
  signal?: AbortSignal;
}

export interface PostOptions extends CallOptions {
  /** 1..255 visible ASCII characters. */
  idempotencyKey?: string;
}

export interface WaitOptions extends CallOptions {
  /** Default ['accepted', 'observed', 'rejected', 'voided']. */
  statuses?: InvoiceStatus[];
  /** Default 60000 */
  timeoutMs?: number;
  /** Default 500 */
  intervalMs?: number;
}

export interface ResponseInfo {
  method: string;
  url: string;
  status: number;
  headers: Headers;
}

export interface HexaFacOptions {
  /** The server root, e.g. "http://127.0.0.1:8080"; the client appends /api/v1. */
  baseURL: string;
  /** mn_<prefix>_<secret> */
  apiKey: string;
  /** Per request; default 30000. */
  timeoutMs?: number;
  /** Sent as Accept-Language ("en" for English error messages). */
  language?: string;
  /** A fetch implementation; default the global fetch. */
  fetch?: typeof fetch;
  /** Called with every HTTP answer (e.g. to read Location or Idempotent-Replayed). */
  onResponse?: (info: ResponseInfo) => void;
}

export declare const VERSION: string;

export declare class HexaFacError extends Error {
  constructor(message: string, details?: {
    status?: number; code?: string; problems?: Problem[]; fields?: Record<string, string>; body?: unknown; cause?: unknown;
  });
  /** HTTP status; 0 when no answer arrived (codes "network_error", "timeout", "aborted"). */
  status: number;
  /** The Error body's code, or "network_error", "timeout", "aborted", "wait_timeout", "invalid_response". */
  code: string | undefined;
  problems: Problem[];
  fields: Record<string, string>;
  /** The parsed error body (or its text); for "wait_timeout", the last Invoice seen. */
  body: unknown;
}

export declare class WebhookVerificationError extends Error {}

export declare class HexaFac {
  constructor(options: HexaFacOptions);
  readonly baseURL: string;
  readonly apiURL: string;
  me(options?: CallOptions): Promise<Me>;
  invoices: {
    create(input: InvoiceInput, options?: PostOptions): Promise<Invoice>;
    get(id: UUID, options?: CallOptions): Promise<Invoice>;
    list(params?: InvoiceListParams, options?: CallOptions): Promise<InvoiceList>;
    listAll(params?: InvoiceListParams, options?: CallOptions): AsyncGenerator<Invoice, void, undefined>;
    pdf(id: UUID, options?: CallOptions & { format?: 'a4' | 'ticket' }): Promise<Uint8Array>;
    xml(id: UUID, options?: CallOptions): Promise<string>;
    cdr(id: UUID, options?: CallOptions): Promise<string>;
    void(id: UUID, reason: string, options?: PostOptions): Promise<Invoice>;
    waitFor(id: UUID, options?: WaitOptions): Promise<Invoice>;
  };
  creditNotes: {
    create(input: CreditNoteInput, options?: PostOptions): Promise<Invoice>;
  };
  customers: {
    list(params?: CustomerListParams, options?: CallOptions): Promise<CustomerList>;
    listAll(params?: CustomerListParams, options?: CallOptions): AsyncGenerator<Customer, void, undefined>;
    create(input: CustomerInput, options?: PostOptions): Promise<Customer>;
  };
  /** A fresh idempotency key (a random UUID). */
  static idempotencyKey(): string;
}

export interface VerifyWebhookOptions {
  /** whsec_<base64> */
  secret: string;
  /** The request's headers: a plain object (any case), Node's IncomingHttpHeaders or a Headers. */
  headers: Record<string, string | string[] | undefined> | Headers;
  /** The RAW body exactly as received. */
  body: string | Uint8Array | ArrayBuffer;
  /** Default 300 */
  toleranceSeconds?: number;
  /** A Date or Unix seconds; default now. */
  now?: Date | number;
}

export declare function verifyWebhook(options: VerifyWebhookOptions): WebhookEvent;

export default HexaFac;
