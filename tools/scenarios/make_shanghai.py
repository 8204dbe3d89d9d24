#!/usr/bin/env python3
"""Writes the Shanghai scenario library, scenarios/shanghai/*.json.

Every number carries its source: a public figure from the domain notes (cited as published),
a derived data file (data/SOURCES.md), or the word "assumption". Run from the repository
root; the output is deterministic.
"""
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "scenarios/shanghai"
DATA = "../data/shanghai/cz2_buildings_2025.csv"
CZ2 = "CityLearn 2.1.2 climate zone 2 building data (see data/SOURCES.md)"

PEAK_2025_KW = 40_550_000
PEAK_2025 = "Shanghai record peak 40.55 GW on 11 Aug 2025 at 11:23 (Xinhua 2025-08-12)"
COP = 3.0
COP_NOTE = "cooling converted to electric power at COP 3.0: assumption"
TARGET = {
    "reductionFraction": 0.05, "durationHours": 2,
    "source": "Shanghai green transition plan 2024-2027: peak response of at least 5% of peak "
              "load by 2025; the 2 h duration is an assumption"}


def tariff(hours: str = "a") -> dict:
    return {
        "importPrice": {"touSchedule": f"tariffs/shanghai_tou_hours_{hours}.json",
                        "source": "Shanghai two-part C&I TOU ratios (DRC notice reported "
                                  "2022-12-19); hours and the 0.65 CNY/kWh flat price: see "
                                  "tariffs/README.md"},
        "exportPricePerKWh": 0.0, "currency": "CNY",
        "source": "export credit 0: assumption"}


def horizon(start: str, hours: int) -> dict:
    return {"start": start, "durationHours": hours, "stepMinutes": 15,
            "source": "15-minute settlement steps: assumption"}


DEMAND_CHARGE = {
    "peakChargePerKW": 1.33,
    "source": "Shanghai two-part C&I tariff: a capacity charge of about 40 CNY/kW a month, "
              "prorated to one day (assumption)"}


def cooling_load(id_: str, building: int, count: int, kw_per_building: float,
                 shed: float, source: str, agents: int = 1) -> dict:
    """A population of buildings whose cooling can be curtailed (shed share of it)."""
    # building_N_cooling_kWth peaks near 267 (1), 69 (2), 179 (3), 192 (4) kWth in the data
    peaks = {1: 266.9, 2: 68.59, 3: 179.39, 4: 191.58}
    scale = kw_per_building / peaks[building]  # kWth profile -> kWe of one building
    return {
        "id": id_, "count": count, "agents": agents,
        "profile": {"file": DATA, "column": f"building_{building}_cooling_kWth"},
        "scale": round(scale, 6), "maxShedFraction": shed, "costPerKWhShed": 0.3,
        "reboundFraction": 0.5, "reboundMaxPowerKW": round(0.3 * kw_per_building, 3),
        "source": f"{CZ2}, building {building} cooling load; {COP_NOTE}; {source}; peak "
                  f"electric cooling {kw_per_building} kW per building, shed share, cost "
                  f"0.3 CNY/kWh and rebound 50%: assumptions"}


def ev_fleet(id_: str, count: int, agents: int, location: str, arrival, connected, energy,
             v2g_share: float, source: str) -> dict:
    return {
        "id": id_, "count": count, "agents": agents, "location": location,
        "sessionModel": {
            "arrivalHour": {"mean": arrival[0], "sd": arrival[1], "min": 0, "max": 30},
            "connectedHours": {"mean": connected[0], "sd": connected[1], "min": 1, "max": 24},
            "energyKWh": {"mean": energy[0], "sd": energy[1], "min": 1, "max": 60},
            "source": "assumption: no Shanghai charging statistics are on PyPI"},
        "batteryCapacityKWh": 60,
        "chargerOptions": [
            {"maxPowerKW": 7, "share": 0.8, "source": "assumption: AC home/work wallbox"},
            {"maxPowerKW": 11, "share": 0.2, "source": "assumption"}],
        "v2gShare": v2g_share, "chargerMaxDischargePowerKW": 7, "v2gMinimumSOC": 0.3,
        "departureTargetSOC": 0.8, "minimumArrivalSOC": 0.2,
        "chargeEfficiency": 0.95, "dischargeEfficiency": 0.95,
        "source": f"{source}; 60 kWh battery, efficiencies and SOC limits: assumptions"}


