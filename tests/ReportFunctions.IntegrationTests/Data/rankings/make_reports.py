#!/usr/bin/env python3
"""Writes the synthetic work reports (into seeds/synthetic/ of the repo) and facts.jsonl (beside this script), the facts
they state (gold), from one table.

Each report of year Y reviews Y-1 (GDP, its growth, unemployment, CPI: actuals) and sets targets for Y.
Run: python3 make_reports.py (from this folder). The rankings integration tests load facts.jsonl; after the
ingestion pipeline is merged they can ingest the .txt files instead and must get the same facts.
"""
import json
import os

REPORTS_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..", "seeds", "synthetic")

# region: (level, province, name in the title)
REGIONS = {
    "Hangzhou": ("city", "Zhejiang"), "Jiaxing": ("city", "Zhejiang"), "Ningbo": ("city", "Zhejiang"),
    "Zhanjiang": ("city", "Guangdong"), "Zhaoqing": ("city", "Guangdong"), "Guangzhou": ("city", "Guangdong"),
    "Zhejiang": ("province", None), "Guangdong": ("province", None),
}
# actuals[year][region] = (gdp billion yuan, gdp growth %, unemployment %, cpi %)
ACTUALS = {
    2022: {"Hangzhou": (1875.3, 1.5, 4.3, 2.1), "Jiaxing": (673.9, 2.5, 3.2, 2.0), "Ningbo": (1570.4, 3.5, 3.6, 2.3),
           "Zhanjiang": (371.2, 2.5, 5.0, 1.8), "Zhaoqing": (270.5, 0.8, 5.1, 2.2), "Guangzhou": (2883.9, 1.0, 5.9, 1.7),
           "Zhejiang": (7771.5, 3.1, 4.4, 2.2), "Guangdong": (12911.8, 1.9, 5.3, 2.2)},
    2023: {"Hangzhou": (2005.9, 5.6, 4.1, 0.3), "Jiaxing": (737.0, 6.3, 3.0, 0.1), "Ningbo": (1645.2, 6.2, 3.5, 0.5),
           "Zhanjiang": (379.3, 4.0, 5.2, 0.2), "Zhaoqing": (286.2, 4.5, 5.0, 0.6), "Guangzhou": (3035.5, 4.6, 5.6, 0.6),
           "Zhejiang": (8255.3, 6.0, 4.2, 0.4), "Guangdong": (13567.3, 4.8, 5.0, 0.4)},
}
# targets[year][region] = ((gdp growth, qualifier), (unemployment, qualifier), (cpi, qualifier))
A, L, M, B = "about", "at_least", "above", "below"
def t(g, gq=A, u=5.5, c=3.0): return ((g, gq), (u, B), (c, A))
TARGETS = {
    2023: {"Hangzhou": t(5.5), "Jiaxing": t(6), "Ningbo": t(6), "Zhanjiang": t(5, L), "Zhaoqing": t(6), "Guangzhou": t(6),
           "Zhejiang": t(5), "Guangdong": t(5, M)},
    2024: {"Hangzhou": t(5.5), "Jiaxing": t(6), "Ningbo": t(5.5), "Zhanjiang": t(5.5), "Zhaoqing": t(5.5), "Guangzhou": t(5.5),
           "Zhejiang": t(5.5), "Guangdong": t(5)},
}
PHRASE = {A: "of about", L: "of no less than", M: "of more than", B: "within"}

def num(x): return f"{x:g}"

facts = []
for year in (2023, 2024):
    for region, (level, province) in REGIONS.items():
        rid = f"{region.lower()}-{year}"
        gdp, growth, unemp, cpi = ACTUALS[year - 1][region]
        (tg, tgq), (tu, tuq), (tc, tcq) = TARGETS[year][region]
        body = "Municipal" if level == "city" else "Provincial"
        whose = "the city's" if level == "city" else "the province's"
        session = 1 if year == 2023 else 2
        s_gdp = f"GDP reached {num(gdp)} billion yuan"
        s_growth = f"an increase of {num(growth)}%"
        s_unemp = f"The urban surveyed unemployment rate was {num(unemp)}%"
        s_cpi = f"consumer prices rose by {num(cpi)}%"
        t_growth = f"GDP growth {PHRASE[tgq]} {num(tg)}%"
        t_unemp = f"urban surveyed unemployment rate within {num(tu)}%"
        t_cpi = f"CPI increase of around {num(tc)}%"
        text = f"""Report on the Work of the {region} {body} Government ({year})

Delivered at the {'First' if session == 1 else 'Second'} Session of the People's Congress of {region}, January {10 + session}, {year}

Fellow Deputies,

On behalf of the {body} People's Government, I will now report on the work of the government for your deliberation.

I. Review of Our Work in {year - 1}

In {year - 1}, {whose} {s_gdp}, {s_growth} over the previous year. {s_unemp}, and {s_cpi}. We kept the overall situation stable and made solid progress in reform, opening up and people's wellbeing.

II. Overall Requirements and Main Targets for {year}

The main expected targets for {year} are: {t_growth}, {t_unemp}, {t_cpi}, and growth in personal income in step with economic growth.

III. Major Tasks for {year}

We will expand domestic demand, strengthen innovation, advance rural revitalization and improve people's lives.
"""
        with open(os.path.join(REPORTS_DIR, f"{rid}.txt"), "w", encoding="utf-8") as f:
            f.write(text)
        def add(indicator, period, kind, value, unit, qualifier, evidence):
            assert evidence in text, evidence
            facts.append({"region": region, "indicator": indicator, "period": str(period), "kind": kind, "value": value,
                          "unit": unit, "qualifier": qualifier, "evidence": evidence,
                          "report_id": rid, "report_year": year, "level": level, "province": province})
        add("gdp", year - 1, "actual", round(gdp * 1e9), "CNY", "exact", s_gdp)
        add("gdp_growth", year - 1, "actual", growth, "%", "exact", s_growth)
        add("unemployment_rate", year - 1, "actual", unemp, "%", "exact", s_unemp)
        add("cpi_growth", year - 1, "actual", cpi, "%", "exact", s_cpi)
        add("gdp_growth", year, "target", float(tg), "%", tgq, t_growth)
        add("unemployment_rate", year, "target", float(tu), "%", tuq, t_unemp)
        add("cpi_growth", year, "target", float(tc), "%", tcq, t_cpi)

with open("facts.jsonl", "w", encoding="utf-8") as f:
    for fact in facts:
        f.write(json.dumps(fact) + "\n")
print(len(facts), "facts")
