// swift-tools-version:6.0
import PackageDescription

/// vppsim: a virtual power plant demand-response simulator.
///
/// The targets form layers; each depends only on the ones above it:
///   VPPCore      civil time, time grids, seeded randomness, logging, tolerances
///   InputData    strict CSV reading, time-series resampling, ElaadNL tables, TOU tariffs
///   Assets       battery, EV charger, shiftable and curtailable load physics
///   Engine       the simulation loop, the strategy protocol, the recorder, invariants
///   Strategies   uncontrolled and rule-based dispatch
///   Scenario     JSON scenario files: strict reading, validation, building the inputs
///   Results      timeseries.csv, summary.csv and summary.json, atomic output folders
///   DemandResponse  DR events, customer baselines (CBL) and settlement
///   Studies      comparing runs, strategy benchmarks, sweeps and HTML reports
///   vppsim       the command-line interface
let package = Package(
    name: "vppsim",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "vppsim", targets: ["vppsim"]),
    ],
    targets: [
        .target(name: "VPPCore"),
        .target(name: "InputData", dependencies: ["VPPCore"]),
        .target(name: "Assets", dependencies: ["VPPCore"]),
        .target(name: "Engine", dependencies: ["VPPCore", "Assets"]),
        .target(name: "Strategies", dependencies: ["VPPCore", "Assets", "Engine"]),
        .target(
            name: "Scenario",
            dependencies: ["VPPCore", "InputData", "Assets", "Engine", "Strategies"]
        ),
        .target(name: "Results", dependencies: ["VPPCore", "Engine"]),
        .target(name: "DemandResponse", dependencies: ["VPPCore", "InputData", "Engine"]),
        .target(
            name: "Studies",
            dependencies: ["VPPCore", "InputData", "Engine", "Strategies", "Scenario", "Results"]
        ),
        .executableTarget(
            name: "vppsim",
            dependencies: [
                "VPPCore", "InputData", "Engine", "Strategies", "Scenario", "Results",
                "DemandResponse", "Studies",
            ]
        ),
        .testTarget(
            name: "VPPSimTests",
            dependencies: [
                "VPPCore", "InputData", "Assets", "Engine", "Strategies", "Scenario", "Results",
                "DemandResponse", "Studies",
            ],
            exclude: ["Golden"]
        ),
    ]
)