def battery(id_: str, count: int, kwh: float, kw: float, source: str) -> dict:
    return {"id": id_, "count": count, "agents": 1, "energyCapacityKWh": kwh,
            "maxChargePowerKW": kw, "maxDischargePowerKW": kw, "roundTripEfficiency": 0.88,
            "minimumSOC": 0.1, "maximumSOC": 0.95, "initialSOC": 0.5,
            "source": f"{source}; round trip 88% and SOC limits: assumptions"}


def citywide(variant: str) -> dict:
    """Scenario 1: the city's summer peak day; today's VPP or the fleet needed for 5%."""
    today = variant == "today"
    return {
        "name": f"shanghai-citywide-2025-{variant}",
        "description": (
            "Shanghai's summer peak day, 11 Aug 2025: city load shaped from building "
            "profiles and scaled to the 40.55 GW record, with "
            + ("a fleet sized like today's VPP (about 1.0 GW adjustable in summer 2025)."
               if today else "the fleet that the 5% goal (about 2.1 GW) would need.")),
        "seed": 2025,
        "horizon": horizon("2025-08-11T00:00:00", 24),
        "tariff": tariff("a"),
        "peakWindow": {"startHour": 10, "endHour": 18,
                       "source": "from the 2025 record peaks at 11:23 and 11:49 to past the "
                                 "load shape's afternoon maximum: assumption"},
        "baseLoads": [{
            "id": "city-load", "profile": {"file": DATA, "column": "city_load_shape"},
            "peakKW": PEAK_2025_KW - 2_250_000,
            "source": f"{PEAK_2025}, less 2.25 GW for the modelled cooling and EV charging "
                      "at the peak, so that the uncontrolled city peaks near the record; "
                      f"shape: city_load_shape of {CZ2} (an assumed mix of industry, "
                      "commercial and residential)"}],
        "batteries": [battery(
            "grid-storage", 100 if today else 300, 4000, 2000,
            "user-side and grid-side storage enrolled in the VPP: "
            + ("200 MW / 400 MWh (assumption)" if today else "600 MW / 1.2 GWh (assumption)"))],
        "curtailableLoads": [
            cooling_load("office-cooling", 1, 4000, 250, 0.15 if today else 0.25,
                         "10,000 commercial buildings in all: assumption", agents=20),
            cooling_load("retail-cooling", 3, 4000, 200, 0.15 if today else 0.25,
                         "retail share: assumption", agents=20),
            cooling_load("strip-mall-cooling", 4, 2000, 150, 0.15 if today else 0.25,
                         "assumption", agents=10)],
        "evFleets": [
            ev_fleet("home-evs", 1_600_000, 800, "home", (19.0, 2.0), (11.0, 2.5),
                     (14.0, 6.0), 0.0,
                     "2,000,000 battery EVs in the city: the scale the plan's EV goals imply "
                     "(assumption); 80% charge at home: assumption"),
            ev_fleet("work-evs", 400_000, 400, "workplace", (8.75, 0.75), (8.5, 1.5),
                     (10.0, 5.0), 0.0 if today else 0.25,
                     "20% charge at work: assumption; "
                     + ("no V2G today" if today else "25% of them V2G: assumption"))],
        "strategy": {
            "name": "rule-based",
            "mpc": {"replanEveryMinutes": 60, "lookaheadHours": 12,
                    "forecast": {"baseLoad": "noisy", "baseLoadError": 0.03,
                                 "source": "3% day-ahead load forecast error: assumption"}}},
        "events": {
            "list": [{"id": "peak-call", "start": "2025-08-11T14:00:00",
                      "end": "2025-08-11T16:00:00", "notice": "2025-08-11T08:00:00",
                      "targetPercent": 5,
                      "source": "a 5% call over the modelled peak hours, announced the "
                                "same morning: assumption"}],
            "participation": {
                "evs": {"enrolledShare": 0.5 if today else 0.8, "optOutProbability": 0.1},
                "curtailableLoads": {"enrolledShare": 0.8 if today else 1.0,
                                     "optOutProbability": 0.05},
                "source": "enrolment and opt-out: assumptions"},
            "baselineHistoryDays": 10,
            "source": "10 prior days so that the 10-of-10 baseline has its history"},
        "responseTarget": TARGET,
        "source": ("Public figures: domain notes (hotlink.work/cn/info/3825 for the 2025 VPP: "
                   "46 operators, 1.71 GW registered, 1.0 GW adjustable, DR up to 2.1 GW). "
                   "The fleet's composition is an assumption sized against those totals."),
    }


