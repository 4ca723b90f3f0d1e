#!/usr/bin/env python3
"""A fake SUNAT billService and billConsultService (SOAP 1.1) for the SUNATClient tests.

Run by the Swift tests as a subprocess (Python 3 standard library only):

    python tests/support/fake_sunat.py [--ruc 20000000001] [--user MODDATOS] [--password moddatos]
        [--port N] [--slow-seconds 3] [--pending-polls 2]

It binds 127.0.0.1 (an ephemeral port unless --port is given), prints exactly one line
`READY <port>` to stdout, flushes, and serves until SIGTERM/SIGINT, until its stdin reaches
EOF, or until its parent goes away.

Services (POST, any path prefix):

    .../billService          sendBill, sendSummary, getStatus
    .../billConsultService   getStatusCdr

Every request is checked strictly, so that a client bug shows up as a fault:
Content-Type text/xml, SOAPAction "urn:<operation>", the soapenv Envelope/Header/Body,
wsse:Security/wsse:UsernameToken with Username = RUC + user and a PasswordText Password,
one operation element in http://service.sunat.gob.pe with its unqualified parameters in WSDL
order. Shape errors answer a fault "soap-env:Client" whose faultstring starts "FAKE-SUNAT:".
Wrong credentials answer soap-env:Client.0102. SOAP faults come with HTTP 500, as SOAP 1.1 says.

sendBill checks fileName RUC-TT-SERIE-NUMERO.zip (0151), that its RUC is the user's (0154),
base64 and zip (0156), exactly one file entry (0155 / 0157) named <name>.xml (0161), a non-empty
(0160) parseable (0306) XML whose cbc:ID is SERIE-NUMERO (1035 / 1036) and whose
AccountingSupplierParty RUC is the file's (1034). Then the document NUMBER picks the answer:

    306   fault soap-env:Client.0306 "No se puede leer (parsear) el archivo XML"
    130   fault soap-env:Server with faultstring "0130" (the code only in faultstring)
    2335  fault soap-env:Client.2335 "... ha sido alterado" (a rejection without CDR)
    500   HTTP 500 with an HTML body (no SOAP)
    999   registers the document, sleeps --slow-seconds (3), then answers accepted
    998   registers the document, sends the HTTP head and half the accepted answer, sleeps
          --slow-seconds, then sends the rest (a SUNAT that stalls mid-body)
    2800  CDR ResponseCode 2800 (rejected: tipo de documento del receptor)
    4287  CDR ResponseCode 0 with two cbc:Note observations (4287, 4290)
    4252  CDR ResponseCode 4252 with one cbc:Note
    other CDR ResponseCode 0, no notes

A CDR is a zip with an empty `dummy/` folder and `R-<name>.xml`, an ApplicationResponse with
cac:DocumentResponse/cac:Response ReferenceID, ResponseCode and Description, and root cbc:Note.
Documents answered with a CDR are remembered for getStatusCdr.

sendSummary checks fileName RUC-(RC|RA|RR)-YYYYMMDD-N.zip and the zip like sendBill (root
SummaryDocuments or VoidedDocuments, cbc:ID = RC-YYYYMMDD-N) and answers a 13-digit ticket.
getStatus on a ticket answers statusCode 98 for the first --pending-polls (2) questions, then
by the summary correlative N:

    98    stays 98 forever
    99    statusCode 99 with a CDR ResponseCode 2223 (rejected)
    other statusCode 0 with a CDR ResponseCode 0

An unknown ticket is fault soap-env:Client.0127 "El ticket no existe".
getStatusCdr answers statusCode 0004 "La constancia existe" with the remembered CDR zip, or
0011 "El comprobante de pago electronico no existe" without content (codes of this fake).

Control API (JSON):

    GET    /_requests  -> 200 [{"method","path","headers":{lowercased: value},"body": text,
                               "operation": name or null, "status": answered HTTP status or null,
                               "document": {"entry","size","sha256","compressed","base64"} or null},
                          ...] in arrival order; "document" is the zip's single entry as read
                          here with zipfile (size, sha256 and base64 of the uncompressed bytes,
                          compressed = deflated)
    DELETE /_requests  -> 200 {"cleared": true}
    GET    /_health    -> 200 {"ok": true}
"""
from __future__ import annotations

