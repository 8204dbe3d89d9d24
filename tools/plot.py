"""Turns vppsim's CSV results into PNG figures for papers (matplotlib).

Usage (from the repository, after `pip install -r tools/requirements.txt`):

    python3 tools/plot.py run RUN_DIR [--out DIR]            # a 'vppsim run' folder
    python3 tools/plot.py compare CMP_DIR [--kpi peak_kW] [--out DIR]
    python3 tools/plot.py bench BENCH_DIR [--kpi peak_kW] [--out DIR]
    python3 tools/plot.py sweep SWEEP_DIR [--kpi peak_kW] [--out DIR]

Figures go to DIR (default: the input folder), one PNG per figure, at 200 dpi. The CSV
columns are documented in docs/results.md and docs/studies.md. Only the standard library
and matplotlib are used, so the figures need no pandas.
"""

import argparse
import csv
import statistics
import sys
from collections import defaultdict
from datetime import datetime
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only; no display is needed
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402

DPI = 200
COLORS = {"uncontrolled": "#8a8a8a", "controlled": "#1f5fbf", "battery": "#2a9d8f",
          "ev": "#e76f51", "shiftable": "#7b5cb8", "curtailment": "#c99a06",
          "peak_window": "#fbe3bf"}


class PlotError(Exception):
    """A problem with the input files, named with the file and the column."""


def read_rows(path):
    if not path.is_file():
        raise PlotError(f"{path}: no such file; give a folder written by vppsim")
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def column(rows, name, path, convert=float):
    if rows and name not in rows[0]:
        raise PlotError(f"{path}: no column '{name}'; the columns are: {', '.join(rows[0])}")
    try:
        return [convert(row[name]) for row in rows]
    except ValueError as error:
        raise PlotError(f"{path}: column '{name}': {error}") from error


def kpi_name(row):
    """The column name of a key figure in a long CSV: the key with its unit."""
    return f"{row['kpi']}_{row['unit']}" if row["unit"] else row["kpi"]


def save(figure, out_dir, name):
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / name
    figure.savefig(path, dpi=DPI, bbox_inches="tight")
    plt.close(figure)
    print(f"wrote {path}")


def shade_peak_window(axis, times, in_window):
    start = None
    for time, inside in zip(times + [None], in_window + [0]):
        if inside and start is None:
            start = time
        elif not inside and start is not None:
            axis.axvspan(start, time or times[-1], color=COLORS["peak_window"], lw=0)
            start = None


def plot_run(folder, out_dir):
    path = folder / "timeseries.csv"
    rows = read_rows(path)
    times = column(rows, "timestamp", path, datetime.fromisoformat)
    window = column(rows, "in_peak_window", path, int)
    shed = column(rows, "shed_kW", path)
    rebound = column(rows, "rebound_kW", path)

    figure, axis = plt.subplots(figsize=(10, 3.6))
    shade_peak_window(axis, times, window)
    axis.plot(times, column(rows, "net_load_uncontrolled_kW", path), color=COLORS["uncontrolled"],
              lw=1, label="uncontrolled")
    axis.plot(times, column(rows, "net_load_kW", path), color=COLORS["controlled"], lw=1.2,
              label="controlled")
    axis.set_ylabel("net load (kW)")
    finish_time_axis(axis)
    save(figure, out_dir, "net_load.png")

    figure, axis = plt.subplots(figsize=(10, 3.6))
    shade_peak_window(axis, times, window)
    for name, key in (("battery", "battery_kW"), ("EV", "ev_kW"), ("shiftable", "shiftable_kW")):
        axis.plot(times, column(rows, key, path), lw=1, label=name,
                  color=COLORS[name.lower()])
    axis.plot(times, [r - s for r, s in zip(rebound, shed)], lw=1, label="curtailment",
              color=COLORS["curtailment"])
    axis.set_ylabel("power (kW)")
    finish_time_axis(axis)
    save(figure, out_dir, "asset_classes.png")

    figure, axis = plt.subplots(figsize=(10, 3.2))
    axis.fill_between(times, column(rows, "ev_energy_kWh", path), color=COLORS["ev"], alpha=0.35,
                      label="plugged-in EVs")
    axis.fill_between(times, column(rows, "battery_energy_kWh", path), color=COLORS["battery"],
                      alpha=0.45, label="batteries")
    axis.set_ylabel("stored energy (kWh)")
    finish_time_axis(axis)
    save(figure, out_dir, "stored_energy.png")

    sessions_path = folder / "ev_sessions.csv"
    sessions = read_rows(sessions_path) if sessions_path.is_file() else []
    unmet = defaultdict(float)
    for row in sessions:
        unmet[row["vehicle"]] += float(row["unmet_energy_kWh"]) * int(row["departed_within_horizon"])
    if unmet:
        figure, axis = plt.subplots(figsize=(10, 3))
        axis.bar(list(unmet), list(unmet.values()), color=COLORS["ev"])
        axis.set_ylabel("unmet energy (kWh)")
        axis.tick_params(axis="x", labelrotation=45)
        save(figure, out_dir, "ev_unmet_energy.png")


