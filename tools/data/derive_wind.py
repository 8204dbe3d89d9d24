"""Hourly 10 m wind speed for the coastal wind site, from the TMY2 file for Miami shipped in pvlib.

Imported by derive_data.py, which owns the wheels, the formatting rules and the --check.
The choice of Miami as a stand-in for a site near Shanghai is an assumption; it is stated
here and in SOURCES.md.

TMY2 fixed-width layout (User's Manual for TMY2s, NREL 1995; offsets checked against
pvlib/iotools/tmy.py of the same wheel): line 1 is the station header, then one line per
hour. Python slices of an hourly line: year [1:3] (the year the typical month was taken
from), month [3:5], day [5:7], hour [7:9] (1..24, local standard time), wind speed in
tenths of m/s [95:98], its source flag [98:99] and uncertainty code [99:100].
"""
from __future__ import annotations

import calendar
import datetime as dt
from collections import Counter

MEMBER = "pvlib/data/12839.tm2"
OUT = "wind/coastal_wind_speed_2025.csv"
YEAR = 2025
N_HOURS = 8760
LINE_LEN = 142
SPEED = slice(95, 98)
SPEED_SOURCE = slice(98, 99)
SPEED_UNCERTAINTY = slice(99, 100)
SPEED_DEC = 1
# Station header as published; the derivation fails if the file describes another station.
HEADER = ["12839", "MIAMI", "FL", "-5", "N", "25", "48", "W", "80", "16", "2"]


def stamp(month: int, day: int, hour: int) -> dt.datetime:
    """Hour-beginning 2025 time of the TMY2 hour `hour` (1..24, hour-ending) of month/day."""
    return dt.datetime(YEAR, month, day, hour - 1, 0, 0)


def derive_wind(pv, out: dict, notes: dict, *, csv_bytes, fmt, iso, error) -> None:
    raw = pv.read(MEMBER)
    try:
        text = raw.decode("ascii")
    except UnicodeDecodeError:
        raise error(f"{MEMBER}: not ASCII") from None
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if any(ln.endswith("\r") for ln in lines):
        raise error(f"{MEMBER}: CRLF line endings, expected LF")
    header, body = lines[0], lines[1:]
    if header.split() != HEADER:
        raise error(f"{MEMBER}: station header {header.split()} != {HEADER}")
    if len(body) != N_HOURS:
        raise error(f"{MEMBER}: {len(body)} hourly lines, expected {N_HOURS}")

    expected = [(d.month, d.day, h)
                for d in (dt.date(YEAR, 1, 1) + dt.timedelta(days=k) for k in range(365))
                for h in range(1, 25)]
    if calendar.isleap(YEAR) or len(expected) != N_HOURS:
        raise error("internal: calendar year is not 8760 hours")
    rows = []
    tenths_ordered: list[int] = []
    sources: list[str] = []
    month_year: dict[int, set] = {}
    flags: Counter = Counter()
    flags_by_month: dict[int, Counter] = {}
    hours_by_flag: dict[tuple, set] = {}
    for n, (ln, want) in enumerate(zip(body, expected), start=2):
        if len(ln) != LINE_LEN:
            raise error(f"{MEMBER} line {n}: {len(ln)} characters, expected {LINE_LEN}")
        fields = [ln[1:3], ln[3:5], ln[5:7], ln[7:9], ln[SPEED]]
        if not all(f.strip().isdigit() for f in fields):
            raise error(f"{MEMBER} line {n}: non-numeric date or wind speed field {fields!r}")
        year, month, day, hour, tenths = (int(f) for f in fields)
        if (month, day, hour) != want:
            raise error(f"{MEMBER} line {n}: month/day/hour {(month, day, hour)} != {want} "
                        f"(expected 365 days x 24 hours in order)")
        source, uncertainty = ln[SPEED_SOURCE], ln[SPEED_UNCERTAINTY]
        if source not in "ABC" or not uncertainty.isdigit():
            raise error(f"{MEMBER} line {n}: wind speed flag {source + uncertainty!r} not A/B/C + digit")
        month_year.setdefault(month, set()).add(1900 + year)
        flags[source + uncertainty] += 1
        flags_by_month.setdefault(month, Counter())[source] += 1
        hours_by_flag.setdefault((month, source), set()).add(hour)
        value = fmt(tenths / 10, SPEED_DEC)
        if value != f"{tenths // 10}.{tenths % 10}":
            raise error(f"internal: {tenths} tenths written as {value}")
        rows.append((stamp(month, day, hour), tenths, value))
        tenths_ordered.append(tenths)
        sources.append(source)
    for month, years in month_year.items():
        if len(years) != 1:
            raise error(f"{MEMBER}: month {month} mixes years {sorted(years)}")

    rows.sort(key=lambda r: r[0])
    out[OUT] = csv_bytes(["timestamp", "wind_speed_10m_m_per_s"], [[iso(t), v] for t, _, v in rows])

    def mean(sel) -> float:
        xs = [r[1] / 10 for r in rows if sel(r[0])]
        return sum(xs) / len(xs)

    tenths_all = [r[1] for r in rows]
    top = max(rows, key=lambda r: r[1])
    b_months = sorted(m for m, c in flags_by_month.items() if c.get("B"))
    b_a_hours = sorted(set().union(*(hours_by_flag[(m, "A")] for m in b_months))) if b_months else []
    notes["wind"] = {
        "month_year": {m: min(y) for m, y in sorted(month_year.items())},
        "flags": dict(sorted(flags.items())),
        "flags_by_month": {m: dict(sorted(c.items())) for m, c in sorted(flags_by_month.items())},
        "annual_mean": mean(lambda t: True),
        "monthly_mean": {m: mean(lambda t, m=m: t.month == m) for m in range(1, 13)},
        "calm_hours": sum(1 for x in tenths_all if x == 0),
        "max": (top[1] / 10, iso(top[0])),
        "b_months": b_months,
        "b_a_hours": b_a_hours,
        "measured_values": sorted({t for t, s in zip(tenths_ordered, sources) if s == "A"}),
        "first": iso(rows[0][0]),
        "last": iso(rows[-1][0]),
    }


