#!/usr/bin/env python3
"""Regenerate crates/ontology/data/*.tsv from the shared ontology tables.

The tables hold facts (CAMEO codes and names, Goldstein values, the CAMEO->PLOVER
mapping, country codes). They are compiled into the binary with include_str!, so the
binary needs nothing at run time. Run from the repository root:

    python3 tools/gen_ontology_tables.py ../shared/ontology

Conventions chosen here (see crates/ontology/README.md):
  * Goldstein: the GDELT value, ICEWS where GDELT lacks the code (the shared table's choice).
  * PLOVER: the CAMEO2PLOVER-2021 mapping; CAMEO 01 (statements) maps to no PLOVER type;
    08 (root) maps to CONCEDE. CAMEO 02 (appeals), which the PLOVER manual's cue table
    drops, maps to REQUEST ("requests, demands, orders") with the mode of its family
    (assist, change, yield, meet), as POLECAT codes appeals: a dropped appeal would leave
    "X called on Y to release Z" without a type.
  * Where the draft table contradicts the PLOVER manual's own definitions, the manual wins:
    035x (intent to yield) is CONCEDE ("verbal concessions ... announced withdrawals"),
    not AGREE; 0831 (accede to demands for a change of leader: resignations) is RETREAT
    resign; 116 (find guilty) is SANCTION convict, not ACCUSE; 0813 and 0814 (eased
    curfew, state of emergency) are CONCEDE like the rest of 081-083; 163 (impose
    sanctions, embargo) is SANCTION discontinue, the manual's "international sanctions",
    not COERCE restrict. (A declared truce,
    0871, stays RETREAT ceasefire here; the dictionary patterns that declare or offer one
    refine it to CONCEDE, the manual's "announced (not carried out)" ceasefire.)
"""
import csv, sys, os

src = sys.argv[1] if len(sys.argv) > 1 else "../shared/ontology"
out = "crates/ontology/data"
os.makedirs(out, exist_ok=True)

def rows(name):
    with open(os.path.join(src, name), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))

plover = {}
for r in rows("cameo_to_plover.tsv"):
    code = r["cameo_code"]
    if code in plover:  # 08 listed twice: keep the first (CONCEDE)
        continue
    ev = r["plover_event"].strip()
    if ev.startswith("("):
        ev = ""
    plover[code] = (ev, r["plover_mode"].strip().lower(), r["plover_context"].strip())

# Appeals (02) are requests: the mode follows the family, as for demands (10).
APPEAL_MODES = {"020": "", "021": "assist", "022": "assist", "023": "assist", "024": "change",
                "025": "yield", "026": "meet", "027": "meet", "028": "meet"}
for code in list(plover):
    if code.startswith("02"):
        mode = APPEAL_MODES.get(code[:3], "")
        plover[code] = ("REQUEST", mode, plover[code][2])

# the PLOVER manual's definitions over the draft table (see the docstring)
for code in list(plover):
    if code.startswith("035"):
        plover[code] = ("CONCEDE", "", plover[code][2])
plover["0831"] = ("RETREAT", "resign", plover["0831"][2])
plover["116"] = ("SANCTION", "convict", plover["116"][2])
for code in ("0813", "0814"):
    plover[code] = ("CONCEDE", "", plover[code][2])
plover["163"] = ("SANCTION", "discontinue", plover["163"][2])

with open(os.path.join(out, "cameo.tsv"), "w", encoding="utf-8") as f:
    f.write("# code\tname\tgoldstein\tplover_type\tplover_mode\tplover_context\n")
    for r in rows("cameo_event_codes.tsv"):
        code = r["code"]
        ev, mode, ctx = plover.get(code, ("", "", ""))
        g = r["goldstein"].strip()
        f.write(f"{code}\t{r['name']}\t{g}\t{ev}\t{mode}\t{ctx}\n")

with open(os.path.join(out, "countries.tsv"), "w", encoding="utf-8") as f:
    f.write("# code\tname\tkind\n")
    for r in rows("cameo_country_codes.tsv"):
        f.write(f"{r['code']}\t{r['name']}\t{r['kind']}\n")

with open(os.path.join(out, "sectors.tsv"), "w", encoding="utf-8") as f:
    f.write("# code\tmeaning\tclass\n")
    for r in rows("cameo_actor_types.tsv"):
        f.write(f"{r['code']}\t{r['meaning']}\t{r['class']}\n")
print("written", out)
