"""Shanghai study profiles derived from CityLearn's climate-zone-2 building data.

Imported by derive_data.py, which owns the wheels, the formatting rules and the --check.
The assumptions that turn building profiles into a city's load shape are stated here and
in SOURCES.md, never hidden in a scenario.
"""
from __future__ import annotations

import datetime as dt

CZ2_DIR = "citylearn/data/citylearn_challenge_2020_climate_zone_2/"
N_BUILDINGS = 9
N_HOURS = 8760
# CityLearn Day Type 2 (Monday) first falls on the data's 2nd day; 2025-01-01 is a
# Wednesday, i.e. the data's 4th day. Row i is stamped 2025-01-01 + (i - 72) hours, and the
# first 72 rows wrap to the end of 2025, so that weekdays fall on 2025's weekdays.
SHIFT_HOURS = 72
YEAR_START = dt.datetime(2025, 1, 1, 0, 0, 0)
COMMERCIAL = (1, 2, 3, 4)      # no night-time cooling, daytime peak (see SOURCES.md)
RESIDENTIAL = (5, 6, 7, 8, 9)  # cooling through the night
COOLING_COP = 3.0              # assumption: electric chiller/split-unit COP for the shape
# Assumption: shares of the city's energy use for the load shape (industry is flat).
SHAPE_SHARES = {"industry": 0.45, "commercial": 0.35, "residential": 0.20}
EQ_COL = "Equipment Electric Power [kWh]"
COOL_COL = "Cooling Load [kWh]"
TEMP_COL = "Outdoor Drybulb Temperature [C]"
PV_COL = "Solar Generation [W/kW]"


def stamp(i: int) -> dt.datetime:
    """Hour-beginning time of data row i (CityLearn hours are hour-ending, 1..24)."""
    return YEAR_START + dt.timedelta(hours=(i - SHIFT_HOURS) % N_HOURS)


def derive_shanghai(cl, out: dict, notes: dict, *, read_csv_member, csv_bytes, fmt, iso,
                    error) -> None:
    equipment: dict[int, list[float]] = {}
    cooling: dict[int, list[float]] = {}
    for b in range(1, N_BUILDINGS + 1):
        rows, _ = read_csv_member(cl, f"{CZ2_DIR}Building_{b}.csv")
        header, body = rows[0], rows[1:]
        if len(body) != N_HOURS:
            raise error(f"{CZ2_DIR}Building_{b}.csv: {len(body)} rows, expected {N_HOURS}")
        ie, ic = header.index(EQ_COL), header.index(COOL_COL)
        equipment[b] = [float(r[ie]) for r in body]
        cooling[b] = [float(r[ic]) for r in body]
        if b == 1:
            ip = header.index(PV_COL)
            pv = [float(r[ip]) / 1000 for r in body]
    rows, _ = read_csv_member(cl, f"{CZ2_DIR}weather.csv")
    temperature = [float(r[rows[0].index(TEMP_COL)]) for r in rows[1:]]
    if len(temperature) != N_HOURS:
        raise error(f"{CZ2_DIR}weather.csv: {len(temperature)} rows, expected {N_HOURS}")

    order = sorted(range(N_HOURS), key=stamp)
    header = ["timestamp"]
    for b in range(1, N_BUILDINGS + 1):
        header += [f"building_{b}_equipment_kW", f"building_{b}_cooling_kWth"]
    header += ["outdoor_temperature_C", "pv_kW_per_kWp", "city_load_shape"]

    def electric(b: int, i: int) -> float:
        return equipment[b][i] + cooling[b][i] / COOLING_COP

    def group_shape(group) -> list[float]:
        total = [sum(electric(b, i) for b in group) for i in range(N_HOURS)]
        mean = sum(total) / N_HOURS
        return [x / mean for x in total]

    commercial, residential = group_shape(COMMERCIAL), group_shape(RESIDENTIAL)
    shape = [SHAPE_SHARES["industry"] + SHAPE_SHARES["commercial"] * commercial[i]
             + SHAPE_SHARES["residential"] * residential[i] for i in range(N_HOURS)]
    peak = max(shape)
    body = []
    for i in order:
        row = [iso(stamp(i))]
        for b in range(1, N_BUILDINGS + 1):
            row += [fmt(equipment[b][i], 4), fmt(cooling[b][i], 4)]
        row += [fmt(temperature[i], 2), fmt(pv[i], 6), fmt(shape[i] / peak, 6)]
        body.append(row)
    out["shanghai/cz2_buildings_2025.csv"] = csv_bytes(header, body)
    peak_row = max(range(N_HOURS), key=lambda i: shape[i])
    notes["shanghai"] = {
        "member_dir": CZ2_DIR,
        "shape_peak_time": iso(stamp(peak_row)),
        "hottest": max(temperature),
    }


def sources_section(notes: dict, origin) -> list[str]:
    n = notes["shanghai"]
    shares = ", ".join(f"{k} {v:.0%}" for k, v in SHAPE_SHARES.items())
    return [
        "## shanghai/cz2_buildings_2025.csv\n",
        origin("CityLearn", f"{n['member_dir']}Building_1.csv ... Building_9.csv, weather.csv"),
        "- What: hourly profiles of the nine DOE-reference-style buildings of CityLearn's "
        "2020 climate zone 2, chosen as the stand-in for Shanghai because its annual mean "
        "outdoor temperature (16.7 degC) is the closest of the four zones to Shanghai's "
        "(about 17 degC; an assumption, not from the domain notes). Shanghai's own building "
        "profiles are not on PyPI.",
        "- Columns: `building_N_equipment_kW` (Equipment Electric Power, kWh per hour = kW), "
        "`building_N_cooling_kWth` (Cooling Load, thermal kW), `outdoor_temperature_C` (weather "
        "Outdoor Drybulb Temperature), 4, 4 and 2 decimals; `pv_kW_per_kWp` (building 1's Solar "
        "Generation in W per kW of PV, divided by 1000; 6 decimals).",
        "- Buildings 1-4 have no cooling at night and a daytime peak (commercial); buildings "
        "5-9 cool through the night (residential). Building 1's weekday load is 3 times its "
        "weekend load at 14:00 (office-like). These labels are read from the data, not from "
        "CityLearn's documentation.",
        f"- `city_load_shape`: an assumed city load shape, normalised to a yearly maximum of "
        f"1 (6 decimals): shares of energy {shares} (industry flat; commercial and residential "
        f"as the mean-normalised electric load of their buildings, cooling converted at COP "
        f"{COOLING_COP}: an assumption). Its yearly maximum falls at {n['shape_peak_time']}. "
        f"Scenarios scale it to a measured peak with `peakKW`.",
        "- Calendar: CityLearn hours are hour-ending; row i is stamped hour-beginning "
        f"2025-01-01T00:00 + (i - {SHIFT_HOURS}) h, the first {SHIFT_HOURS} rows wrapping to the "
        "end of 2025, so that the data's weekdays (its Day Type 2 = Monday) fall on 2025's "
        "weekdays. The data's holidays are not Shanghai's.",
        f"- Hottest hour of the weather file: {n['hottest']:.2f} degC.\n",
    ]
