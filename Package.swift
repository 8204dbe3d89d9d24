// swift-tools-version:6.0
import Foundation
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

/// Swift compiles for the x86-64 baseline (SSE2) unless told otherwise, so the solver's
/// elementwise kernels ran two doubles at a time or as scalars. When the building machine
/// has the instructions of a Haswell (AVX2, FMA, BMI; nearly every x86-64 server since
/// 2013), the solver's modules target them. Measured with `SolverBenchmark --kernels`:
/// the scaling kernel ran at 1.9 to 2.3 times the time of a plain pass over its vectors
/// while they were in cache, and now at 0.9 to 1.05 times; from memory both were at its
/// speed. Dispatch benchmark (3 and 2 interleaved runs): 1,000 assets 0.395-0.413 ->
/// 0.375-0.386 s, 10,000 assets 4.37-4.53 -> 4.08-4.15 s. Results are bit for bit the
/// same: Swift does not contract `a * b + c` into fused multiply-adds, and the vectorizer
/// does not reorder sums. Set `VPPSIM_PORTABLE_BUILD=1` to build for the baseline (for a
/// binary that will run on other machines).
let hostVectorSettings: [SwiftSetting] = {
    #if os(Linux) && arch(x86_64)
    if ProcessInfo.processInfo.environment["VPPSIM_PORTABLE_BUILD"] != nil { return [] }
    guard let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
        let line = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("flags") })
    else { return [] }
    let flags = Set(line.split(separator: " ").map(String.init))
    let haswell: Set = ["avx", "avx2", "fma", "bmi1", "bmi2", "f16c", "movbe", "popcnt", "abm"]
    return haswell.isSubset(of: flags) ? [.unsafeFlags(["-target-cpu", "haswell"])] : []
    #else
    return []
    #endif
}()

/// The solver's modules are written for the Swift 5 language mode, and compiled for the
/// vector instructions of the machine that builds them (see `hostVectorSettings`).
let swift5: [SwiftSetting] = [.swiftLanguageMode(.v5)] + hostVectorSettings

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