def cooled_buildings(id_: str, count: int, floor_m2: float, source: str) -> dict:
    """A population of commercial buildings as one aggregated 1R1C cooled zone."""
    gains_kw = 0.040 * floor_m2       # 40 W/m2 internal gains: assumption
    ua_kw_per_c = 0.0025 * floor_m2    # envelope and ventilation 2.5 W/m2K: assumption
    resistance = 1 / ua_kw_per_c
    return {
        "id": id_, "count": count,
        "thermalResistanceCPerKW": round(resistance, 6),
        "thermalCapacitanceKWhPerC": round(10 / resistance, 3),
        "coefficientOfPerformance": 3.5,
        "maxPowerKW": round((gains_kw + 12 * ua_kw_per_c) / 3.5 * 1.2, 3),
        "minimumTemperatureC": 22, "maximumTemperatureC": 26, "setpointC": 24,
        "initialTemperatureC": 24, "internalGainKW": round(gains_kw, 3),
        "outdoorTemperature": {"file": DATA, "column": "outdoor_temperature_C",
                               "source": f"{CZ2}, weather outdoor dry-bulb"},
        "source": f"{source}; {floor_m2:.0f} m2 each, internal gains 40 W/m2, envelope "
                  "2.5 W/m2K, 10 h time constant, chiller COP 3.5 sized 20% above a 12 C "
                  "design difference, comfort band 22-26 C around 24 C: assumptions"}


def huangpu() -> dict:
    """Scenario 2: the Huangpu commercial-building VPP against the published pilot."""
    return {
        "name": "shanghai-huangpu-commercial-vpp",
        "description": (
            "Huangpu district's commercial-building VPP on the 2025 peak day: about 200 large "
            "commercial buildings (district peak about 500 MW) whose cooling floats within a "
            "comfort band, "
            "with storage and EV chargers; the check is the published pilot: 10% average "
            "reduction held for 4 hours, 25% in the best building."),
        "seed": 2025,
        "horizon": horizon("2025-08-11T00:00:00", 24),
        "tariff": tariff("a"),
        "peakWindow": {"startHour": 10, "endHour": 17,
                       "source": "commercial buildings' cooling peak hours: assumption"},
        "baseLoads": [{
            "id": "district-other-load", "profile": {"file": DATA,
                                                     "column": "building_1_equipment_kW"},
            "peakKW": 300_000,
            "source": "Huangpu district peak about 500 MW (Huangpu DRC article, 2018); the "
                      "300 MW not modelled as cooling below (equipment, lighting, other "
                      f"buildings) shaped like building 1's equipment load of {CZ2}: "
                      "assumption"}],
        "thermostaticLoads": [
            cooled_buildings("office-buildings", 120, 40_000,
                             "200+ large commercial buildings (Huangpu DRC article, 2018); "
                             "120 offices: assumption"),
            cooled_buildings("retail-buildings", 80, 30_000, "80 retail buildings: assumption")],
        "batteries": [battery("building-storage", 50, 2000, 1000,
                              "new storage in the VPP (named in the plan): 50 MW / 100 MWh, "
                              "assumption")],
        "evFleets": [ev_fleet("office-chargers", 10_000, 200, "workplace", (8.75, 0.75),
                              (8.5, 1.5), (10.0, 5.0), 0.2,
                              "EV chargers in the VPP (named in the plan); 10,000 vehicles "
                              "and 20% V2G: assumption")],
        "strategy": {"name": "optimal", "objective": DEMAND_CHARGE},
        "responseTarget": {
            "reductionFraction": 0.10, "durationHours": 4,
            "source": "Huangpu pilot: average 10% reduction held for 4 h (Huangpu DRC "
                      "article, 2018)"},
        "source": "Figures: domain notes (Huangpu DRC article, 2018); building physics: "
                  "assumptions stated on each entry",
    }


