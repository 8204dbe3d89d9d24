import DispatchInstances
import Foundation
import LinearAlgebra
import Optimizer
import VPPCore

/// One vppsim solve of a seeded dispatch instance, measured in its own process
/// so that the peak memory belongs to that size alone.
struct VppsimRun: Codable {
    var assets: Int
    var variables: Int
    var rows: Int
    var status: String
    var objective: Double
    var iterations: Int
    var buildSeconds: Double
    var solveSeconds: Double
    var peakMiB: Double
    /// User + system CPU seconds of the solve (all threads).
    var cpuSeconds: Double
    var path: String
    var openBLAS: String
}

func cpuSecondsUsed() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

/// Builds and solves one instance; writes its MPS file first when `mpsPath` is set.
func runSingle(
    assets: Int, steps: Int, seed: UInt64, threads: Int, mpsPath: String?
) throws -> VppsimRun {
    let started = Date()
    let instance = DispatchGenerator.make(assetCount: assets, seed: seed, steps: steps)
    let model = instance.model()
    let built = Date().timeIntervalSince(started)
    if let mpsPath { try model.writeMPS(to: mpsPath) }
    var settings = SolverSettings()
    settings.path = .structured
    settings.threads = threads
    let cpuBefore = cpuSecondsUsed()
    let result = try model.solve(settings: settings)
    let cpuSolve = cpuSecondsUsed() - cpuBefore
    return VppsimRun(
        assets: assets, variables: model.variableCount, rows: model.rowCount,
        status: result.status.rawValue, objective: result.objective,
        iterations: result.iterations, buildSeconds: built,
        solveSeconds: result.solveTimeSeconds, peakMiB: ResourceUse.peakResidentMiB(),
        cpuSeconds: cpuSolve,
        path: result.pathDescription, openBLAS: OpenBLAS.summary)
}

/// What `tools/solver/highs_solve.py` prints.
struct HighsRun: Codable {
    var status: String
    var objective: Double
    var seconds: Double
    var iterations: Int
    var peak_rss_mib: Double
    var cpu_seconds: Double
}

/// Runs a command and returns its standard output; throws on a non-zero exit.
func runCommand(_ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw BenchmarkError.commandFailed(arguments.joined(separator: " "))
    }
    return String(decoding: data, as: UTF8.self)
}

enum BenchmarkError: Error, CustomStringConvertible {
    case commandFailed(String)
    case badOutput(String)

    var description: String {
        switch self {
        case .commandFailed(let c): return "command failed: \(c)"
        case .badOutput(let c): return "could not read the output of: \(c)"
        }
    }
}

/// The last line of `output` that parses as `T` from JSON.
func lastJSON<T: Decodable>(_ type: T.Type, in output: String, from command: String) throws -> T {
    for line in output.split(separator: "\n").reversed() where line.hasPrefix("{") {
        if let value = try? JSONDecoder().decode(T.self, from: Data(line.utf8)) { return value }
    }
    throw BenchmarkError.badOutput(command)
}
