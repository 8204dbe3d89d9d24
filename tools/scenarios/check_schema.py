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

# Each must be rejected. The name says why.
BAD_SCENARIOS = {
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
}

# Each must be accepted: the new sections in their simplest valid forms.
GOOD_SCENARIOS = {
    "source in a profile object": with_change(lambda s: s.update(baseLoads=[{
        "id": "l", "profile": {"file": "x.csv", "column": "kW", "source": "x"}}])),
    "mpc with every section": with_change(lambda s: s.update(
        responseTarget={"reductionFraction": 0.05, "durationHours": 2},
        strategy={"name": "mpc", "objective": {"peakTarget": {"reductionFraction": 0.1}},
                  "mpc": {"replanEveryMinutes": 60, "lookaheadHours": 24,
                          "forecast": {"baseLoad": "noisy", "baseLoadError": 0.1,
                                       "pv": "persistence"}}})),
}


def scenario_files():
    for path in sorted(SCENARIO_DIR.rglob("*.json")):
        if DATA_DIR in path.parents:
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
