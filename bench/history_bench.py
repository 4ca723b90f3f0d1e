"""The invoicing history with 100,000 documents: how long a page takes at the start, deep
inside (page ~1,800), filtered and searched, through the real server's API, each as a ratio
to the first page measured in the same run. Also OFFSET paging over the same rows in SQLite
itself, to show what the keyset pages avoid.

Run by `scripts/bench.sh history` (which starts the server on a throwaway SQLite file):
    python bench/history_bench.py --url URL --key KEY --db PATH [--documents 100000]
"""
from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import time
import urllib.request


def call(url: str, key: str) -> dict:
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {key}"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.load(response)


def median_ms(action, repeat: int = 25) -> float:
    action()  # warm the caches once
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def seed(url: str, key: str, db: str, count: int) -> None:
    body = json.dumps({"type": "03", "items": [{"description": "Menú del día", "quantity": 1, "unit_price": "12.50"}]}).encode()
    request = urllib.request.Request(f"{url}/api/v1/invoices", data=body, method="POST",
                                     headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        first = json.load(response)["id"]
    connection = sqlite3.connect(db)
    columns = [row[1] for row in connection.execute("PRAGMA table_info(invoicing_documents)")]
    copied = {"id", "number", "created_at", "public_token", "search_text", "total_cents", "issue_date"}
    kept = [c for c in columns if c not in copied]
    # One real document cloned: distinct ids, numbers, times, amounts, dates and search text.
    connection.execute(f"""
        WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < ?)
        INSERT INTO invoicing_documents (id, number, created_at, public_token, search_text, total_cents, issue_date, {", ".join(kept)})
        SELECT upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-A'
                     || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
               d.number + k, d.created_at - k, hex(randomblob(24)), 'b001-' || (d.number + k) || ' plato ' || (k % 997),
               100 + (k * 37) % 50000, date(d.issue_date, '-' || (k % 365) || ' days'), {", ".join("d." + c for c in kept)}
        FROM n, invoicing_documents d WHERE lower(d.id) = lower(?)
        """, (count - 1, first))
    connection.commit()
    connection.execute("ANALYZE")
    connection.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--documents", type=int, default=100_000)
    args = parser.parse_args()
    seed(args.url, args.key, args.db, args.documents)
    api = f"{args.url}/api/v1/invoices"
    total = sqlite3.connect(args.db).execute("SELECT count(*) FROM invoicing_documents").fetchone()[0]

    # The cursor of the row 90% of the way down: what following next_cursor ~1,800 times reaches.
    connection = sqlite3.connect(args.db)
    deep_offset = int(total * 0.9)
    created, row_id = connection.execute(
        "SELECT created_at, id FROM invoicing_documents ORDER BY created_at DESC, id DESC LIMIT 1 OFFSET ?", (deep_offset,)).fetchone()
    deep_cursor = f"{round(created * 1000)}_{row_id.lower()}"

    first = median_ms(lambda: call(f"{api}?limit=50", args.key))
    deep = median_ms(lambda: call(f"{api}?limit=50&cursor={deep_cursor}", args.key))
    filtered = median_ms(lambda: call(f"{api}?limit=50&type=03&min_total=100.00&max_total=200.00", args.key))
    searched = median_ms(lambda: call(f"{api}?limit=50&q=plato%20421", args.key))
    assert len(call(f"{api}?limit=50&cursor={deep_cursor}", args.key)["data"]) == 50

    sql = "SELECT id FROM invoicing_documents WHERE tenant_id = (SELECT tenant_id FROM invoicing_documents LIMIT 1) ORDER BY created_at DESC, id DESC LIMIT 50"
    offset_first = median_ms(lambda: connection.execute(sql).fetchall())
    offset_deep = median_ms(lambda: connection.execute(sql + f" OFFSET {deep_offset}").fetchall())

    print(f"documents in the history: {total}")
    print(f"API page 1 (limit 50)               {first:8.2f} ms   (baseline)")
    print(f"API page at row {deep_offset} (keyset)   {deep:8.2f} ms   ratio {deep / first:5.2f}")
    print(f"API filtered by type and total      {filtered:8.2f} ms   ratio {filtered / first:5.2f}")
    print(f"API full-text search (2 words)      {searched:8.2f} ms   ratio {searched / first:5.2f}")
    print(f"SQLite OFFSET 0                     {offset_first:8.2f} ms   (baseline)")
    print(f"SQLite OFFSET {deep_offset}                 {offset_deep:8.2f} ms   ratio {offset_deep / offset_first:5.2f}  (what keyset paging avoids)")


if __name__ == "__main__":
    main()
