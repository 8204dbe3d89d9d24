import VPPCore

enum HelpText {
    static let commandNames = [
        "run", "validate", "strategies", "compare", "bench", "sweep", "merge", "resolution",
        "report", "solve", "version", "help",
    ]

    static let overview = """
    vppsim \(CommandLineInterface.version): a virtual power plant demand-response simulator.

    It runs a scenario (a JSON file naming load, PV, tariff, batteries, EVs and flexible
    loads) step by step under a dispatch strategy and writes CSV results for plotting.

    USAGE
      vppsim <command> [options]

    COMMANDS
      run [SCENARIO]        run a scenario (the bundled default when none is given)
      validate SCENARIO     check a scenario and its data files without running it
      strategies            list the dispatch strategies
      solve FILE.mps        solve an LP/QP from an MPS file with vppsim's optimiser
      compare RUN...        runs or scenarios side by side, against a reference
      bench SCENARIO...     every strategy on every scenario over seeds, with a ranking
      sweep SCENARIO        a grid of values of scenario fields (--set), in shards if wanted
      merge SHARD_DIR...    join a sweep's shards into one folder
      resolution SCENARIO   how results move with the number of representative agents
      report RUN_DIR        a self-contained HTML page of a run's charts
      version               print the version and the linear-algebra back end
      help [COMMAND]        show help for a command

    EXAMPLES
      vppsim run                                   # the default Fontana summer week
      vppsim run scenarios/fontana-summer-week.json --strategy uncontrolled --out out/u
      vppsim validate my-scenario.json
      vppsim compare results/a results/b           # two runs side by side
      vppsim bench my.json --strategies uncontrolled,rule-based --seeds 5
      vppsim sweep my.json --set evFleets.0.count=10,20,40 --shard 1/4
      vppsim report results/fontana-summer-week-rule-based

    EXIT STATUS
      0 success; 1 the run failed (results are not written); 2 the command line or the
      scenario is wrong (nothing is run or written).

    Scenario fields are documented in docs/scenario.md; result columns in docs/results.md.
    """

    static let run = """
    vppsim run: simulate a scenario and write its results.

    USAGE
      vppsim run [SCENARIO] [--strategy NAME] [--seed N] [--agents N] [--out DIR]
                 [--write-mps DIR] [--quiet] [--check-invariants] [--verbose]

    ARGUMENTS
      SCENARIO              a scenario JSON file; without it, the bundled default
                            scenarios/fontana-summer-week.json is run

    OPTIONS
      --strategy NAME       dispatch strategy, overriding the scenario's (see 'vppsim strategies')
      --seed N              random seed (0 to 1000000000), overriding the scenario's; it
                            drives EV session sampling, so results depend on it
      --agents N            simulate every population entry (an entry with a 'count') with
                            N representative agents, each standing for count/N devices,
                            instead of the scenario's 'agents'; 'vppsim help resolution'
                            shows how much results move with N
      --out DIR             result folder (default: results/<scenario name>-<strategy>); an
                            existing result folder there is replaced
      --write-mps DIR       write every optimiser model (dispatch plans, capability) to DIR
                            as MPS before solving it, numbered in solve order, to hand to
                            another solver; powers are in the model's unit (a power of two
                            kW, 1 for sites below about a megawatt)
      --quiet               no progress or summary on the terminal
      --check-invariants    check energy balance and SOC bounds every step (always on in
                            debug builds)
      --verbose             log what is being done to standard error

    The uncontrolled strategy is always run as well: it is the reference for the peak
    reduction and cost change in the summary.

    OUTPUT (in DIR)
      timeseries.csv        one row per step: loads, PV, EV, battery, flexible and net load
                            (kW), prices, stored energy; units in the headers
      summary.csv           one row of key figures; summary.json holds the same
      ev_sessions.csv       every EV session: arrival, departure, energies, unmet energy
      capability.csv        with a responseTarget: the response capability by asset class
      events.csv            with events, baselines or settlement: each event settled
      solves.csv            optimal and mpc: one row per optimiser solve
      binding.csv           optimal and mpc with a peakTarget or events: assets at a limit
                            where the plan fell short of its cap
      (docs/results.md describes every column)

    EXAMPLES
      vppsim run
      vppsim run scenarios/fontana-summer-week.json --strategy uncontrolled --seed 7
      vppsim run my.json --out results/my-run --quiet
    """

    static let validate = """
    vppsim validate: check a scenario without running it.

    USAGE
      vppsim validate SCENARIO [--agents N]

    Reads the scenario and every data file it names, checks every field and row, samples
    the EV sessions and reports the first problem with the file, field, value and what is
    allowed. Exits 0 and prints a one-line description when the scenario is valid, 2 if not.

    OPTIONS
      --agents N            check it as 'vppsim run --agents N' would run it: every
                            population entry with N representative agents

    EXAMPLE
      vppsim validate scenarios/fontana-summer-week.json
    """

    static let strategies = """
    vppsim strategies: list the dispatch strategies and what they do.

    USAGE
      vppsim strategies
    """

    static func show(topic: String?) -> ExitStatus {
        switch topic {
        case nil: print(overview)
        case "run": print(run)
        case "validate": print(validate)
        case "strategies": print(strategies)
        case "compare": print(CompareCommand.help)
        case "bench": print(BenchCommand.help)
        case "sweep": print(SweepCommand.help)
        case "merge": print(MergeCommand.help)
        case "resolution": print(ResolutionCommand.help)
        case "report": print(ReportCommand.help)
        case "solve": print(SolveCommand.help)
        case "version": print("vppsim version: print the version and the BLAS/LAPACK back end in use.")
        case "help", "--help", "-h": print(overview)
        case let other?:
            writeHelpError(
                "no help for '\(other)'; the commands are: \(commandNames.joined(separator: ", "))")
            return .usage
        }
        return .success
    }

    private static func writeHelpError(_ text: String) {
        writeToStandardError("vppsim: error: \(text)\n")
    }
}