import argparse
import base64
import binascii
import hashlib
import io
import json
import re
import secrets
import sys
import time
import xml.etree.ElementTree as ET
import zipfile
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

from lifecycle import serve_http
from request_log import RequestLog

MAX_BODY = 16 * 1024 * 1024
SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/"
SERVICE_NS = "http://service.sunat.gob.pe"
WSSE_NS = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"
PASSWORD_TEXT = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText"
CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"

OPERATIONS = {
    "billService": {
        "sendBill": ["fileName", "contentFile"],
        "sendSummary": ["fileName", "contentFile"],
        "getStatus": ["ticket"],
    },
    "billConsultService": {
        "getStatusCdr": ["rucComprobante", "tipoComprobante", "serieComprobante", "numeroComprobante"],
    },
}
BILL_NAME = re.compile(r"^(\d{11})-(01|03|07|08)-([A-Z0-9]{4})-(\d{1,8})$")
SUMMARY_NAME = re.compile(r"^(\d{11})-(RC|RA|RR)-(\d{8})-(\d{1,5})$")
DOCUMENT_ROOTS = {"01": "Invoice", "03": "Invoice", "07": "CreditNote", "08": "DebitNote"}
DOCUMENT_NAMES = {"01": "La Factura", "03": "La Boleta de Venta", "07": "La Nota de Credito",
                  "08": "La Nota de Debito"}
SUMMARY_ROOTS = {"RC": "SummaryDocuments", "RA": "VoidedDocuments", "RR": "VoidedDocuments"}


class Config:
    ruc = "20000000001"
    user = "MODDATOS"
    password = "moddatos"
    slow_seconds = 3.0
    pending_polls = 2


class Store(RequestLog):
    """Recorded requests, CDRs of answered documents and summary tickets (guarded by `lock`)."""

    def __init__(self) -> None:
        super().__init__()
        self.cdrs: dict[tuple[str, str, str, int], bytes] = {}
        self.tickets: dict[str, dict[str, Any]] = {}


class Reply(Exception):
    """Raised anywhere in a handler to answer with this status, content type and body."""

    def __init__(self, status: int, body: bytes, content_type: str = "text/xml;charset=UTF-8",
                 stall: bool = False) -> None:
        super().__init__(status)
        self.status = status
        self.body = body
        self.content_type = content_type
        self.stall = stall  # send half the body, sleep --slow-seconds, then the rest


# --- SOAP ------------------------------------------------------------------------------------

def envelope(body_xml: str) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?><soap-env:Envelope xmlns:soap-env="{SOAP_NS}">'
            f"<soap-env:Header/><soap-env:Body>{body_xml}</soap-env:Body></soap-env:Envelope>").encode()


def fault(code: str, message: str, detail: str | None = None) -> Reply:
    detail_xml = f"<detail><message>{escape(detail)}</message></detail>" if detail else ""
    return Reply(500, envelope(f"<soap-env:Fault><faultcode>{escape(code)}</faultcode>"
                               f"<faultstring>{escape(message)}</faultstring>{detail_xml}</soap-env:Fault>"))


def sunat_fault(code: str, message: str) -> Reply:
    return fault(f"soap-env:Client.{code}", message)


def shape_error(message: str) -> Reply:
    return fault("soap-env:Client", f"FAKE-SUNAT: {message}")


def operation_response(operation: str, inner: str) -> Reply:
    return Reply(200, envelope(f'<br:{operation}Response xmlns:br="{SERVICE_NS}">{inner}</br:{operation}Response>'))


def parse_envelope(service: str, headers: Any, body: bytes) -> tuple[str, dict[str, str]]:
    """Checks the request shape and credentials; returns the operation and its parameters."""
    content_type = (headers.get("Content-Type") or "").lower().replace(" ", "")
    if not content_type.startswith("text/xml") or "charset=utf-8" not in content_type:
        raise shape_error(f"Content-Type must be text/xml; charset=utf-8, got {content_type!r}")
    try:
        root = ET.fromstring(body)
    except ET.ParseError as exc:
        raise shape_error(f"envelope is not XML: {exc}") from None
    if root.tag != f"{{{SOAP_NS}}}Envelope":
        raise shape_error(f"root must be the SOAP 1.1 Envelope, got {root.tag}")
    children = list(root)
    if [c.tag for c in children] != [f"{{{SOAP_NS}}}Header", f"{{{SOAP_NS}}}Body"]:
        raise shape_error(f"Envelope must hold Header then Body, got {[c.tag for c in children]}")
    check_credentials(children[0])
    return parse_operation(service, headers, children[1])


