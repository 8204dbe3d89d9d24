#!/usr/bin/env python3
"""Runs every Shanghai scenario and refreshes scenarios/shanghai/charts/ and the headline table.

For each scenario: `vppsim run` (its own strategy, full resolution), `vppsim report`, and
the report's first chart (net load before and after) saved as a standalone SVG. Prints the
headline figures as a Markdown table for scenarios/shanghai/README.md. Needs a release
build: `swift build -c release --product vppsim`. Output is deterministic.
"""
import csv
import pathlib
import re
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
SCENARIOS = ROOT / "scenarios/shanghai"
CHARTS = SCENARIOS / "charts"
VPPSIM = ROOT / ".build/release/vppsim"
FIGURES = [
    ("peak_uncontrolled_kW", "uncontrolled peak (MW)", 1e-3),
    ("peak_reduction_percent", "peak reduction (%)", 1),
    ("capability_percent", "capability (% of peak)", 1),
    ("delivered_at_peak_period_percent", "delivered at the peak period (%)", 1),
    ("energy_cost_change_CNY", "energy cost change (million CNY)", 1e-6),
]


def run(scenario: pathlib.Path, out: pathlib.Path) -> dict:
    subprocess.run([str(VPPSIM), "run", str(scenario), "--out", str(out), "--quiet"],
                   check=True)
    subprocess.run([str(VPPSIM), "report", str(out)], check=True, stdout=subprocess.DEVNULL)
    rows = list(csv.reader((out / "summary.csv").open()))
    return dict(zip(rows[0], rows[1]))


def first_chart(report: pathlib.Path) -> str:
    svg = re.search(r"<svg.*?</svg>", report.read_text(), re.S).group(0)
    if "xmlns=" not in svg[:200]:
        svg = svg.replace("<svg", '<svg xmlns="http://www.w3.org/2000/svg"', 1)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + svg + "\n"


def main() -> int:
    if not VPPSIM.exists():
        print(f"build first: swift build -c release --product vppsim", file=sys.stderr)
        return 2
    CHARTS.mkdir(exist_ok=True)
    lines = ["| scenario | strategy | " + " | ".join(label for _, label, _ in FIGURES)
             + " | verdict |", "|---" * (len(FIGURES) + 3) + "|"]
    with tempfile.TemporaryDirectory() as tmp:
        for scenario in sorted(SCENARIOS.glob("*.json")):
            out = pathlib.Path(tmp) / scenario.stem
            summary = run(scenario, out)
            (CHARTS / f"{scenario.stem}.svg").write_text(first_chart(out / "report.html"))
            # "+ 0.0" turns a -0.0 into 0.0, so a figure that rounds to zero prints 0.00.
            cells = [f"{round(float(summary[key]) * scale, 2) + 0.0:,.2f}" if key in summary
                     else "" for key, _, scale in FIGURES]
            lines.append(f"| {scenario.stem} | {summary['strategy']} | " + " | ".join(cells)
                         + f" | {summary.get('verdict', '')} |")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
