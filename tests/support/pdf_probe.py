#!/usr/bin/env python3
"""Reads a PDF back the way a person or SUNAT's app would, for the printed-invoice tests.

Run by the Swift tests as a subprocess from the repository root:

    .venv/bin/python tests/support/pdf_probe.py FILE.pdf

Prints one JSON object to stdout and exits 0:
    {"pages": n,
     "text":  [text of each page, as pdfplumber extracts it],
     "fonts": [sorted distinct font names used by the characters, e.g. "ABCDEF+DejaVuSans"],
     "sizes": [[width, height] of each page in points],
     "bbox":  [[x0, top, x1, bottom] around each page's characters, or null for a page without text],
     "images": [number of raster images on each page],
     "qr":    [every QR payload decoded from the pages, in page order],
     "qr_by_page": [[the payloads decoded from each page]]}

The QR codes are decoded from a 200 dpi raster of each page (pdftoppm) with zbarimg, so a code
counts only if a phone camera could read it too. Exits 2 with a message on stderr when the file
cannot be opened or a tool is missing.
"""
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pdfplumber


def read_pdf(path):
    with pdfplumber.open(path) as pdf:
        texts = [page.extract_text() or "" for page in pdf.pages]
        fonts = {char["fontname"] for page in pdf.pages for char in page.chars}
        sizes = [[float(page.width), float(page.height)] for page in pdf.pages]
        boxes = [text_bbox(page.chars) for page in pdf.pages]
        images = [len(page.images) for page in pdf.pages]
    return {"pages": len(texts), "text": texts, "fonts": sorted(fonts), "sizes": sizes,
            "bbox": boxes, "images": images}


def text_bbox(chars):
    # Coordinates in points from the page's top-left corner, as pdfplumber reports them.
    if not chars:
        return None
    return [min(c["x0"] for c in chars), min(c["top"] for c in chars),
            max(c["x1"] for c in chars), max(c["bottom"] for c in chars)]


def decode_qr(path):
    with tempfile.TemporaryDirectory() as tmp:
        prefix = Path(tmp) / "page"
        subprocess.run(["pdftoppm", "-r", "200", "-png", str(path), str(prefix)], check=True)
        # pdftoppm pads page numbers to a width that depends on the page count, so sort by number.
        images = sorted(Path(tmp).glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        return [scan(image) for image in images]


def scan(image):
    # zbarimg exits 4 when an image holds no code: that is an answer, not an error.
    result = subprocess.run(
        ["zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable", str(image)],
        capture_output=True,
    )
    if result.returncode not in (0, 4):
        raise RuntimeError(f"zbarimg failed ({result.returncode}): {result.stderr.decode(errors='replace')}")
    # --raw separates symbols with newlines; payloads here never contain one.
    text = result.stdout.decode("utf-8")
    return [line for line in text.split("\n") if line]


def main(argv):
    if len(argv) != 2:
        print("usage: pdf_probe.py FILE.pdf", file=sys.stderr)
        return 2
    for tool in ("pdftoppm", "zbarimg"):
        if shutil.which(tool) is None:
            print(f"pdf_probe: {tool} not found (install poppler-utils and zbar-tools)", file=sys.stderr)
            return 2
    path = Path(argv[1])
    try:
        report = read_pdf(path)
        by_page = decode_qr(path)
    except Exception as error:  # the caller wants one clear line, not a traceback
        print(f"pdf_probe: {path}: {type(error).__name__}: {error}", file=sys.stderr)
        return 2
    report["qr"] = [payload for page in by_page for payload in page]
    report["qr_by_page"] = by_page
    json.dump(report, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