def check_credentials(header: ET.Element) -> None:
    token = header.find(f"{{{WSSE_NS}}}Security/{{{WSSE_NS}}}UsernameToken")
    if token is None:
        raise shape_error("Header needs wsse:Security/wsse:UsernameToken")
    username = token.find(f"{{{WSSE_NS}}}Username")
    password = token.find(f"{{{WSSE_NS}}}Password")
    if username is None or password is None:
        raise shape_error("UsernameToken needs wsse:Username and wsse:Password")
    if password.get("Type") != PASSWORD_TEXT:
        raise shape_error(f"wsse:Password Type must be PasswordText, got {password.get('Type')!r}")
    if (username.text or "") != Config.ruc + Config.user or (password.text or "") != Config.password:
        raise sunat_fault("0102", "Usuario o contraseña incorrectos")


def parse_operation(service: str, headers: Any, body: ET.Element) -> tuple[str, dict[str, str]]:
    elements = list(body)
    if len(elements) != 1 or not elements[0].tag.startswith(f"{{{SERVICE_NS}}}"):
        raise shape_error(f"Body must hold one element in {SERVICE_NS}, got {[e.tag for e in elements]}")
    operation = elements[0].tag.split("}", 1)[1]
    expected = OPERATIONS[service].get(operation)
    if expected is None:
        raise shape_error(f"{service} has no operation {operation}")
    action = (headers.get("SOAPAction") or "").strip()
    if action.strip('"') != f"urn:{operation}":
        raise shape_error(f"SOAPAction must be \"urn:{operation}\", got {action!r}")
    params = list(elements[0])
    names = [p.tag for p in params]
    if names != expected:
        raise shape_error(f"{operation} parameters must be unqualified {expected}, got {names}")
    return operation, {p.tag: (p.text or "") for p in params}


# --- Documents and CDRs -------------------------------------------------------------------------

def read_zip(name: str, content: str) -> tuple[bytes, dict[str, Any]]:
    """The single XML of a sent zip, and what the control API reports about it."""
    try:
        raw = base64.b64decode("".join(content.split()), validate=True)
        archive = zipfile.ZipFile(io.BytesIO(raw))
        files = [i for i in archive.infolist() if not i.is_dir()]
    except (binascii.Error, ValueError, zipfile.BadZipFile):
        raise sunat_fault("0156", "El archivo ZIP esta corrupto") from None
    if not files:
        raise sunat_fault("0155", "El archivo ZIP esta vacio")
    if len(files) > 1:
        raise sunat_fault("0157", "El archivo ZIP contiene demasiados archivos")
    info = files[0]
    if info.filename != f"{name}.xml":
        raise sunat_fault("0161", "El nombre del archivo XML no coincide con el nombre del archivo ZIP")
    xml = archive.read(info)
    if not xml.strip():
        raise sunat_fault("0160", "El archivo XML esta vacio")
    return xml, {"entry": info.filename, "size": len(xml), "sha256": hashlib.sha256(xml).hexdigest(),
                 "compressed": info.compress_type == zipfile.ZIP_DEFLATED,
                 "base64": base64.b64encode(xml).decode()}


def parse_document(xml: bytes) -> ET.Element:
    try:
        return ET.fromstring(xml)
    except ET.ParseError:
        raise sunat_fault("0306", "No se puede leer (parsear) el archivo XML") from None


def local_name(element: ET.Element) -> str:
    return element.tag.split("}", 1)[-1]


