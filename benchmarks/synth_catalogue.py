"""Synthetic catalogue: N fictional market reports from templates, deterministic by seed.

Each report varies its market name, publisher layout (key-value header .txt, "Report Snapshot" .md,
prose .html, TechSci-style web page .txt, prose .txt), length (a few to a few dozen passages), unit
(million, billion, trillion), base year, CAGR, regions, segments, companies and developments. The
figures reconcile (base x (1 + CAGR)^years rounds to the stated end) except in about one report in
thirty, which states an end value that does not, as some real reports do.

    python benchmarks/synth_catalogue.py --n 1000 --seed 7 --out .data/bench/catalogue-1000

The same seed and N always give the same files; ``manifest.json`` holds every report's truth.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import re
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path


def _names(text: str) -> tuple[str, ...]:
    return tuple(text.split("|"))


_QUALIFIERS_TEXT = (
    "Smart Biodegradable Industrial Medical Organic Autonomous Wireless Portable Marine Aerospace Automotive "
    "Agricultural Residential Commercial Modular Ceramic Titanium Hydrogen Solar Robotic Frozen Plant-Based "
    "Luxury Pet Veterinary Dental Cryogenic Nanoscale Quantum Recycled Antimicrobial Hyperspectral Graphene "
    "Edible Geothermal Subsea Handheld Wearable Vertical Desalination Lithium Silicone Bamboo Acoustic "
    "Thermal Photonic Haptic Enzymatic Probiotic Halal Kosher Artisanal Military Orbital Polar Volcanic"
)
QUALIFIERS = _QUALIFIERS_TEXT.split()
_OBJECTS_TEXT = (
    "Sensor Coating Adhesive Battery Fiber Drone Valve Pump Textile Packaging Beverage Snack Fertilizer "
    "Enzyme Lubricant Filter Lighting Flooring Insulation Furniture Implant Catheter Bearing Turbine "
    "Microchip Cosmetics Feed Seed Glass Paint Cable Vaccine Resin Membrane Gearbox Antenna Scaffold "
    "Bandage Cheese Yogurt Tea Coffee Spice Kiln Loom Saddle Telescope Hearing-Aid Kayak Mattress Helmet"
)
OBJECTS = _OBJECTS_TEXT.split()
FORMS = ("Systems", "Equipment", "Services", "Materials", "Devices", "Solutions", "Components", "", "", "")
PUBLISHERS = _names(
    "Northwind Market Studies|Bluefield Analytics|Quarry Lane Research|Halcyon Insights|Tessellate Partners|Oakmoor Intelligence"
)
REGIONS = ("North America", "Europe", "Asia Pacific", "South America", "Middle East & Africa")
COUNTRIES = {
    "North America": ("United States", "Canada", "Mexico"),
    "Europe": ("Germany", "France", "Norway", "Poland"),
    "Asia Pacific": ("Japan", "India", "Vietnam", "Australia"),
    "South America": ("Brazil", "Chile", "Peru"),
    "Middle East & Africa": ("Kenya", "Oman", "Morocco"),
}
SEGMENT_WORDS = _names(
    "Standard|Premium|Compact|Heavy-Duty|Retrofit|Custom|Hybrid|Entry-Level|Bulk|Specialty"
)
END_USERS = _names(
    "Hospitals|Utilities|Farms|Retailers|Households|Laboratories|Fleets|Municipalities|Shipyards|Schools"
)
SYLLABLES = _names("vor|tal|bri|quen|mos|dar|lux|ven|cor|sil|zen|pra|hal|mir|tor|nex|ost|kel|rav|lin")
COMPANY_SUFFIXES = ("Ltd.", "Inc.", "GmbH", "Corp.", "Holdings", "Group", "S.A.", "Pvt. Ltd.")
MONTHS = _names("January|February|March|April|May|June|July|August|September|October|November|December")
LAYOUTS = ("keyvalue", "snapshot", "prose_html", "techsci", "prose_txt")
FILLER = (
    "Buyers of {low} weigh purchase price against running costs, and procurement teams increasingly ask "
    "suppliers for lifetime data before signing multi-year contracts.",
    "Distributors in {region} report shorter replacement cycles for {low}, which keeps demand steady even "
    "when new installations slow down.",
    "Regulators have tightened testing rules for {low}, so established suppliers with certified plants "
    "gain ground on smaller entrants.",
    "Raw material prices for {low} swung sharply in recent quarters, squeezing margins for makers that "
    "sell on fixed-price contracts.",
    "Digital ordering platforms make it easier for small buyers to compare {low} offers, which narrows "
    "price gaps between regions.",
    "Several suppliers of {low} now bundle maintenance services with equipment sales to lock in recurring "
    "revenue.",
)


@dataclass
class SynthReport:
    """The truth behind one generated report (what the parser should find)."""

    id: str
    file: str
    layout: str
    market: str
    publisher: str
    unit: str
    base_year: int
    base: float
    cagr: float
    end_year: int
    end: float
    consistent: bool
    largest_region: str | None  # None: the layout does not state it
    fastest_segment: str | None
    companies: list[str] = field(default_factory=list)
    paragraphs: int = 0


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def market_names(n: int, rng: random.Random) -> list[str]:
    """``n`` distinct market names such as 'Graphene Membrane Systems'."""
    names: set[str] = set()
    combos = [(q, o) for q in QUALIFIERS for o in OBJECTS]
    rng.shuffle(combos)
    for q, o in combos:
        if len(names) >= n:
            break
        form = rng.choice(FORMS)
        names.add(" ".join(x for x in (q, o, form) if x))
    if len(names) < n:
        raise ValueError(f"the templates make at most {len(names)} distinct market names, not {n}")
    return sorted(names)


def _company(rng: random.Random) -> str:
    word = "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 3)))).capitalize()
    return f"{word} {rng.choice(COMPANY_SUFFIXES)}"


def _figure(value: float, places: int) -> str:
    return f"{value:,.{places}f}"


def _truth(market: str, layout: str, rng: random.Random) -> tuple[SynthReport, dict[str, object]]:
    unit = rng.choices(("million", "billion", "trillion"), weights=(5, 4, 1))[0]
    base = {
        "million": rng.uniform(20, 9000),
        "billion": rng.uniform(0.3, 95),
        "trillion": rng.uniform(0.2, 4),
    }[unit]
    places = 1 if unit == "million" else 2
    base = round(base, places)
    cagr = round(rng.uniform(1.5, 24.0), rng.choice((1, 2)))
    base_year = rng.choice((2022, 2023, 2024, 2025))
    end_year = base_year + rng.choice((5, 6, 7, 8))
    end = round(base * (1 + cagr / 100) ** (end_year - base_year), places)
    consistent = rng.random() >= 1 / 30
    if not consistent:
        end = round(end * rng.uniform(1.15, 1.4), places)
    regions = rng.sample(REGIONS, 3)
    segments = [f"{w} {market.split()[-1]}" for w in rng.sample(SEGMENT_WORDS, 3)]
    users = rng.sample(END_USERS, 3)
    companies = sorted({_company(rng) for _ in range(rng.randint(3, 6))})
    truth = SynthReport(
        id=slug(market) + "-market",
        file="",
        layout=layout,
        market=market,
        publisher=rng.choice(PUBLISHERS),
        unit=unit,
        base_year=base_year,
        base=base,
        cagr=cagr,
        end_year=end_year,
        end=end,
        consistent=consistent,
        largest_region=regions[0],
        fastest_segment=segments[0],
        companies=companies,
        paragraphs=rng.choice((1, 2, 3, 4, 6, 9, 14, 20)),
    )
    extra = {
        "regions": regions,
        "segments": segments,
        "users": users,
        "places": places,
        "developments": [
            (
                rng.choice(MONTHS),
                rng.randint(base_year - 1, base_year + 1),
                rng.choice(companies),
                rng.choice(
                    (
                        "opened a plant in",
                        "signed a supply agreement in",
                        "acquired a distributor in",
                        "launched a product line in",
                    )
                ),
                rng.choice(COUNTRIES[rng.choice(regions)]),
            )
            for _ in range(rng.randint(1, 3))
        ],
        "filler": [
            rng.choice(FILLER).format(low=market.lower(), region=rng.choice(regions))
            for _ in range(truth.paragraphs)
        ],
    }
    return truth, extra


def _money(value: float, places: int, unit: str, capital: bool = False) -> str:
    return f"USD {_figure(value, places)} {unit.capitalize() if capital else unit}"


def _prose_sentence(t: SynthReport, x: dict, *, title_case_unit: bool = False) -> str:
    p = x["places"]
    return (
        f"The global {t.market.lower()} market was valued at {_money(t.base, p, t.unit)} in {t.base_year} "
        f"and is expected to reach {_money(t.end, p, t.unit)} by {t.end_year}, growing at a CAGR of "
        f"{t.cagr}% from {t.base_year + 1} to {t.end_year}."
    )


def _developments(x: dict) -> list[str]:
    return [
        f"In {month} {year}, {company} {verb} {place}."
        for month, year, company, verb, place in x["developments"]
    ]


def render(t: SynthReport, x: dict) -> str:
    """The report text in its layout."""
    p, name = x["places"], t.market
    period = f"{t.base_year + 1}-{t.end_year}"
    segs, regions = x["segments"], x["regions"]
    lead, fast = t.largest_region or "", t.fastest_segment or ""
    if t.layout == "keyvalue":
        lines = [
            f"{name} Market Report {period} (SYNTHETIC SAMPLE)",
            "",
            f"Publisher: {t.publisher}",
            "",
            f"Base Year: {t.base_year}",
            f"Market Size ({t.base_year}): {_money(t.base, p, t.unit, True)}",
            f"Revenue Forecast in {t.end_year}: {_money(t.end, p, t.unit, True)}",
            f"CAGR ({period}): {t.cagr}%",
            f"Forecast Period: {period}",
            f"Largest Region: {lead}",
            f"Fastest Growing Segment: {fast}",
            "",
            "Market Overview",
            "",
            f"The {name} Market is a synthetic market generated for benchmarks; its figures are invented.",
            *[f"\n{f}" for f in x["filler"]],
            "",
            "Key Players",
            "",
            *[f"  - {c}" for c in t.companies],
            "",
            "Segmentation",
            "",
            f"  - By Type: {', '.join(segs)}",
            f"  - By End User: {', '.join(x['users'])}",
            "  - By Region:",
            *[f"      - {r}" for r in regions],
            "",
            "Recent Developments",
            "",
            *[f"  - {d}" for d in _developments(x)],
            "",
        ]
        return "\n".join(lines)
    if t.layout == "snapshot":
        lines = [
            f"# Global {name} Market Report, {t.base_year}-{t.end_year}",
            "",
            "*A synthetic report generated for benchmarks; the market and companies are invented.*",
            "",
            "## Report Snapshot",
            "",
            f"- **Market size in {t.base_year}:** {_money(t.base, p, t.unit, True)}",
            f"- **Projected market size ({t.end_year}):** {_money(t.end, p, t.unit, True)}",
            f"- **CAGR ({period}):** {t.cagr}%",
            f"- **Dominant region:** {lead}",
            f"- **Fastest-growing segment:** {fast}",
            "",
            "## Market Overview",
            "",
            f"The Global {name} Market is synthetic.",
            *[f"\n{f}" for f in x["filler"]],
            "",
            "## Market Segmentation",
            "",
            "- By Product Type",
            *[f"  - {s}" for s in segs],
            "- By Region",
            *[f"  - {r}" for r in regions],
            "",
            "## Key Companies",
            "",
            *[f"- **{c}**" for c in t.companies],
            "",
            "## Recent Developments",
            "",
            *[f"- {d}" for d in _developments(x)],
            "",
            "---",
            "",
            f"Copyright © {t.base_year} {t.publisher}. All rights reserved.",
            "",
        ]
        return "\n".join(lines)
    if t.layout == "prose_html":
        e = html.escape
        paras = "\n".join(f"  <p>{e(f)}</p>" for f in x["filler"])
        companies = "\n".join(f"    <li>{e(c)}</li>" for c in t.companies)
        return f"""<!DOCTYPE html>
