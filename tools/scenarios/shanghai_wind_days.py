#!/usr/bin/env python3
"""Storage beside offshore wind against the same storage on its own, over August's weather.

Runs offshore-wind-storage.json and independent-storage.json on every two-day window of
August 2025 (starting the 1st, 3rd, ..., 29th) with `vppsim run`, and prints a Markdown
table for scenarios/shanghai/README.md: the farm's mean output, its output over the
capability period, and the capability of each storage site. Needs a release build; about
10 seconds. Runs are left in results/shanghai-wind-days/.
"""
import csv
import json
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
VPPSIM = ROOT / ".build/release/vppsim"
SCENARIOS = ROOT / "scenarios/shanghai"
OUT = ROOT / "results/shanghai-wind-days"
STARTS = [f"2025-08-{day:02d}T00:00:00" for day in range(1, 31, 2)]


def run(name: str, start: str) -> pathlib.Path:
    """Runs scenario `name` from `start`; the copy sits beside the original so that its
    data paths resolve alike, and is removed afterwards."""
    scenario = json.loads((SCENARIOS / name).read_text())
    scenario["horizon"]["start"] = start
    copy = SCENARIOS / f".wind-days-{name}"
    copy.write_text(json.dumps(scenario))
    out = OUT / f"{pathlib.Path(name).stem}-{start[:10]}"
    try:
        subprocess.run([str(VPPSIM), "run", str(copy), "--out", str(out), "--quiet"],
                       check=True, cwd=ROOT)
    finally:
        copy.unlink()
    return out


def figures(out: pathlib.Path) -> tuple[float, float, float]:
    """Mean wind MW over the run, mean wind MW over the capability period, capability MW."""
    summary = json.loads((out / "summary.json").read_text())
    rows = list(csv.DictReader((out / "timeseries.csv").open()))
    wind = [float(r.get("wind_kW", 0)) / 1000 for r in rows]
    start = summary["peak_period_start"]
    hours = summary["response_duration_h"]
    first = next(i for i, r in enumerate(rows) if r["timestamp"] == start)
    period = wind[first:first + int(hours * 4)]
    return (sum(wind) / len(wind), sum(period) / len(period),
            summary["capability_kW"] / 1000)


def main() -> int:
    if not VPPSIM.exists():
        print("build first: swift build -c release --product vppsim", file=sys.stderr)
        return 2
    lines = ["| window | wind mean MW | wind in capability period MW | paired storage MW "
             "| independent storage MW |", "|---|---|---|---|---|"]
    for start in STARTS:
        wind_mean, wind_period, paired = figures(run("offshore-wind-storage.json", start))
        _, _, independent = figures(run("independent-storage.json", start))
        day = int(start[8:10])
        lines.append(f"| {day}-{day + 1} Aug | {wind_mean:,.0f} | {wind_period:,.0f} | "
                     f"{paired:,.1f} | {independent:,.1f} |")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
