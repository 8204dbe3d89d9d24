"""Validates every scenario under scenarios/ against docs/scenario.schema.json.

Also checks that the schema rejects a few deliberately bad scenarios, so that a schema
which accepts everything cannot make this check pass. Exits 1 on any failure.

Usage: python3 tools/scenarios/check_schema.py   (from anywhere; paths are from the repo)
"""

import copy
import json
import sys
from pathlib import Path

from jsonschema import Draft202012Validator

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_PATH = ROOT / "docs" / "scenario.schema.json"
SCENARIO_DIR = ROOT / "scenarios"
DATA_DIR = SCENARIO_DIR / "data"

MINIMAL = {
    "name": "minimal",
    "horizon": {"start": "2022-08-22T00:00:00", "durationHours": 24},
    "tariff": {"importPrice": {"constantPerKWh": 0.2}},
}


def with_change(change):
    scenario = copy.deepcopy(MINIMAL)
    change(scenario)
    return scenario


BATTERY = {
    "id": "b", "energyCapacityKWh": 10, "maxChargePowerKW": 5, "maxDischargePowerKW": 5,
}

WIND_FARM = {
    "id": "w", "turbineCount": 2, "hubHeightM": 100, "shearExponent": 0.11,
    "turbine": {"ratedPowerKW": 6000, "cutInSpeedMPerS": 3, "ratedSpeedMPerS": 12,
                "cutOutSpeedMPerS": 25},
    "windSpeed": {"file": "wind.csv", "column": "speed", "heightM": 10},
}
PAIRED_BATTERY = dict(BATTERY, pairedWith={"windFarm": "w", "sharedConnectionKW": 12000})

EVENT = {
    "id": "e1", "start": "2022-08-22T17:00:00", "end": "2022-08-22T19:00:00",
    "notice": "2022-08-22T12:00:00", "targetKW": 5,
}

GENERATOR = {
    "id": "summer", "eventsPerMonth": [0, 0, 0, 0, 0, 1, 2, 2, 1, 0, 0, 0],
    "earliestStartHour": 16, "latestStartHour": 19, "durationHours": [1, 2],
    "targetPercent": 5,
}

FLEET = {
    "id": "cars", "count": 2000000, "agents": 500,
    "sessionModel": {"arrivalHour": {"mean": 19, "sd": 2},
                     "connectedHours": {"mean": 11, "sd": 2, "min": 1, "max": 24},
                     "energyKWh": {"mean": 14, "sd": 6, "min": 1}},
    "batteryCapacityKWh": 60,
    "chargerOptions": [{"maxPowerKW": 7, "share": 0.8}, {"maxPowerKW": 11, "share": 0.2}],
}

THERMOSTATIC = {
    "id": "t", "thermalResistanceCPerKW": 2, "thermalCapacitanceKWhPerC": 10,
    "coefficientOfPerformance": 3, "maxPowerKW": 5, "minimumTemperatureC": 22,
    "maximumTemperatureC": 26, "setpointC": 24,
    "outdoorTemperature": {"file": "t.csv", "column": "C"},
}

