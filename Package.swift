// swift-tools-version:6.0
import PackageDescription

/// vppsim: a virtual power plant demand-response simulator.
///
/// The targets form layers; each depends only on the ones above it:
///   CLapack, LinearAlgebra   OpenBLAS and LAPACKE, and a typed layer over them
///   Optimizer    the interior-point LP/QP solver, model building, MPS files
///   VPPCore      civil time, time grids, seeded randomness, logging, tolerances
///   InputData    strict CSV reading, time-series resampling, ElaadNL tables, TOU tariffs
///   Assets       battery, EV charger, shiftable and curtailable load physics
///   Engine       the simulation loop, the strategy protocol, the recorder, invariants
///   OptimalDispatch  dispatch as an optimisation problem: optimal and model-predictive
///   Strategies   uncontrolled and rule-based dispatch, and the registry of all strategies
///   Scenario     JSON scenario files: strict reading, validation, building the inputs
///   Results      timeseries.csv, summary.csv and summary.json, atomic output folders
///   DemandResponse  DR events, customer baselines (CBL) and settlement
///   Studies      comparing runs, strategy benchmarks, sweeps and HTML reports
///   vppsim       the command-line interface
/// The solver's modules are written for the Swift 5 language mode.
let swift5: [SwiftSetting] = [.swiftLanguageMode(.v5)]

let package = Package(
    name: "vppsim",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "vppsim", targets: ["vppsim"]),
    ],
    targets: [
        .systemLibrary(
            name: "CLapack",
            path: "Sources/CLapack",
            pkgConfig: "lapacke",
            providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]
        ),
        .target(name: "LinearAlgebra", dependencies: ["CLapack"], swiftSettings: swift5),
        .target(
            name: "Optimizer", dependencies: ["LinearAlgebra"], exclude: ["README.md"],
            swiftSettings: swift5
        ),
        .target(name: "DispatchInstances", dependencies: ["Optimizer"], swiftSettings: swift5),
        .executableTarget(
            name: "solve-mps", dependencies: ["Optimizer", "DispatchInstances", "LinearAlgebra"],
            swiftSettings: swift5
        ),
        .executableTarget(
            name: "SolverBenchmark",
            dependencies: ["Optimizer", "DispatchInstances", "LinearAlgebra", "VPPCore"],
            path: "Benchmarks/SolverBenchmark", swiftSettings: swift5
        ),
        .testTarget(
            name: "OptimizerTests", dependencies: ["Optimizer", "DispatchInstances", "LinearAlgebra"],
            swiftSettings: swift5
        ),
        .target(name: "VPPCore"),
        .target(name: "InputData", dependencies: ["VPPCore"]),
        .target(name: "Assets", dependencies: ["VPPCore"]),
        .target(name: "Engine", dependencies: ["VPPCore", "Assets"]),
        .target(
            name: "OptimalDispatch", dependencies: ["VPPCore", "Assets", "Engine", "Optimizer"]
        ),
        .target(name: "Strategies", dependencies: ["VPPCore", "Assets", "Engine", "OptimalDispatch"]),
        .target(
            name: "Scenario",
            dependencies: ["VPPCore", "InputData", "Assets", "Engine", "Strategies", "DemandResponse"]
        ),
        .target(name: "Results", dependencies: ["VPPCore", "Engine"]),
        .target(name: "DemandResponse", dependencies: ["VPPCore", "InputData", "Engine"]),
        .target(
            name: "Studies",
            dependencies: [
                "VPPCore", "InputData", "Engine", "Strategies", "OptimalDispatch", "Scenario", "Results",
                "DemandResponse",
            ]
        ),
        .executableTarget(
            name: "vppsim",
            dependencies: [
                "VPPCore", "InputData", "Engine", "Strategies", "Scenario", "Results",
                "DemandResponse", "Studies", "Optimizer", "LinearAlgebra",
            ]
        ),
        .testTarget(
            name: "VPPSimTests",
            dependencies: [
                "VPPCore", "InputData", "Assets", "Engine", "Strategies", "Scenario", "Results",
                "DemandResponse", "Studies", "OptimalDispatch", "Optimizer",
            ],
            exclude: ["Golden"]
        ),
    ]
)