<html lang="en">
<head><title>{e(name)} Market | {e(t.publisher)}</title></head>
<body>
<nav><a href="/">Home</a> <a href="/reports">Reports</a></nav>
<main>
  <h1>{e(name)} Market Size, Share &amp; Trends Analysis</h1>
  <p><em>Synthetic report generated for benchmarks; the market and companies are invented.</em></p>
  <h2>Report Overview</h2>
  <p>{e(_prose_sentence(t, x))}</p>
{paras}
  <h2>Regional Insights</h2>
  <p>{e(lead)} dominated the market in {t.base_year}.</p>
  <h2>Segment Insights</h2>
  <p>The {e(fast)} segment is expected to grow at the fastest rate over the forecast period.</p>
  <h2>Key Companies</h2>
  <ul>
{companies}
  </ul>
</main>
<footer>&copy; {t.base_year} {e(t.publisher)}. All rights reserved.</footer>
</body>
</html>
"""
    if t.layout == "techsci":
        lines = [
            "Report Description",
            "",
            "Forecast Period",
            "",
            period,
            "",
            f"Market Size ({t.base_year})",
            "",
            _money(t.base, p, t.unit, True),
            "",
            f"CAGR ({period})",
            "",
            f"{t.cagr}%",
            "",
            "Fastest Growing Segment",
            "",
            fast,
            "",
            "Largest Market",
            "",
            lead,
            "",
            f"Market Size ({t.end_year})",
            "",
            _money(t.end, p, t.unit, True),
            "",
            "Market Overview",
            "",
            f"The Global {name} Market will grow from {_money(t.base, p, t.unit, True)} in {t.base_year} to "
            f"{_money(t.end, p, t.unit, True)} by {t.end_year} at a {t.cagr}% CAGR. This page is synthetic.",
            "",
            "Key Market Drivers",
            "",
            *[f"{f}\n" for f in x["filler"]],
            "Regional Insights",
            "",
            f"{lead} maintains a dominant position in the {name} market.",
            "",
            "Recent Developments",
            "",
            *[f"  • {d}" for d in _developments(x)],
            "",
            "Key Market Players",
            "",
            *[f"  • {c}" for c in t.companies],
            "",
        ]
        return "\n".join(lines)
    # prose_txt
    lines = [
        f"{name.upper()} MARKET OUTLOOK",
        "",
        "This is a synthetic report generated for benchmarks.",
        "",
        "Executive Summary",
        "",
        f"The global {name.lower()} market was valued at {_money(t.base, p, t.unit)} in {t.base_year} and is "
        f"projected to reach {_money(t.end, p, t.unit)} by {t.end_year}, expanding at a CAGR of {t.cagr}% "
        "over the forecast period.",
        "",
        *[f"{f}\n" for f in x["filler"]],
        "Competitive Landscape",
        "",
        f"Key players include {', '.join(t.companies[:-1])} and {t.companies[-1]}.",
        "",
    ]
    return "\n".join(lines)


_EXT = {"keyvalue": ".txt", "snapshot": ".md", "prose_html": ".html", "techsci": ".txt", "prose_txt": ".txt"}


def generate(n: int, seed: int, out: Path) -> list[SynthReport]:
    """Write ``n`` reports and ``manifest.json`` into ``out``; returns the truth of each report.

    Files already present with the same content are left untouched (so an ingest skips them).
    """
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    truths: list[SynthReport] = []
    for i, market in enumerate(market_names(n, rng)):
        layout = LAYOUTS[i % len(LAYOUTS)]
        truth, extra = _truth(market, layout, rng)
        truth.file = truth.id + _EXT[layout]
        text = render(truth, extra)
        if layout == "prose_txt":  # this layout states no leader; its companies are named in a sentence
            truth.largest_region = truth.fastest_segment = None
        path = out / truth.file
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        truths.append(truth)
    manifest = json.dumps({"n": n, "seed": seed, "reports": [asdict(t) for t in truths]}, indent=1)
    (out / "manifest.json").write_text(manifest, encoding="utf-8")
    return truths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100, help="number of reports (default 100)")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    parser.add_argument("--out", type=Path, required=True, help="folder to write the reports into")
    args = parser.parse_args(argv)
    try:
        truths = generate(args.n, args.seed, args.out)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {len(truths)} reports to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