def finish_time_axis(axis):
    axis.xaxis.set_major_formatter(mdates.DateFormatter("%a %m-%d"))
    axis.axhline(0, color="#555", lw=0.6)
    axis.grid(alpha=0.3)
    axis.legend(loc="upper left", ncol=4, frameon=False)


def plot_compare(folder, out_dir, kpi):
    path = folder / "comparison.csv"
    rows = [row for row in read_rows(path) if kpi_name(row) == kpi]
    if not rows:
        raise PlotError(f"{path}: no rows for the key figure '{kpi}'")
    figure, axis = plt.subplots(figsize=(max(4, 1.2 * len(rows)), 3.4))
    axis.bar([row["run"] for row in rows], [float(row["value"]) for row in rows],
             color=COLORS["controlled"], label="run")
    references = [float(row["reference_value"]) if row["reference_value"] else None for row in rows]
    for index, value in enumerate(references):
        if value is not None:
            axis.hlines(value, index - 0.4, index + 0.4, color="#222", lw=1.5,
                        label="reference" if index == 0 else None)
    axis.set_ylabel(kpi)
    axis.tick_params(axis="x", labelrotation=30)
    axis.legend(frameon=False)
    save(figure, out_dir, f"compare_{kpi}.png")


def plot_bench(folder, out_dir, kpi):
    path = folder / "bench.csv"
    values = defaultdict(list)
    for row in read_rows(path):
        if kpi_name(row) == kpi:
            values[(row["scenario"], row["strategy"])].append(float(row["value"]))
    if not values:
        raise PlotError(f"{path}: no rows for the key figure '{kpi}'")
    scenarios = sorted({scenario for scenario, _ in values})
    figure, axes = plt.subplots(1, len(scenarios), figsize=(4 * len(scenarios), 3.4), squeeze=False)
    for axis, scenario in zip(axes[0], scenarios):
        keys = [key for key in values if key[0] == scenario]
        axis.boxplot([values[key] for key in keys], tick_labels=[key[1] for key in keys])
        axis.set_title(scenario)
        axis.set_ylabel(kpi)
    save(figure, out_dir, f"bench_{kpi}.png")


def plot_sweep(folder, out_dir, kpi):
    path = folder / "sweep.csv"
    rows = [row for row in read_rows(path) if kpi_name(row) == kpi]
    if not rows:
        raise PlotError(f"{path}: no rows for the key figure '{kpi}'")
    fixed = {"point", "strategy", "seed", "kpi", "value", "unit"}
    parameters = [name for name in rows[0] if name not in fixed]
    # A sweep of `--set seed=...` alone has only the seed column (written twice, the same).
    swept = parameters[-1] if parameters else "seed"
    series = defaultdict(lambda: defaultdict(list))
    for row in rows:
        label = ", ".join([row["strategy"]] + [f"{p}={row[p]}" for p in parameters[:-1]])
        series[label][float(row[swept])].append(float(row["value"]))
    figure, axis = plt.subplots(figsize=(6, 3.6))
    for label, points in series.items():
        xs = sorted(points)
        axis.plot(xs, [statistics.mean(points[x]) for x in xs], marker="o", label=label)
    axis.set_xlabel(swept)
    axis.set_ylabel(f"{kpi} (mean over seeds)")
    axis.grid(alpha=0.3)
    axis.legend(frameon=False, fontsize=7)
    save(figure, out_dir, f"sweep_{kpi}.png")


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("kind", choices=["run", "compare", "bench", "sweep"])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--kpi", default="peak_kW", help="key figure with its unit (default peak_kW)")
    parser.add_argument("--out", type=Path, help="folder for the PNG files (default: the input folder)")
    arguments = parser.parse_args(argv)
    out_dir = arguments.out or arguments.folder
    try:
        if arguments.kind == "run":
            plot_run(arguments.folder, out_dir)
        elif arguments.kind == "compare":
            plot_compare(arguments.folder, out_dir, arguments.kpi)
        elif arguments.kind == "bench":
            plot_bench(arguments.folder, out_dir, arguments.kpi)
        else:
            plot_sweep(arguments.folder, out_dir, arguments.kpi)
    except PlotError as error:
        print(f"plot.py: error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