def v2g() -> dict:
    """Scenario 3: large-scale vehicle-grid interaction under the Shanghai TOU tariff."""
    return {
        "name": "shanghai-vehicle-grid-interaction",
        "description": (
            "100,000 EVs at homes and workplaces under the Shanghai TOU tariff, with charger "
            "limits and departure targets; a quarter can discharge (V2G). Run it with "
            "--set evFleets.0.v2gShare=0 and =0.25 to see what V2G adds over smart charging."),
        "seed": 2025,
        "horizon": horizon("2025-08-11T00:00:00", 48),
        "tariff": tariff("a"),
        "peakWindow": {"startHour": 18, "endHour": 21,
                       "source": "the TOU evening peak block 18-21 (hours A, see "
                                 "tariffs/README.md)"},
        "baseLoads": [{
            "id": "district-load", "profile": {"file": DATA, "column": "city_load_shape"},
            "peakKW": 400_000,
            "source": "a district of 400 MW peak (1% of the city's 40.55 GW): assumption"}],
        "evFleets": [
            ev_fleet("home-evs", 80_000, 400, "home", (19.0, 2.0), (11.0, 2.5), (14.0, 6.0),
                     0.25, "80,000 home-charged EVs, 25% V2G: assumption"),
            ev_fleet("work-evs", 20_000, 200, "workplace", (8.75, 0.75), (8.5, 1.5),
                     (10.0, 5.0), 0.25, "20,000 workplace-charged EVs, 25% V2G: assumption")],
        "strategy": {"name": "optimal", "objective": {"unmetEVPenaltyPerKWh": 10}},
        "responseTarget": TARGET,
        "source": "Shanghai plan: large-scale vehicle-grid interaction demonstration; the "
                  "fleet is an assumption",
    }


def hengsha(islanded: bool = False) -> dict:
    """Scenario 4: the Hengsha zero-carbon island microgrid, grid-connected or islanded."""
    scenario = {
        "name": "shanghai-hengsha-island-microgrid" + ("-islanded" if islanded else ""),
        "description": (
            "Hengsha island microgrid with agrivoltaic and fishery PV, storage and local "
            "loads over two summer days, "
            + ("islanded: no import and no export, so demand the PV and the battery cannot "
               "meet is shed and surplus PV is curtailed." if islanded
               else "grid-connected.")),
        "seed": 2025,
        "horizon": horizon("2025-08-11T00:00:00", 48),
        "tariff": tariff("a"),
        "peakWindow": {"startHour": 18, "endHour": 21,
                       "source": "TOU evening peak block, when PV is gone: assumption"},
        "baseLoads": [{
            "id": "island-load", "profile": {"file": DATA, "column": "city_load_shape"},
            "peakKW": 8_000,
            "source": "island load of 8 MW peak: assumption; shaped like the city load"}],
        "pv": [
            {"id": "agrivoltaic-pv", "profile": {"file": DATA, "column": "pv_kW_per_kWp"},
             "capacityKWp": 15_000,
             "source": f"agrivoltaics named in the plan; 15 MWp: assumption; profile {CZ2}"},
            {"id": "fishery-pv", "profile": {"file": DATA, "column": "pv_kW_per_kWp"},
             "capacityKWp": 10_000,
             "source": f"fishery PV named in the plan; 10 MWp: assumption; profile {CZ2}"}],
        "batteries": [battery("island-storage", 1, 40_000, 10_000,
                              "10 MW / 40 MWh island storage: assumption")],
        "curtailableLoads": [
            cooling_load("island-cooling", 4, 40, 100, 0.2,
                         "40 commercial and public buildings: assumption")],
        "strategy": {"name": "optimal", "objective": DEMAND_CHARGE},
        "responseTarget": TARGET,
        "source": "Shanghai plan: Hengsha zero-carbon island microgrid demonstration; "
                  "every size is an assumption",
    }
    if islanded:
        del scenario["responseTarget"]  # an island has no grid peak to respond at
        scenario["gridConnection"] = {
            "importLimitKW": 0, "exportLimitKW": 0,
            "source": "islanded operation (the plan's microgrid control)"}
    return scenario


def city_peak_days() -> dict:
    """The city's load over its 2025 peak days, for a storage site seen from the city."""
    return {
        "seed": 2025,
        "horizon": horizon("2025-08-10T00:00:00", 48),
        "tariff": tariff("a"),
        "peakWindow": {"startHour": 10, "endHour": 16,
                       "source": "as in the citywide scenario: assumption"},
        "baseLoads": [{
            "id": "city-load", "profile": {"file": DATA, "column": "city_load_shape"},
            "peakKW": PEAK_2025_KW, "source": PEAK_2025}],
    }


