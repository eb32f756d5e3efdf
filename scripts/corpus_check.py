#!/usr/bin/env python3
"""Checks extraction corpus passages and their gold facts (docs/indicators.md).

usage: corpus_check.py DIR [DIR ...]

A corpus folder holds <id>.txt (one passage, UTF-8) beside <id>.jsonl (its gold facts, one JSON
object a line, possibly none). Each fact needs doc (= "<id>.txt"), region, indicator (a catalog
code), period (YYYY or YYYY-YYYY), kind (actual|target), value (number), unit (the code's unit, or
USD/CNY for money), qualifier and evidence (a verbatim substring of the passage). No passage may be
of a (region, delivery year) reserved for the independent evaluation. Prints one line a problem and
a summary; exits 1 when there is a problem.
"""
import json, os, re, sys

UNITS = {
    "gdp": "CNY", "gdp_growth": "%", "gdp_per_capita": "CNY", "industrial_value_added": "CNY",
    "industrial_value_added_growth": "%", "fixed_asset_investment": "CNY", "fixed_asset_investment_growth": "%",
    "retail_sales": "CNY", "retail_sales_growth": "%", "foreign_trade": "CNY", "foreign_trade_growth": "%",
    "exports": "CNY", "exports_growth": "%", "foreign_investment": "USD", "foreign_investment_growth": "%",
    "public_budget_revenue": "CNY", "public_budget_revenue_growth": "%", "fiscal_revenue": "CNY",
    "disposable_income_growth": "%", "urban_income": "CNY", "urban_income_growth": "%", "rural_income": "CNY",
    "rural_income_growth": "%", "rd_intensity": "%", "urbanization_rate": "%", "cpi_growth": "%",
    "unemployment_rate": "%", "new_urban_jobs": "persons", "livelihood_spending_share": "%",
    "high_tech_enterprises": "count", "life_expectancy": "years",
}
QUALIFIERS = {"exact", "about", "above", "at_least", "below", "at_most"}
PERIOD = re.compile(r"^(\d{4})(?:-(\d{4}))?$")
FIELDS = ["doc", "region", "indicator", "period", "kind", "value", "unit", "qualifier", "evidence"]


def reserved():
    here = os.path.dirname(os.path.abspath(__file__))
    for path in (os.path.join(here, "..", "..", "shared", "eval", "reserved.tsv"),
                 os.path.join(here, "reserved.tsv")):
        if os.path.exists(path):
            out = set()
            for line in open(path, encoding="utf-8"):
                if line.startswith("#") or not line.strip():
                    continue
                region, year = line.rstrip("\n").split("\t")[:2]
                out.add((region.strip().lower(), year.strip()))
            return out
    return set()


def check(folder, banned, problems):
    passages = facts = 0
    names = sorted(os.listdir(folder))
    for name in names:
        if not name.endswith(".txt"):
            continue
        passages += 1
        pid = name[:-4]
        try:
            text = open(os.path.join(folder, name), encoding="utf-8").read()
        except UnicodeDecodeError:
            problems.append(f"{folder}/{name}: not UTF-8")
            continue
        gold = os.path.join(folder, pid + ".jsonl")
        if not os.path.exists(gold):
            problems.append(f"{folder}/{name}: no {pid}.jsonl beside it (an empty file if it states no fact)")
            continue
        for n, line in enumerate(open(gold, encoding="utf-8"), 1):
            if not line.strip():
                continue
            where = f"{folder}/{pid}.jsonl:{n}"
            try:
                f = json.loads(line)
            except json.JSONDecodeError as e:
                problems.append(f"{where}: not JSON ({e})")
                continue
            facts += 1
            missing = [k for k in FIELDS if k not in f]
            if missing:
                problems.append(f"{where}: missing {missing}")
                continue
            if f["doc"] != name:
                problems.append(f"{where}: doc {f['doc']!r} should be {name!r}")
            code = f["indicator"]
            if code not in UNITS:
                problems.append(f"{where}: {code!r} is not a catalog code")
            else:
                want = UNITS[code]
                ok = f["unit"] == want or (want in ("CNY", "USD") and f["unit"] in ("CNY", "USD"))
                if not ok:
                    problems.append(f"{where}: unit {f['unit']!r} for {code} (expected {want})")
            m = PERIOD.match(str(f["period"]))
            if not m or (m.group(2) and m.group(2) <= m.group(1)):
                problems.append(f"{where}: period {f['period']!r}")
            if f["kind"] not in ("actual", "target"):
                problems.append(f"{where}: kind {f['kind']!r}")
            if f["qualifier"] not in QUALIFIERS:
                problems.append(f"{where}: qualifier {f['qualifier']!r}")
            if not isinstance(f["value"], (int, float)) or isinstance(f["value"], bool):
                problems.append(f"{where}: value {f['value']!r} is not a number")
            ev = f["evidence"]
            if not isinstance(ev, str) or not ev or ev not in text:
                problems.append(f"{where}: evidence is not a verbatim substring of {name}: {ev!r}")
            if m and (str(f["region"]).lower(), str(int(m.group(2) or m.group(1)) + (1 if f["kind"] == "actual" else 0))) in banned:
                problems.append(f"{where}: region/year {f['region']} of a reserved report")
    for name in names:
        if name.endswith(".jsonl") and not os.path.exists(os.path.join(folder, name[:-6] + ".txt")):
            problems.append(f"{folder}/{name}: no passage {name[:-6]}.txt")
    return passages, facts


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    banned = reserved()
    problems = []
    total_p = total_f = 0
    for folder in argv[1:]:
        p, f = check(folder, banned, problems)
        total_p += p
        total_f += f
    for p in problems:
        print(p)
    print(f"{total_p} passages, {total_f} facts, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
