#!/usr/bin/env python3
"""Sensitivity of the citywide 5% verdict to EV participation, the TOU hours and forecast
error, as `vppsim sweep` runs; prints Markdown tables for scenarios/shanghai/README.md.

Needs a release build (`swift build -c release --product vppsim`); about 5 minutes on two
cores. The sweeps' CSV files are left in results/shanghai-sensitivity/.
"""
import csv
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
VPPSIM = ROOT / ".build/release/vppsim"
SCENARIO = "scenarios/shanghai/citywide-2025-five-percent.json"
OUT = ROOT / "results/shanghai-sensitivity"
TOU = "tariff.importPrice.touSchedule=" + ",".join(
    f"tariffs/shanghai_tou_hours_{h}.json" for h in "ab")
PARTICIPATION = "events.participation.evs.enrolledShare=0.25,0.5,0.8,1"
FORECAST = "strategy.mpc.forecast.baseLoadError=0,0.03,0.1,0.2"
FIGURES = [("capability", "percent", "capability %"),
           ("delivered_at_peak_period", "percent", "delivered at peak %"),
           ("dr_delivered_mean", "kW", "event delivered MW"),
           ("dr_target_met_mean", "percent", "event target met %"),
           ("energy_cost_change", "CNY", "cost change M CNY")]


def sweep(name: str, sets: list[str], strategies: str) -> list[dict]:
    out = OUT / name
    command = [str(VPPSIM), "sweep", SCENARIO, "--strategies", strategies,
               "--out", str(out), "--quiet"]
    for item in sets:
        command += ["--set", item]
    subprocess.run(command, check=True, cwd=ROOT)
    return list(csv.DictReader((out / "sweep.csv").open()))


def table(rows: list[dict], columns: list[str]) -> str:
    points: dict[tuple, dict] = {}
    for row in rows:
        key = tuple(row[c] for c in columns) + (row["strategy"],)
        points.setdefault(key, {})[(row["kpi"], row["unit"])] = float(row["value"])
    header = [c.split(".")[-1] for c in columns] + ["strategy"] + [f[2] for f in FIGURES]
    lines = ["| " + " | ".join(header) + " |", "|---" * len(header) + "|"]
    for key, values in points.items():
        cells = []
        for kpi, unit, _ in FIGURES:
            value = values.get((kpi, unit))
            scale = 1e-3 if unit == "kW" else 1e-6 if unit == "CNY" else 1
            cells.append("" if value is None else f"{value * scale:,.2f}")
        shown = [pathlib.Path(k).stem.replace("shanghai_tou_", "") if "/" in k else k
                 for k in key]
        lines.append("| " + " | ".join(shown + cells) + " |")
    return "\n".join(lines)


def main() -> int:
    if not VPPSIM.exists():
        print("build first: swift build -c release --product vppsim", file=sys.stderr)
        return 2
    rows = sweep("tou-participation", [TOU, PARTICIPATION], "rule-based,mpc")
    print(table(rows, ["tariff.importPrice.touSchedule",
                       "events.participation.evs.enrolledShare"]))
    print()
    rows = sweep("forecast-error", [FORECAST], "mpc")
    print(table(rows, ["strategy.mpc.forecast.baseLoadError"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
