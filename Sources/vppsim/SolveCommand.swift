import LinearAlgebra
import Optimizer
import VPPCore

/// `vppsim solve FILE.mps`: solve a linear or quadratic program with vppsim's optimiser.
enum SolveCommand {
    static let help = """
    vppsim solve: solve an optimisation problem from an MPS file with vppsim's optimiser.

    USAGE
      vppsim solve FILE.mps [--tolerance T] [--max-iterations N]

    Reads a linear program (or a convex quadratic one, with a QUADOBJ/QMATRIX section of
    diagonal terms) in free MPS format (a fixed-format file reads the same when its names
    have no spaces), solves it with the primal-dual interior-point method and prints the
    status, objective, iterations, residuals, time, the KKT path used and the OpenBLAS
    kernel and threads. Any problem vppsim builds can be handed to another solver the same
    way, e.g. HiGHS: tools/solver/highs_solve.py FILE.mps --time-limit 60 (HiGHS's method
    for quadratic objectives can take minutes on models vppsim solves in a second).

    It factors dense normal equations (LAPACK Cholesky), which it does for models of up to
    10,000 rows: a file carries no block structure for the structured path that vppsim's
    own dispatch plans use. A larger model (a week's dispatch plan from --write-mps has
    about 28,000 rows) exits 1 with the HiGHS command to use instead.

    OPTIONS
      --tolerance T         relative primal, dual and gap tolerance (default 1e-8)
      --max-iterations N    iteration limit (default 200)

    EXIT STATUS
      0 solved (optimal or at reduced accuracy); 1 infeasible, unbounded, stopped, failed
      or too large; 2 the file or the options are wrong.

    EXAMPLE
      swift run solve-mps generate --assets 10 --seed 1 --out dispatch.mps   # a test problem
      vppsim solve dispatch.mps
      python3 tools/solver/highs_solve.py dispatch.mps                      # the same in HiGHS
    """

    static func execute(_ arguments: [String]) throws -> ExitStatus {
        if arguments.contains("--help") || arguments.contains("-h") {
            print(help)
            return .success
        }
        let parsed = try ParsedArguments(
            arguments, options: ["--tolerance", "--max-iterations"], flags: [],
            command: "solve")
        guard parsed.positional.count == 1 else {
            throw UsageError(description: "solve takes one MPS file (see 'vppsim help solve')")
        }
        var settings = SolverSettings()
        if let text = parsed.value("--tolerance") {
            guard let tolerance = Double(text), tolerance > 0, tolerance <= 1e-2 else {
                throw UsageError(
                    description: "--tolerance must be a number in (0, 0.01], got '\(text)'")
            }
            settings.primalTolerance = tolerance
            settings.dualTolerance = tolerance
            settings.gapTolerance = tolerance
            settings.reducedAccuracyTolerance = max(settings.reducedAccuracyTolerance, tolerance)
        }
        if let text = parsed.value("--max-iterations") {
            guard let limit = Int(text), (1...10_000).contains(limit) else {
                throw UsageError(
                    description: "--max-iterations must be a whole number from 1 to 10000, "
                        + "got '\(text)'")
            }
            settings.maxIterations = limit
        }
        let path = parsed.positional[0]
        let report: SolveReport
        do {
            report = try solveMPSFile(path: path, settings: settings)
        } catch ModelError.tooLargeForGeneralPath(let rows, let limit, _) {
            // Not the file's fault (exit 1): an MPS file names no blocks for the structured path.
            throw SolveFailure(description: "\(path): the model has \(rows) rows; 'vppsim "
                + "solve' factors dense normal equations, which it does for at most \(limit) rows "
                + "(an MPS file does not name the blocks its structured path needs). Solve it "
                + "with HiGHS: python3 tools/solver/highs_solve.py \(path) --time-limit 600")
        } catch ModelError.invalidBounds(let name, let lower, let upper) where lower > upper {
            // As HiGHS reads it: a problem with no feasible point, not a malformed file.
            throw SolveFailure(description: "\(path): infeasible as given: variable '\(name)' "
                + "has its lower bound \(lower) above its upper bound \(upper)")
        } catch ModelError.invalidRowBounds(let name, let lower, let upper) where lower > upper {
            throw SolveFailure(description: "\(path): infeasible as given: row '\(name)' "
                + "has its lower bound \(lower) above its upper bound \(upper)")
        } catch let error as MPSError {
            throw UsageError(description: "\(error)")
        } catch {
            throw UsageError(description: "\(path): \(error)")
        }
        print(report.description)
        return report.result.status.hasSolution ? .success : .failure
    }
}

/// A file that is well formed but cannot be solved here: too large for the general path,
/// or infeasible as given. The solve fails (exit 1); the file is not wrong (exit 2).
struct SolveFailure: Error, CustomStringConvertible {
    let description: String
}
