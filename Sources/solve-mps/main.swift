import DispatchInstances
import Foundation
import Optimizer

// A small driver for the solver package:
//   solve-mps FILE.mps [--structured] [--json]
//   solve-mps generate --assets N --seed S [--quadratic] --out FILE.mps
//   solve-mps dispatch --assets N --seed S [--quadratic] [--general] [--json]

func option(_ name: String, in args: [String]) -> String? {
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    return args[i + 1]
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

func instance(_ args: [String]) -> DispatchInstance {
    guard let n = option("--assets", in: args).flatMap(Int.init), n >= 1 else {
        fail("--assets N is required (N >= 1)")
    }
    let seed = option("--seed", in: args).flatMap(UInt64.init) ?? 1
    return DispatchGenerator.make(
        assetCount: n, seed: seed, quadratic: args.contains("--quadratic"))
}

func json(_ r: SolveResult) -> String {
    "{\"status\": \"\(r.status.rawValue)\", \"objective\": \(r.objective), "
        + "\"iterations\": \(r.iterations), \"seconds\": \(r.solveTimeSeconds), "
        + "\"path\": \"\(r.pathDescription)\"}"
}

let args = Array(CommandLine.arguments.dropFirst())
guard let command = args.first else {
    fail("usage: solve-mps FILE.mps [--structured] [--json] | generate ... | dispatch ...")
}
do {
    switch command {
    case "generate":
        guard let out = option("--out", in: args) else { fail("generate needs --out FILE.mps") }
        try instance(args).model().writeMPS(to: out)
    case "dispatch":
        var settings = SolverSettings()
        settings.path = args.contains("--general") ? .general : .structured
        if let t = option("--threads", in: args).flatMap(Int.init) { settings.threads = t }
        if let f = option("--step", in: args).flatMap(Double.init) { settings.stepFraction = f }
        if let r = option("--refine", in: args).flatMap(Int.init) { settings.refinementSteps = r }
        if let k = option("--correctors", in: args).flatMap(Int.init) {
            settings.centralityCorrectors = k
        }
        let result = try instance(args).model().solve(settings: settings)
        print(args.contains("--json") ? json(result) : "\(result.status) \(result.objective)")
    default:
        var settings = SolverSettings()
        if args.contains("--structured") { settings.path = .structured }
        let report = try solveMPSFile(path: command, settings: settings)
        print(args.contains("--json") ? json(report.result) : report.description)
    }
} catch {
    fail("error: \(error)")
}
