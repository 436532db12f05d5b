#!/usr/bin/env python3
"""Checks a Parquet export of `attache export --format parquet` with pyarrow: the
documented schema (README, crates/store/src/export/parquet.rs), one row per reported
event of the database, sane values.

    python3 .ci/check_parquet.py events.parquet news.db
"""

import sqlite3
import sys

import pyarrow as pa
import pyarrow.parquet as pq

S, I8, I32, I64, F32, B, D = pa.string(), pa.int8(), pa.int32(), pa.int64(), pa.float32(), pa.bool_(), pa.date32()
SCHEMA = [
    ("global_event_id", I64, True), ("doc_id", S, False), ("event_id", S, False), ("sentence", I32, False),
    ("date", S, False), ("date_granularity", S, True), ("day", D, True), ("date_source", S, False),
    ("source_code", S, False), ("source_text", S, False), ("source_country", S, False),
    ("cameo", S, False), ("cameo_name", S, False), ("root", S, False),
    ("target_code", S, False), ("target_text", S, False), ("target_country", S, False),
    ("plover_type", S, True), ("plover_mode", S, True), ("goldstein", F32, False), ("quad_class", I8, False),
    ("negated", B, False), ("hypothetical", B, False), ("future", B, False), ("hedged", B, False), ("secret", B, False),
    ("confidence", F32, False), ("num_mentions", I32, True), ("num_sources", I32, True), ("num_articles", I32, True),
    ("url", S, True), ("outlet", S, True), ("title", S, True), ("publication_date", D, True),
    ("trigger", S, False), ("evidence", S, False),
]


def fail(msg):
    sys.exit(f"check_parquet: FAILED: {msg}")


def main():
    path, db = sys.argv[1], sys.argv[2]
    table = pq.read_table(path)
    got = [(f.name, f.type, f.nullable) for f in table.schema]
    if got != SCHEMA:
        for g, w in zip(got, SCHEMA):
            if g != w:
                print(f"  got {g}, want {w}", file=sys.stderr)
        fail(f"schema differs ({len(got)} columns, {len(SCHEMA)} documented)")
    reports = sqlite3.connect(db).execute("SELECT COUNT(*) FROM reports").fetchone()[0]
    if table.num_rows != reports or reports == 0:
        fail(f"{table.num_rows} rows, the database has {reports} reported events")
    rows = table.to_pylist()
    for r in rows:
        if not 1 <= r["quad_class"] <= 4 or not r["cameo"] or not r["doc_id"]:
            fail(f"bad row {r}")
        factual = not (r["negated"] or r["hypothetical"])
        if factual != (r["global_event_id"] is not None) or factual != (r["num_articles"] is not None):
            fail(f"event id and counts must be set exactly for factual events: {r}")
        if r["date_granularity"] == "day" and str(r["day"]) != r["date"]:
            fail(f"day {r['day']} differs from date {r['date']}")
    print(f"check_parquet: {path}: {table.num_rows} rows, {len(SCHEMA)} columns, schema as documented "
          f"(pyarrow {pa.__version__})")


if __name__ == "__main__":
    main()