def sources_section(notes: dict, origin, sha) -> list[str]:
    n = notes["wind"]
    months = ", ".join(f"{calendar.month_abbr[m]} {y}" for m, y in n["month_year"].items())
    monthly = ", ".join(f"{calendar.month_abbr[m]} {v:.2f}" for m, v in n["monthly_mean"].items())
    flags = ", ".join(f"`{k}` {v}" for k, v in n["flags"].items())
    b_months = [calendar.month_abbr[m] for m in n["b_months"]]
    smallest = ", ".join(f"{t / 10:.1f}" for t in n["measured_values"][:8])
    return [
        f"## {OUT}\n",
        origin("pvlib", MEMBER),
        "- Data: the TMY2 (typical meteorological year, 1961-1990 National Solar Radiation Data "
        "Base) file for Miami, FL, WBAN 12839, produced by NREL for the US Department of Energy "
        "(User's Manual for TMY2s, NREL 1995). It ships in the pvlib wheel, whose BSD-3-Clause "
        "licence is the only licence text that comes with it; the wheel has no separate notice "
        "for the data file.",
        "- What: hourly wind speed in m/s (`wind_speed_10m_m_per_s`) for the coastal wind site. "
        "Station header: WBAN 12839, MIAMI, FL, UTC-5, 25 deg 48' N, 80 deg 16' W, elevation 2 m.",
        "- Assumption: this series stands in for an offshore wind site near Shanghai (both "
        "subtropical coasts, 25.8 deg N vs 31.2 deg N, both with a summer sea-breeze regime). "
        "That choice is ours, not the data's. Caveats: the anemometer is at the airport, a few "
        "km inland, not offshore; each month is a typical month picked from a different year of "
        "1961-1990, not a real year; it is Miami's climate, not Shanghai's; the speeds are taken as 10 m speeds (the file "
        "itself does not state the anemometer height), and the simulator extrapolates them to "
        "hub height itself.",
        "- Transformation: TMY2 fixed-width lines; field `[95:98]` (Python slice; wind speed in "
        "tenths of m/s) divided by 10, written with "
        f"{SPEED_DEC} decimal, i.e. exactly the source's value. The date/time fields and these "
        "offsets were checked against `pvlib/iotools/tmy.py` of the same wheel. Source and "
        "uncertainty flags and all other fields are dropped. Checked: station header, 8760 lines "
        "of 142 characters, month/day/hour running through 365 days x 24 hours in order, every "
        "speed numeric with a flag.",
        "- Calendar: TMY2 hours are 1..24 in local standard time (UTC-5, no daylight saving). "
        f"Each row is restamped onto {YEAR} by month, day and hour: hour h becomes the "
        f"hour-beginning timestamp `{YEAR}-MM-DDT(h-1):00:00`, so the file runs from "
        f"`{n['first']}` to `{n['last']}` (8760 rows, sorted). pvlib's reader documents the "
        "wind speed as the value 'at the time indicated' (radiation, by contrast, as received "
        "during the 60 minutes before it), so each value is a reading at the END of its "
        "hour-beginning slot, taken as that hour's speed. The year label 2025 is not the measurement year: the "
        f"months come from {months}. Weekdays have no meaning for weather.",
        f"- Values: annual mean {n['annual_mean']:.2f} m/s; monthly means {monthly}. "
        f"{n['calm_hours']} hours are 0.0 (calm); maximum {n['max'][0]:.1f} m/s at `{n['max'][1]}`. "
        f"Hours flagged `A` take only the values {smallest}, ... m/s: whole knots "
        "converted to m/s (one knot is 0.514 m/s), so the measured series moves in steps of "
        "about 0.5 m/s; values in between occur only in the filled hours (`B`, `C`).",
        f"- Source flags of the wind speed (source letter and uncertainty digit, hours): {flags}. "
        "`C` marks the 6 hours either side of each join between months (the TMY2 procedure "
        "smooths the joins between months taken from different years over 6 hours on each "
        f"side); `B` marks the other hours in {' and '.join(b_months)}, where `A` occurs only "
        f"at hours {', '.join(str(h) for h in n['b_a_hours'])} (3-hourly observations with the "
        "hours between filled in).",
        f"- sha256: `{sha(OUT)}`\n",
    ]