def storage_site() -> dict:
    """Scenario 5: an independent storage site providing peak response to the city."""
    return {
        "name": "shanghai-independent-storage",
        "description": (
            "An independent storage site of 200 MW / 400 MWh on the city's 2025 peak day: "
            "how much of the 5% it holds at the peak, and what it earns on the TOU spread. "
            "offshore-wind-storage.json puts the same storage beside an offshore wind farm."),
        **city_peak_days(),
        "batteries": [battery("storage-site", 1, 400_000, 200_000,
                              "independent storage site named in the plan; 200 MW / 400 MWh: "
                              "assumption")],
        "strategy": {"name": "optimal", "objective": {"peakChargePerKW": 0}},
        "responseTarget": TARGET,
        "source": "Shanghai plan: an independent storage site; sizes are assumptions",
    }


WIND_DATA = "../data/wind/coastal_wind_speed_2025.csv"
WIND_NOTE = ("hourly 10 m wind speed of a subtropical coastal station (Miami TMY2, shipped "
             "with pvlib 0.16.1) standing in for Shanghai's offshore sites: assumption; see "
             "data/SOURCES.md")


def offshore_wind_storage() -> dict:
    """Scenario 5: storage beside offshore wind, charged only from the farm."""
    return {
        "name": "shanghai-offshore-wind-storage",
        "description": (
            "An offshore wind farm (1,000 MW) with 200 MW / 400 MWh of storage beside it on "
            "the city's 2025 peak day. The storage charges only from the farm and shares its "
            "export cable. How much of the 5% it holds at the peak, against the same storage "
            "on its own (independent-storage.json), and what the wind gives at the peak."),
        **city_peak_days(),
        "windFarms": [{
            "id": "offshore-wind",
            "turbineCount": 167,
            "turbine": {
                "ratedPowerKW": 6000, "cutInSpeedMPerS": 3, "ratedSpeedMPerS": 12,
                "cutOutSpeedMPerS": 25,
                "source": "a 6 MW offshore turbine class; cut-in, rated and cut-out speeds "
                          "typical of such turbines: assumption"},
            "hubHeightM": 100,
            "windSpeed": {"file": WIND_DATA, "column": "wind_speed_10m_m_per_s",
                          "heightM": 10, "source": WIND_NOTE},
            "shearExponent": 0.11,
            "lossFraction": 0.1,
            "source": "167 x 6 MW = 1,002 MW, of the order of Shanghai's offshore farms "
                      "(Donghai Bridge, Lingang, Fengxian, Jinshan): assumption; hub 100 m, "
                      "open-sea shear exponent 0.11 and 10% wake, cable and availability "
                      "losses: assumptions"}],
        "batteries": [{
            **battery("paired-storage", 1, 400_000, 200_000,
                      "storage beside offshore wind named in the plan; 200 MW / 400 MWh, "
                      "20% of the farm's capacity for 2 h, a pairing ratio several provinces "
                      "ask of new wind projects: assumption"),
            "pairedWith": {
                "windFarm": "offshore-wind", "sharedConnectionKW": 1_002_000,
                "source": "export cable sized to the farm's installed capacity: assumption"}}],
        "strategy": {
            "name": "optimal", "objective": {"peakChargePerKW": 0},
            "mpc": {"replanEveryMinutes": 60, "lookaheadHours": 24,
                    "forecast": {"wind": "persistence",
                                 "source": "for --strategy mpc: yesterday's wind as the "
                                           "forecast, a naive day-ahead forecast: "
                                           "assumption"}}},
        "responseTarget": TARGET,
        "source": "Shanghai plan: storage beside offshore wind; sizes are assumptions",
    }


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    scenarios = {f"citywide-2025-{v}.json": citywide(v) for v in ("today", "five-percent")}
    scenarios.update({
        "huangpu-commercial-vpp.json": huangpu(),
        "vehicle-grid-interaction.json": v2g(),
        "hengsha-island-microgrid.json": hengsha(),
        "hengsha-island-microgrid-islanded.json": hengsha(islanded=True),
        "independent-storage.json": storage_site(),
        "offshore-wind-storage.json": offshore_wind_storage(),
    })
    for name, scenario in scenarios.items():
        path = OUT / name
        path.write_text(json.dumps(scenario, indent=2, ensure_ascii=False) + "\n")
        print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