def check_bill_content(document: ET.Element, ruc: str, kind: str, series: str, number: int) -> None:
    if local_name(document) != DOCUMENT_ROOTS[kind]:
        raise shape_error(f"a {kind} document must be a {DOCUMENT_ROOTS[kind]}, got {local_name(document)}")
    doc_id = (document.findtext(f"{{{CBC}}}ID") or "").strip()
    doc_series, _, doc_number = doc_id.partition("-")
    if doc_series != series:
        raise sunat_fault("1035", "Numero de Serie del nombre del archivo no coincide con el consignado en el "
                                  "contenido del archivo XML")
    if doc_number != str(number):
        raise sunat_fault("1036", "Numero de documento en el nombre del archivo no coincide con el consignado en "
                                  "el contenido del XML")
    supplier = document.findtext(f"{{{CAC}}}AccountingSupplierParty/{{{CAC}}}Party/"
                                 f"{{{CAC}}}PartyIdentification/{{{CBC}}}ID")
    if (supplier or "").strip() != ruc:
        raise sunat_fault("1034", "Número de RUC del nombre del archivo no coincide con el consignado en el "
                                  "contenido del archivo XML")


def application_response(ruc: str, reference: str, code: int, description: str, notes: list[str]) -> bytes:
    now = datetime.now(timezone(timedelta(hours=-5)))
    note_xml = "".join(f"<cbc:Note>{escape(n)}</cbc:Note>" for n in notes)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<ar:ApplicationResponse xmlns:ar="urn:oasis:names:specification:ubl:schema:xsd:ApplicationResponse-2"'
        f' xmlns:cac="{CAC}" xmlns:cbc="{CBC}"'
        ' xmlns:ext="urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2">'
        "<ext:UBLExtensions><ext:UBLExtension><ext:ExtensionContent>"
        '<Signature xmlns="http://www.w3.org/2000/09/xmldsig#" Id="SignSUNAT"/>'
        "</ext:ExtensionContent></ext:UBLExtension></ext:UBLExtensions>"
        "<cbc:UBLVersionID>2.0</cbc:UBLVersionID><cbc:CustomizationID>1.0</cbc:CustomizationID>"
        f"<cbc:ID>{int(now.timestamp() * 1000)}</cbc:ID>"
        f"<cbc:IssueDate>{now:%Y-%m-%d}</cbc:IssueDate><cbc:IssueTime>{now:%H:%M:%S}</cbc:IssueTime>"
        f"<cbc:ResponseDate>{now:%Y-%m-%d}</cbc:ResponseDate><cbc:ResponseTime>{now:%H:%M:%S}</cbc:ResponseTime>"
        f"{note_xml}"
        "<cac:SenderParty><cac:PartyIdentification><cbc:ID>20131312955</cbc:ID>"
        "</cac:PartyIdentification></cac:SenderParty>"
        f"<cac:ReceiverParty><cac:PartyIdentification><cbc:ID>6-{ruc}</cbc:ID>"
        "</cac:PartyIdentification></cac:ReceiverParty>"
        "<cac:DocumentResponse><cac:Response>"
        f"<cbc:ReferenceID>{escape(reference)}</cbc:ReferenceID>"
        f"<cbc:ResponseCode>{code}</cbc:ResponseCode><cbc:Description>{escape(description)}</cbc:Description>"
        f"</cac:Response><cac:DocumentReference><cbc:ID>{escape(reference)}</cbc:ID></cac:DocumentReference>"
        "</cac:DocumentResponse></ar:ApplicationResponse>"
    ).encode()


def cdr_zip(name: str, xml: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("dummy/"), b"")
        archive.writestr(f"R-{name}.xml", xml)
    return out.getvalue()


def bill_cdr(name: str, ruc: str, kind: str, reference: str, number: int) -> bytes:
    what = f"{DOCUMENT_NAMES[kind]} numero {reference}"
    if number == 2800:
        code, text, notes = 2800, ("El dato ingresado en el tipo de documento de identidad del receptor "
                                   "no esta permitido."), []
    elif number == 4287:
        code, text = 0, f"{what}, ha sido aceptada"
        notes = ["4287 - El precio unitario ingresado no coincide con el valor calculado",
                 "4290 - El valor ingresado como total de IGV no coincide con el calculado"]
    elif number == 4252:
        code, text = 4252, f"{what}, ha sido aceptada con observaciones"
        notes = ["4252 - El dato ingresado como atributo @listName es incorrecto"]
    else:
        code, text, notes = 0, f"{what}, ha sido aceptada", []
    return cdr_zip(name, application_response(ruc, reference, code, text, notes))


# --- Operations --------------------------------------------------------------------------------

