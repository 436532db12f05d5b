"""Issue 4's seed checks that the scorer does not make: the Russian expulsion of the French
diplomat answers (`reciprocates`) the French expulsion of the Russian one, no record
answers its own answer, and both carry the attribution to Les Echos (FRA MED).

    attache code ../shared/eval/seed/gold.jsonl --format jsonl | python3 .ci/check_seed.py
"""
import json
import sys

events = [json.loads(line) for line in sys.stdin if line.strip()]
by_id = {e["id"]: e for e in events}


def find(source, target):
    for e in events:
        if e["cameo"].startswith("16") and e["source"]["code"] == source and e["target"]["code"].startswith(target):
            return e
    sys.exit(f"seed: no expulsion {source} -> {target}")


french = find("FRA", "RUS")
russian = find("RUS", "FRA")
problems = []
if russian["reciprocates"] != french["id"]:
    problems.append(f"the Russian expulsion reciprocates {russian['reciprocates']!r}, not {french['id']!r}")
for e in events:
    r = e["reciprocates"]
    if r is not None and by_id.get(r, {}).get("reciprocates") == e["id"]:
        problems.append(f"{e['id']} and {r} answer each other")
for e in (french, russian):
    if "FRAMED" not in [a["code"] for a in e["attribution"]]:
        problems.append(f"{e['id']} lacks the attribution to Les Echos (FRAMED)")
if problems:
    sys.exit("seed: " + "; ".join(problems))
print("seed: reciprocity and attribution OK")
