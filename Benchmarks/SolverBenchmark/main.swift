import Foundation
import LinearAlgebra

// Solver benchmark: seeded dispatch instances (batteries and V2G EVs, 96 steps
// over a day by default; --steps 672 cuts the same day into 672 steps, whose
// coupling rows, as many as a week at 15 minutes has, make the Schur complement
// the larger part of the work)
// solved by vppsim's structured path and by HiGHS (simplex and IPM) in the same
// run; prints a Markdown table. Ratios, not pass/fail: wall-clock thresholds
// belong in a report, not a test.
//
//   swift run -c release SolverBenchmark [--sizes 100,1000,10000,100000]
//       [--highs-max 1000] [--highs-time-limit 900] [--seed 1] [--threads 2]
//       [--steps 96]
//
// HiGHS is run only for sizes <= --highs-max (it needs more than 10 minutes
// at 10,000 assets), through tools/solver/highs_solve.py.

let arguments = Array(CommandLine.arguments.dropFirst())

let usage = """
    SolverBenchmark: seeded dispatch instances solved by vppsim and by HiGHS; prints a table.

      SolverBenchmark [--sizes 100,1000,10000,100000] [--highs-max 1000]
          [--highs-time-limit 900] [--seed 1] [--threads 2] [--steps 96]
          [--highs-script PATH]
      SolverBenchmark --single N [--seed S] [--threads T] [--steps K] [--write-mps FILE]

    --sizes              fleet sizes (assets) to solve, each in its own process
    --highs-max          largest size also solved with HiGHS simplex and IPM (default 1000)
    --highs-time-limit   HiGHS time limit per solve, seconds (default 900)
    --steps              steps the day is cut into (default 96: 15 minutes)
    --single N           solve one size in this process and print its measurements as JSON
    """

if arguments.contains("--help") || arguments.contains("-h") {
    print(usage)
    exit(0)
}

func option(_ name: String) -> String? {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
    return arguments[i + 1]
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

let seed = option("--seed").flatMap(UInt64.init) ?? 1
let threads = option("--threads").flatMap(Int.init) ?? 2
let steps = option("--steps").flatMap(Int.init) ?? 96
if steps < 24 || steps % 24 != 0 { fail("--steps should be a positive multiple of 24") }

if arguments.contains("--kernels") {
    print("OpenBLAS \(OpenBLAS.summary); \(threads) threads")
    print(kernelReport(threads: threads))
    exit(0)
}

// Child mode: one size, JSON on standard output.
if let single = option("--single").flatMap(Int.init) {
    do {
        let run = try runSingle(
            assets: single, steps: steps, seed: seed, threads: threads,
            mpsPath: option("--write-mps"))
        print(String(decoding: try JSONEncoder().encode(run), as: UTF8.self))
        exit(0)
    } catch {
        fail("error: \(error)")
    }
}

let sizes = (option("--sizes") ?? "100,1000,10000,100000").split(separator: ",").compactMap {
    Int($0)
}
let highsMax = option("--highs-max").flatMap(Int.init) ?? 1000
let highsLimit = option("--highs-time-limit") ?? "900"
let script = option("--highs-script") ?? "tools/solver/highs_solve.py"
let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
    "vppsim-bench-\(ProcessInfo.processInfo.processIdentifier)")
try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: directory) }

var table = BenchmarkTable()
for n in sizes {
    let mps = directory.appendingPathComponent("dispatch_\(n).mps").path
    var child = [
        CommandLine.arguments[0], "--single", "\(n)", "--seed", "\(seed)",
        "--threads", "\(threads)", "--steps", "\(steps)",
    ]
    if n <= highsMax { child += ["--write-mps", mps] }
    do {
        let output = try runCommand(child)
        let run = try lastJSON(VppsimRun.self, in: output, from: child.joined(separator: " "))
        var highs: [String: HighsRun] = [:]
        if n <= highsMax {
            for method in ["simplex", "ipm"] {
                let command = [
                    "python3", script, mps, "--method", method, "--time-limit", highsLimit,
                ]
                let text = try runCommand(command)
                highs[method] = try lastJSON(
                    HighsRun.self, in: text, from: command.joined(separator: " "))
            }
            try? FileManager.default.removeItem(atPath: mps)
        }
        table.add(run, highs)
        FileHandle.standardError.write(Data("done: N=\(n)\n".utf8))
    } catch {
        fail("N=\(n): \(error)")
    }
}
print(table.render())