def send_bill(store: Store, entry: dict[str, Any], params: dict[str, str]) -> Reply:
    name = params["fileName"].removesuffix(".zip")
    match = BILL_NAME.match(name)
    if not params["fileName"].endswith(".zip") or not match:
        raise sunat_fault("0151", "El nombre del archivo ZIP es incorrecto")
    ruc, kind, series, number = match.group(1), match.group(2), match.group(3), int(match.group(4))
    if ruc != Config.ruc:
        raise sunat_fault("0154", "El RUC del archivo no corresponde al RUC del usuario")
    xml, described = read_zip(name, params["contentFile"])
    store.update(entry, document=described)
    check_bill_content(parse_document(xml), ruc, kind, series, number)
    magic_faults(number)
    cdr = bill_cdr(name, ruc, kind, f"{series}-{number}", number)
    with store.lock:
        store.cdrs[(ruc, kind, series, number)] = cdr
    if number == 999:
        time.sleep(Config.slow_seconds)
    content = base64.b64encode(cdr).decode()
    reply = operation_response("sendBill", f"<applicationResponse>{content}</applicationResponse>")
    reply.stall = number == 998
    return reply


def magic_faults(number: int) -> None:
    if number == 306:
        raise sunat_fault("0306", "No se puede leer (parsear) el archivo XML")
    if number == 130:
        raise fault("soap-env:Server", "0130",
                    "El sistema no puede responder su solicitud. (No se pudo obtener el ticket de proceso)")
    if number == 2335:
        raise sunat_fault("2335", "El documento electrónico ingresado ha sido alterado")
    if number == 500:
        raise Reply(500, b"<html><body><h1>500 Internal Server Error</h1>Proxy error</body></html>",
                    "text/html")


def send_summary(store: Store, entry: dict[str, Any], params: dict[str, str]) -> Reply:
    name = params["fileName"].removesuffix(".zip")
    match = SUMMARY_NAME.match(name)
    if not params["fileName"].endswith(".zip") or not match:
        raise sunat_fault("0151", "El nombre del archivo ZIP es incorrecto")
    ruc, kind, day, correlative = match.group(1), match.group(2), match.group(3), int(match.group(4))
    if ruc != Config.ruc:
        raise sunat_fault("0154", "El RUC del archivo no corresponde al RUC del usuario")
    xml, described = read_zip(name, params["contentFile"])
    store.update(entry, document=described)
    document = parse_document(xml)
    if local_name(document) != SUMMARY_ROOTS[kind]:
        raise shape_error(f"a {kind} summary must be a {SUMMARY_ROOTS[kind]}, got {local_name(document)}")
    reference = f"{kind}-{day}-{correlative}"
    if (document.findtext(f"{{{CBC}}}ID") or "").strip() != reference:
        raise shape_error(f"summary cbc:ID must be {reference}")
    ticket = str(10**12 + secrets.randbelow(9 * 10**12))
    with store.lock:
        store.tickets[ticket] = {"polls": 0, "name": name, "ruc": ruc, "reference": reference,
                                 "correlative": correlative}
    return operation_response("sendSummary", f"<ticket>{ticket}</ticket>")


def get_status(store: Store, params: dict[str, str]) -> Reply:
    with store.lock:
        ticket = store.tickets.get(params["ticket"].strip())
        if ticket is not None:
            ticket["polls"] += 1
    if ticket is None:
        raise sunat_fault("0127", "El ticket no existe")
    if ticket["polls"] <= Config.pending_polls or ticket["correlative"] == 98:
        return operation_response("getStatus", "<status><statusCode>98</statusCode></status>")
    if ticket["correlative"] == 99:
        status, code, text = "99", 2223, "El archivo ya fue presentado anteriormente"
    else:
        status, code, text = "0", 0, f"El Resumen numero {ticket['reference']}, ha sido aceptado"
    cdr = cdr_zip(ticket["name"], application_response(ticket["ruc"], params["ticket"], code, text, []))
    return operation_response("getStatus", f"<status><content>{base64.b64encode(cdr).decode()}</content>"
                                           f"<statusCode>{status}</statusCode></status>")


