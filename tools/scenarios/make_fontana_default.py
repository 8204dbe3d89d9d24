#!/usr/bin/env python3
"""Writes scenarios/fontana-summer-week.json, the bundled default scenario.

The scenario lists 17 homes, so it is generated rather than typed; every number carries its
source in a "source" field. Run from the repository root; the output is deterministic.
"""
import csv
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]
BUILDINGS = ROOT / "scenarios/data/fontana/buildings.csv"
OUT = ROOT / "scenarios/fontana-summer-week.json"

CITYLEARN = "CityLearn 2.1.2, citylearn_challenge_2022_phase_all (see data/SOURCES.md)"
CURTAILABLE_SHARE = 0.15


def main() -> None:
    with BUILDINGS.open() as f:
        homes = list(csv.DictReader(f))
    battery = homes[0]
    assert all(h["battery_capacity_kWh"] == battery["battery_capacity_kWh"] for h in homes)
    scenario = {
        "name": "fontana-summer-week",
        "description": (
            "17 measured zero-net-energy homes in Fontana, California, with rooftop PV, home "
            "batteries and one EV each, over the week of 2022-08-22 (the summer week with the "
            "highest community peak of load minus PV), at 15 minutes, under the homes' "
            "time-of-use tariff."),
        "seed": 42,
        "horizon": {
            "start": "2022-08-22T00:00:00", "durationHours": 168, "stepMinutes": 15,
            "source": "week chosen as the June-September week with the highest hourly peak of "
                      "community load minus PV (data/SOURCES.md)"},
        "tariff": {
            "importPrice": {"series": {"file": "data/fontana/price_usd_per_kWh.csv",
                                       "column": "price_usd_per_kWh"},
                            "source": CITYLEARN + ", pricing.csv"},
            "exportPricePerKWh": 0.0,
            "currency": "USD",
            "source": "export credit 0: assumption (no compensation for exported PV)"},
        "peakWindow": {"startHour": 16, "endHour": 21,
                       "source": "the tariff's peak-price hours, 16:00-21:00 (data/SOURCES.md)"},
        "baseLoads": [
            {"id": f"home-{h['building']}-load",
             "profile": {"file": "data/fontana/equipment_load_kW.csv",
                         "column": f"building_{h['building']}_kW"},
             "scale": 1 - CURTAILABLE_SHARE,
             "source": CITYLEARN + "; scale 0.85: assumption, the other 15% is curtailable"}
            for h in homes],
        "pv": [
            {"id": f"home-{h['building']}-pv",
             "profile": {"file": "data/fontana/pv_kW_per_kWp.csv",
                         "column": f"building_{h['building']}_kW_per_kWp"},
             "capacityKWp": float(h["pv_kWp"]),
             "source": CITYLEARN + ", schema.json pv.nominal_power"}
            for h in homes],
        "batteries": [{
            "id": "home-battery", "count": len(homes),
            "energyCapacityKWh": float(battery["battery_capacity_kWh"]),
            "maxChargePowerKW": float(battery["battery_power_kW"]),
            "maxDischargePowerKW": float(battery["battery_power_kW"]),
            "roundTripEfficiency": float(battery["battery_efficiency"]),
            "minimumSOC": 0.0, "maximumSOC": 1.0, "initialSOC": 0.5,
            "standingLossPerHour": float(battery["battery_loss_coefficient"]),
            "capacityFadePerFullCycle": float(battery["battery_capacity_loss_coefficient"]),
            "source": CITYLEARN + ", schema.json electrical_storage (capacity, nominal_power, "
                      "round-trip efficiency, loss and capacity-loss coefficients); SOC bounds 0-1 "
                      "as in CityLearn; initial SOC 0.5: assumption"}],
        "evFleets": [{
            "id": "home-ev", "count": len(homes), "location": "home",
            "statistics": "data/elaad", "models": "data/elaad/ev_specs.csv",
            "chargerMaxPowerKW": 7.4, "v2gShare": 0.0, "dailySessionProbability": 0.7,
            "departureTargetSOC": 0.9, "minimumArrivalSOC": 0.1,
            "chargeEfficiency": 0.92, "dischargeEfficiency": 0.92,
            "source": "sessions and vehicle models: ElaadNL statistics shipped with ev2gym 2.0.0 "
                      "(data/SOURCES.md); one EV per home, 7.4 kW single-phase home charger, "
                      "a session on 70% of days, 90% target, 10% minimum arrival SOC, 92% charger "
                      "efficiency: assumptions"}],
        "shiftableLoads": [{
            "id": "home-appliance", "count": len(homes), "energyKWh": 1.5, "maxPowerKW": 1.5,
            "windowStartHour": 17, "windowEndHour": 7, "preferredStartHour": 18,
            "source": "one dishwasher or laundry run a day per home, 1.5 kWh at 1.5 kW, "
                      "between 17:00 and 07:00, preferably started at 18:00: assumption"}],
        "curtailableLoads": [
            {"id": f"home-{h['building']}-flexible",
             "profile": {"file": "data/fontana/equipment_load_kW.csv",
                         "column": f"building_{h['building']}_kW"},
             "scale": CURTAILABLE_SHARE, "maxShedFraction": 1.0, "costPerKWhShed": 0.3,
             "reboundFraction": 0.5, "reboundMaxPowerKW": 1.0,
             "source": "15% of equipment load (pool pump, cooling, water heating) sheddable, "
                       "half of it paid back at up to 1 kW, discomfort cost 0.30 USD/kWh: "
                       "assumptions"}
            for h in homes],
        "strategy": {"name": "rule-based"},
        "responseTarget": {
            "reductionFraction": 0.05, "durationHours": 2,
            "source": "Shanghai green transition plan 2024-2027: demand-side peak response of at "
                      "least 5% of peak load by 2025; the 2 h duration is an assumption"},
    }
    OUT.write_text(json.dumps(scenario, indent=2) + "\n")


if __name__ == "__main__":
    main()