# Each must be rejected. The name says why.
BAD_SCENARIOS = {
    "wind farm without a measurement height": with_change(lambda s: s.update(windFarms=[
        dict(WIND_FARM, windSpeed={"file": "wind.csv", "column": "speed"})])),
    "wind farm with a negative shear exponent": with_change(
        lambda s: s.update(windFarms=[dict(WIND_FARM, shearExponent=-0.1)])),
    "paired battery without a shared connection": with_change(lambda s: s.update(
        windFarms=[WIND_FARM], batteries=[dict(BATTERY, pairedWith={"windFarm": "w"})])),
    "noisy wind forecast without its error": with_change(lambda s: s.update(strategy={
        "name": "mpc", "mpc": {"forecast": {"wind": "noisy"}}})),
    "fleet with both statistics and sessionModel": with_change(
        lambda s: s.update(evFleets=[dict(FLEET, statistics="data/elaad")])),
    "fleet with both chargerMaxPowerKW and chargerOptions": with_change(
        lambda s: s.update(evFleets=[dict(FLEET, chargerMaxPowerKW=7)])),
    "base load with both scale and peakKW": with_change(lambda s: s.update(baseLoads=[
        {"id": "l", "profile": {"file": "x.csv", "column": "kW"}, "scale": 1, "peakKW": 5}])),
    "arrival hour beyond 48": with_change(lambda s: s.update(evFleets=[dict(
        FLEET, sessionModel=dict(FLEET["sessionModel"], arrivalHour={"mean": 50, "sd": 1}))])),
    "negative import limit": with_change(
        lambda s: s.update(gridConnection={"importLimitKW": -1})),
    "agents as a fraction": with_change(
        lambda s: s.update(batteries=[dict(BATTERY, count=10, agents=2.5)])),
    "unknown top-level key": with_change(lambda s: s.update(horizn={})),
    "unknown key in horizon": with_change(lambda s: s["horizon"].update(stepMinute=15)),
    "negative battery capacity": with_change(
        lambda s: s.update(batteries=[dict(BATTERY, energyCapacityKWh=-1)])),
    "zero charge power (must be > 0)": with_change(
        lambda s: s.update(batteries=[dict(BATTERY, maxChargePowerKW=0)])),
    "durationHours as a string": with_change(lambda s: s["horizon"].update(durationHours="24")),
    "stepMinutes not in the allowed list": with_change(lambda s: s["horizon"].update(stepMinutes=7)),
    "two import price forms": with_change(
        lambda s: s["tariff"]["importPrice"].update(touSchedule="t.json")),
    "roundTripEfficiency with chargeEfficiency": with_change(
        lambda s: s.update(batteries=[dict(BATTERY, roundTripEfficiency=0.9, chargeEfficiency=0.95)])),
    "unknown strategy": with_change(lambda s: s.update(strategy={"name": "greedy"})),
    "missing name": with_change(lambda s: s.pop("name")),
    "source in a profile object that is not a string": with_change(lambda s: s.update(baseLoads=[{
        "id": "l", "profile": {"file": "x.csv", "column": "kW", "source": 3}}])),
    "null value": with_change(lambda s: s.update(description=None)),
    "id with a non-ASCII letter": with_change(
        lambda s: s.update(batteries=[dict(BATTERY, id="b\u00e4")])),
    "the former key sessionsPerDay": with_change(lambda s: s.update(evFleets=[{
        "id": "f", "statistics": "data/elaad", "batteryCapacityKWh": 50, "chargerMaxPowerKW": 7,
        "sessionsPerDay": 0.7}])),
    "responseTarget fraction above 1": with_change(
        lambda s: s.update(responseTarget={"reductionFraction": 5})),
    "responseTarget duration of 0": with_change(lambda s: s.update(responseTarget={"durationHours": 0})),
    "unknown key in responseTarget": with_change(lambda s: s.update(responseTarget={"fraction": 0.05})),
    "thermostatic load without outdoorTemperature": with_change(lambda s: s.update(
        thermostaticLoads=[{k: v for k, v in THERMOSTATIC.items() if k != "outdoorTemperature"}])),
    "thermostatic COP above 20": with_change(
        lambda s: s.update(thermostaticLoads=[dict(THERMOSTATIC, coefficientOfPerformance=25)])),
    "thermostatic comfort band edge at 80 C": with_change(
        lambda s: s.update(thermostaticLoads=[dict(THERMOSTATIC, maximumTemperatureC=80)])),
    "thermostatic count of 0": with_change(
        lambda s: s.update(thermostaticLoads=[dict(THERMOSTATIC, count=0)])),
    "unknown key in a thermostatic load": with_change(
        lambda s: s.update(thermostaticLoads=[dict(THERMOSTATIC, setpoint=24)])),
    "negative preCoolHours": with_change(
        lambda s: s.update(strategy={"ruleBased": {"preCoolHours": -1}})),
    "unknown key in objective": with_change(
        lambda s: s.update(strategy={"objective": {"peakCharge": 1}})),
    "negative objective weight": with_change(
        lambda s: s.update(strategy={"objective": {"degradationCostPerKWh": -1}})),
    "peakTarget penalty of 0": with_change(
        lambda s: s.update(strategy={"objective": {"peakTarget": {"shortfallPenaltyPerKWh": 0}}})),
    "mpc re-plan interval not a whole number": with_change(
        lambda s: s.update(strategy={"mpc": {"replanEveryMinutes": 7.5}})),
    "unknown forecast method": with_change(
        lambda s: s.update(strategy={"mpc": {"forecast": {"pv": "climatology"}}})),
    "noisy forecast without its error": with_change(
        lambda s: s.update(strategy={"mpc": {"forecast": {"baseLoad": "noisy"}}})),
    "forecast error without noisy": with_change(
        lambda s: s.update(strategy={"mpc": {"forecast": {"pvError": 0.1}}})),
    "name starting with a dot": with_change(lambda s: s.update(name=".hidden")),
    "name with a slash": with_change(lambda s: s.update(name="a/b")),
    "name longer than 100 characters": with_change(lambda s: s.update(name="n" * 101)),
    "horizon longer than 87600 h": with_change(lambda s: s["horizon"].update(durationHours=87601)),
    "number above 1e9": with_change(
        lambda s: s.update(batteries=[dict(BATTERY, energyCapacityKWh=2e9)])),
    "seed above 1e9": with_change(lambda s: s.update(seed=2000000000)),
    "unknown key in events": with_change(lambda s: s.update(events={"lists": []})),
    "events as a list": with_change(lambda s: s.update(events=[EVENT])),
    "event without a notice": with_change(lambda s: s.update(events={"list": [
        {k: v for k, v in EVENT.items() if k != "notice"}]})),
    "event with both targets": with_change(
        lambda s: s.update(events={"list": [dict(EVENT, targetPercent=5)]})),
    "event with no target": with_change(lambda s: s.update(events={"list": [
        {k: v for k, v in EVENT.items() if k != "targetKW"}]})),
    "event target percent above 100": with_change(lambda s: s.update(events={"list": [
        dict({k: v for k, v in EVENT.items() if k != "targetKW"}, targetPercent=150)]})),
    "unknown event kind": with_change(
        lambda s: s.update(events={"list": [dict(EVENT, kind="loadShedding")]})),
    "event id with a space": with_change(
        lambda s: s.update(events={"list": [dict(EVENT, id="hot day")]})),
    "generator with 11 months": with_change(lambda s: s.update(events={"generators": [
        dict(GENERATOR, eventsPerMonth=[1] * 11)]})),
    "generator with no durations": with_change(
        lambda s: s.update(events={"generators": [dict(GENERATOR, durationHours=[])]})),
    "generator notice hour of 24": with_change(
        lambda s: s.update(events={"generators": [dict(GENERATOR, dayAheadNoticeHour=24)]})),
    "unknown participation class": with_change(
        lambda s: s.update(events={"participation": {"heatPumps": {"enrolledShare": 0.5}}})),
    "enrolled share above 1": with_change(
        lambda s: s.update(events={"participation": {"evs": {"enrolledShare": 1.5}}})),
    "baseline history above 366 days": with_change(
        lambda s: s.update(events={"baselineHistoryDays": 367})),
    "baseline history of half a day": with_change(
        lambda s: s.update(events={"baselineHistoryDays": 0.5})),
    "baseline history as text": with_change(
        lambda s: s.update(events={"baselineHistoryDays": "7"})),
    "empty baselines list": with_change(lambda s: s.update(baselines=[])),
    "baselines as an object": with_change(
        lambda s: s.update(baselines={"id": "b", "method": "averageOfRecent"})),
    "unknown baseline method": with_change(
        lambda s: s.update(baselines=[{"id": "b", "method": "median"}])),
    "outOf with averageOfRecent": with_change(
        lambda s: s.update(baselines=[{"id": "b", "method": "averageOfRecent", "outOf": 10}])),
    "adjustment window without an adjustment": with_change(lambda s: s.update(
        baselines=[{"id": "b", "method": "highestOf", "adjustmentWindowHours": 2}])),
    "baseline days above 90": with_change(
        lambda s: s.update(baselines=[{"id": "b", "method": "highestOf", "days": 91}])),
    "penaltyPerKWShort without its price": with_change(
        lambda s: s.update(settlement={"underDelivery": "penaltyPerKWShort"})),
    "penalty price with proRata": with_change(
        lambda s: s.update(settlement={"penaltyPerKWShort": 1.5})),
    "negative capacity price": with_change(
        lambda s: s.update(settlement={"capacityPricePerKW": -1})),
    "unknown capacity basis": with_change(
        lambda s: s.update(settlement={"capacityBasis": "offered"})),
    "unknown key in settlement": with_change(lambda s: s.update(settlement={"price": 1})),
}