def get_status_cdr(store: Store, params: dict[str, str]) -> Reply:
    try:
        key = (params["rucComprobante"], params["tipoComprobante"], params["serieComprobante"],
               int(params["numeroComprobante"]))
    except ValueError:
        raise shape_error("numeroComprobante must be an xsd:int") from None
    with store.lock:
        cdr = store.cdrs.get(key)
    if cdr is None:
        status = ("<statusCode>0011</statusCode>"
                  "<statusMessage>El comprobante de pago electronico no existe</statusMessage>")
    else:
        status = (f"<content>{base64.b64encode(cdr).decode()}</content>"
                  "<statusCode>0004</statusCode><statusMessage>La constancia existe</statusMessage>")
    return operation_response("getStatusCdr", f"<statusCdr>{status}</statusCdr>")


# --- HTTP ----------------------------------------------------------------------------------------

class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "FakeSUNAT/1.0"
    sys_version = ""
    store: Store  # set on the class by main()

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def _read_body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            raise ValueError("body too large")
        return self.rfile.read(length) if length > 0 else b""

    def _send(self, status: int, body: bytes, content_type: str, stall: bool = False) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if stall:
                self.wfile.write(body[: len(body) // 2])
                self.wfile.flush()
                time.sleep(Config.slow_seconds)
                body = body[len(body) // 2:]
            self.wfile.write(body)
            self.wfile.flush()
        except OSError:  # the client gave up (a timeout test): nothing to answer
            self.close_connection = True

    def _send_json(self, status: int, payload: Any) -> None:
        self._send(status, json.dumps(payload).encode(), "application/json")

    def _handle(self) -> None:
        try:
            body = self._read_body()
        except (ValueError, OSError):
            self.close_connection = True
            self._send_json(400, {"error": "unreadable body"})
            return
        path = urlsplit(self.path).path
        if path.startswith("/_"):
            self._control(path)
            return
        entry = self.store.record({"method": self.command, "path": self.path, "status": None,
                                   "operation": None, "document": None,
                                   "headers": {k.lower(): v for k, v in reversed(self.headers.items())},
                                   "body": body.decode("utf-8", errors="replace")})
        reply = self._service(path, body, entry)
        self.store.update(entry, status=reply.status)
        self._send(reply.status, reply.body, reply.content_type, reply.stall)

    def _service(self, path: str, body: bytes, entry: dict[str, Any]) -> Reply:
        service = path.rsplit("/", 1)[-1]
        try:
            if service not in OPERATIONS:
                raise Reply(404, b"<html><body>Not Found</body></html>", "text/html")
            if self.command != "POST":
                raise Reply(405, b"<html><body>Method Not Allowed</body></html>", "text/html")
            operation, params = parse_envelope(service, self.headers, body)
            self.store.update(entry, operation=operation)
            if operation == "sendBill":
                return send_bill(self.store, entry, params)
            if operation == "sendSummary":
                return send_summary(self.store, entry, params)
            if operation == "getStatus":
                return get_status(self.store, params)
            return get_status_cdr(self.store, params)
        except Reply as reply:
            return reply

    def _control(self, path: str) -> None:
        route = (self.command, path)
        if route == ("GET", "/_health"):
            self._send_json(200, {"ok": True})
        elif route == ("GET", "/_requests"):
            self._send_json(200, self.store.snapshot())
        elif route == ("DELETE", "/_requests"):
            self.store.clear()
            self._send_json(200, {"cleared": True})
        else:
            self._send_json(404, {"error": f"no control route {self.command} {path}"})

    do_POST = do_GET = do_PUT = do_DELETE = _handle


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ruc", default=Config.ruc)
    parser.add_argument("--user", default=Config.user)
    parser.add_argument("--password", default=Config.password)
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (default: ephemeral)")
    parser.add_argument("--slow-seconds", type=float, default=Config.slow_seconds, help="delay for numbers 998, 999")
    parser.add_argument("--pending-polls", type=int, default=Config.pending_polls,
                        help="getStatus questions answered 98 before a ticket resolves")
    args = parser.parse_args(argv)
    Config.ruc, Config.user, Config.password = args.ruc, args.user, args.password
    Config.slow_seconds, Config.pending_polls = args.slow_seconds, args.pending_polls

    Handler.store = Store()
    return serve_http(Handler, args.port)


if __name__ == "__main__":
    sys.exit(main())
