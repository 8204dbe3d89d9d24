@testable import Optimizer

/// Seeded models whose long coupling rows take every path of the setup: in variable order
/// or not, with repeated variables, zero coefficients, fixed and forced variables, ranged,
/// and long rows that come out short once their fixed variables are moved out.
enum SetupModels {
    /// A small linear congruential generator: the same numbers on every platform.
    struct Numbers {
        var state: UInt64
        mutating func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        mutating func below(_ n: Int) -> Int { min(n - 1, Int(next() * Double(n))) }
    }

    /// `blocks` blocks of 4 variables and 2 rows, 2 coupling variables, and long and short
    /// coupling rows in turn (only those in variable order when `inOrder`).
    static func make(blocks: Int, seed: UInt64, inOrder: Bool = false) -> Model {
        var numbers = Numbers(state: seed)
        var model = Model(name: "setup\(seed)")
        var blockVariables: [[VariableID]] = []
        for b in 0..<blocks {
            model.beginBlock(name: "b\(b)")
            let v = (0..<4).map { k -> VariableID in
                // Some fixed by equal bounds, some with a zero upper bound (forcing rows).
                let kind = numbers.below(10)
                let upper = kind == 0 ? 0.0 : 1 + Double(numbers.below(5))
                let lower = kind == 1 ? upper : 0
                return model.addVariable(lower: lower, upper: upper, cost: numbers.next() - 0.5)
            }
            // Out of variable order, and sometimes repeating a variable.
            let repeated = numbers.below(4) == 0 ? v[3] : v[1]
            model.addRow(
                terms: [(v[2], 1), (v[0], -0.5), (repeated, 2)], lower: 0, upper: 0)
            // A singleton equality now and then, which fixes its variable.
            if numbers.below(6) == 0 {
                model.addRow(terms: [(v[3], 1)], lower: 0.5, upper: 0.5)
            } else {
                model.addRow(terms: [(v[3], 1), (v[1], 1)], lower: -.infinity, upper: 4)
            }
            model.endBlock()
            blockVariables.append(v)
        }
        let shared = (0..<2).map { _ in model.addVariable(lower: 0, upper: 10, cost: 1) }
        let all = blockVariables.flatMap { $0 }
        func values(_ list: [VariableID]) -> [(VariableID, Double)] {
            list.map { ($0, numbers.below(7) == 0 ? 0 : Double(numbers.below(9)) - 4) }
        }
        // In variable order, ranged, with the shared variables last.
        model.addRow(
            terms: values(all.enumerated().filter { $0.0 % 4 < 2 }.map(\.1) + shared),
            lower: -5, upper: 5)
        model.addRow(terms: values([shared[0]]), lower: -.infinity, upper: 3)
        // Out of order.
        if !inOrder {
            model.addRow(terms: values(all.reversed()), lower: -.infinity, upper: .infinity)
        }
        // In order with each variable twice in a row (added up, sometimes to zero).
        model.addRow(terms: values(all.flatMap { [$0, $0] }), lower: 0, upper: 0)
        // Mostly fixed variables: long in the model, short in the form.
        model.addRow(
            terms: values(all.filter { model.lower[$0.index] == model.upper[$0.index] }),
            lower: -.infinity, upper: 1e6)
        // Forcing: nonnegative variables summed to at most 0 (and a repeat that stops it).
        model.addRow(
            terms: all.enumerated().filter { $0.0 % 4 == 2 }.map { ($0.1, 1) }, lower: -1,
            upper: 0)
        if inOrder { return model }
        model.addRow(terms: all.map { ($0, 1) } + [(all[0], 1)], lower: -1, upper: 0)
        // Order broken by one term.
        model.addRow(terms: values(all.filter { $0.index % 4 == 3 } + [all[0]]), lower: -9,
                     upper: 9)
        return model
    }
}