# Each must be accepted: the new sections in their simplest valid forms.
GOOD_SCENARIOS = {
    "an islanded site": with_change(
        lambda s: s.update(gridConnection={"importLimitKW": 0, "exportLimitKW": 0,
                                           "source": "assumption"})),
    "a population fleet with a session model and a charger mix": with_change(
        lambda s: s.update(evFleets=[FLEET], batteries=[dict(BATTERY, count=100, agents=1)])),
    "source in a profile object": with_change(lambda s: s.update(baseLoads=[{
        "id": "l", "profile": {"file": "x.csv", "column": "kW", "source": "x"}}])),
    "mpc with every section": with_change(lambda s: s.update(
        responseTarget={"reductionFraction": 0.05, "durationHours": 2},
        strategy={"name": "mpc", "objective": {"peakTarget": {"reductionFraction": 0.1}},
                  "mpc": {"replanEveryMinutes": 60, "lookaheadHours": 24,
                          "forecast": {"baseLoad": "noisy", "baseLoadError": 0.1,
                                       "pv": "persistence"}}})),
    "wind farm with paired storage and a noisy wind forecast": with_change(lambda s: s.update(
        windFarms=[dict(WIND_FARM, lossFraction=0.1, source="assumption")],
        batteries=[PAIRED_BATTERY],
        strategy={"name": "mpc", "mpc": {"forecast": {"wind": "noisy", "windError": 0.2}}})),
    "thermostatic load in its simplest form": with_change(
        lambda s: s.update(thermostaticLoads=[THERMOSTATIC])),
    "thermostatic load with every key": with_change(lambda s: s.update(
        thermostaticLoads=[dict(THERMOSTATIC, count=4, initialTemperatureC=30,
                                internalGainKW=2, source="assumption")],
        strategy={"ruleBased": {"preCoolHours": 3},
                  "objective": {"discomfortPenaltyPerDegreeHour": 50}})),
    "name with dots, dashes and underscores": with_change(lambda s: s.update(name="site_A-2.v1")),
    "horizon of exactly 87600 h": with_change(lambda s: s["horizon"].update(durationHours=87600)),
    "demand-response sections in their simplest forms": with_change(lambda s: s.update(
        events={"list": [EVENT]}, baselines=[{"id": "10of10", "method": "averageOfRecent"}],
        settlement={})),
    "demand-response sections with every key": with_change(lambda s: s.update(
        events={
            "list": [dict(EVENT, kind="valleyFilling", source="assumption")],
            "generators": [dict(GENERATOR, kind="peakShaving", weekdaysOnly=False,
                                startStepMinutes=30, durationWeights=[1, 2],
                                dayAheadShare=0.5, dayAheadNoticeHour=16,
                                sameDayNoticeLeadHours=2, source="assumption")],
            "participation": {
                "batteries": {"enrolledShare": 1},
                "evs": {"enrolledShare": 0.3, "optOutProbability": 0.2, "source": "assumption"},
                "shiftableLoads": {}, "curtailableLoads": {"optOutProbability": 0.1},
                "source": "assumption"},
            "baselineHistoryDays": 10,
            "source": "assumption"},
        baselines=[
            {"id": "10of10", "method": "averageOfRecent", "days": 10, "dayType": "allDays",
             "lookbackDays": 45, "adjustment": "none"},
            {"id": "5of10-add", "method": "highestOf", "days": 5, "outOf": 10,
             "adjustment": "additive", "adjustmentWindowHours": 2,
             "adjustmentCapFraction": 0.2, "source": "assumption"}],
        settlement={"capacityPricePerKW": 3, "capacityBasis": "delivered",
                    "energyPricePerKWh": 0.5, "performanceThreshold": 0.8,
                    "underDelivery": "penaltyPerKWShort", "penaltyPerKWShort": 1.5,
                    "reboundWindowHours": 2, "source": "assumption"})),
}


