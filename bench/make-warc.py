#!/usr/bin/env python3
"""Make a WARC archive of news pages from a JSONL corpus, for ingest benchmarks.

    bench/make-warc.py OUT.warc[.gz] [--size-mb 1024] [--jsonl ../shared/eval/ngec-synthetic/dev.jsonl]

Each JSONL document becomes an HTTP response record holding an HTML page: the story in
<article> paragraphs, with the navigation, teasers and footer a news site wraps it in, a
publication date in its metadata, on one of 40 made-up sites. The corpus is cycled until
the archive reaches the size asked for; each cycle moves the dates on by a week and adds
a dateline, so every page has its own text (a store keyed by content hash codes them
all), while the stories stay the corpus's. With a .gz name every record is its own gzip
member, as Common Crawl ships them. Only the standard library is used.
"""

import argparse
import datetime
import gzip
import html
import json
import sys
import uuid

NAV = "".join(f'<li><a href="/section/{s}">{s.title()}</a></li>' for s in
              ["world", "politics", "business", "europe", "asia", "africa", "americas", "opinion", "sport", "culture"])
TEASERS = "".join(
    f'<li><a href="/story/{i}">Read more: analysis of the week in {s}</a></li>'
    for i, s in enumerate(["markets", "diplomacy", "elections", "energy", "security", "trade"]))
FOOTER = ("<footer><p>Copyright the publisher. All rights reserved. Terms of use. Privacy policy. "
          "Cookie settings. Contact us. Advertise with us. Newsletters.</p></footer>")


def page(title, paragraphs, published, site):
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{html.escape(title)} | {site}</title>"
        f"<meta property=\"article:published_time\" content=\"{published}T08:00:00Z\">"
        f"<meta property=\"og:site_name\" content=\"{site}\">"
        "<script>window.analytics = window.analytics || []; analytics.push(['page']);</script>"
        "<style>body{font-family:serif} .nav li{display:inline}</style></head><body>"
        f"<header><ul class=\"nav\">{NAV}</ul><form><input name=\"q\" placeholder=\"Search\"></form></header>"
        f"<main><article><h1>{html.escape(title)}</h1><div class=\"byline\">By Staff Reporter</div>{body}</article>"
        f"<aside class=\"related\"><h2>Related</h2><ul>{TEASERS}</ul></aside></main>{FOOTER}</body></html>"
    )


def record(i, url, date, html_bytes):
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
            + f"Content-Length: {len(html_bytes)}\r\n\r\n".encode() + html_bytes)
    rid = uuid.UUID(int=i)
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\n"
        f"WARC-Record-ID: <urn:uuid:{rid}>\r\n"
        f"WARC-Date: {date}T09:00:00Z\r\n"
        f"WARC-Target-URI: {url}\r\n"
        "Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http)}\r\n\r\n"
    ).encode()
    return head + http + b"\r\n\r\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--size-mb", type=float, default=1024)
    ap.add_argument("--jsonl", default="../shared/eval/ngec-synthetic/dev.jsonl")
    a = ap.parse_args()
    docs = []
    with open(a.jsonl, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line:
                d = json.loads(line)
                if d.get("text", "").strip():
                    docs.append(d)
    if not docs:
        sys.exit(f"{a.jsonl}: no documents")
    target = int(a.size_mb * 1024 * 1024)
    gz = a.out.endswith(".gz")
    base = datetime.date(2021, 1, 4)
    written = n = 0
    with open(a.out, "wb") as out:
        cycle = 0
        while written < target:
            for k, d in enumerate(docs):
                if written >= target:
                    break
                date = base + datetime.timedelta(days=7 * cycle + k % 7)
                site = f"news{(k + cycle) % 40}.example"
                paras = [p.strip() for p in d["text"].split("\n") if p.strip()]
                title = d.get("title") or paras[0][:80]
                if paras and paras[0] == title:
                    paras = paras[1:] or paras
                paras[0] = f"{site.split('.')[0].upper()}, {date:%B} {date.day} (cycle {cycle}) - {paras[0]}"
                doc = page(title, paras, date.isoformat(), site).encode("utf-8")
                url = f"https://www.{site}/{date:%Y/%m/%d}/{d.get('id', k)}-{cycle}"
                rec = record(n + 1, url, date.isoformat(), doc)
                if gz:
                    rec = gzip.compress(rec, compresslevel=6)
                out.write(rec)
                written += len(rec)
                n += 1
            cycle += 1
    print(f"{a.out}: {n} records, {written / 1e6:.1f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