def scenario_files():
    for path in sorted(SCENARIO_DIR.rglob("*.json")):
        # data files and TOU schedules (tariffs/ folders) are not scenarios
        if DATA_DIR in path.parents or "tariffs" in path.relative_to(SCENARIO_DIR).parts:
            continue
        yield path


def main():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    failures = 0

    files = list(scenario_files())
    if not files:
        print(f"no scenario files found under {SCENARIO_DIR}")
        failures += 1
    for path in files:
        errors = sorted(validator.iter_errors(json.loads(path.read_text(encoding="utf-8"))),
                        key=lambda error: list(error.absolute_path))
        for error in errors:
            where = "/".join(str(part) for part in error.absolute_path) or "(top level)"
            print(f"{path.relative_to(ROOT)}: {where}: {error.message}")
        failures += bool(errors)
        print(f"{'FAIL' if errors else 'ok  '} {path.relative_to(ROOT)}")

    if list(validator.iter_errors(MINIMAL)):
        print("FAIL the minimal scenario is rejected")
        failures += 1
    for reason, scenario in BAD_SCENARIOS.items():
        rejected = not validator.is_valid(scenario)
        print(f"{'ok  ' if rejected else 'FAIL'} rejects: {reason}")
        failures += not rejected
    for reason, scenario in GOOD_SCENARIOS.items():
        accepted = validator.is_valid(scenario)
        print(f"{'ok  ' if accepted else 'FAIL'} accepts: {reason}")
        failures += not accepted

    checks = len(files) + 1 + len(BAD_SCENARIOS) + len(GOOD_SCENARIOS)
    print(f"{checks - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
