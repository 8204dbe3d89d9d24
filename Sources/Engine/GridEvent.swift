/// A demand-response event as the engine and the strategies see it: a bound on the site's
/// net load over some steps, known from its notice step on.
///
/// Events are scheduled by the DemandResponse module; the bound comes from the event's
/// target and the baseline the run measures it against (see docs/demand-response.md).
public struct GridEvent: Sendable, Equatable {
    public enum Direction: String, Sendable {
        /// Peak shaving: hold net load at or below `boundKW`.
        case reduce
        /// Valley filling: hold net load at or above `boundKW`.
        case increase
    }

    public var id: String
    public var noticeStep: Int
    public var steps: Range<Int>
    public var direction: Direction
    public var boundKW: Double

    public init(
        id: String, noticeStep: Int, steps: Range<Int>, direction: Direction, boundKW: Double
    ) {
        self.id = id
        self.noticeStep = noticeStep
        self.steps = steps
        self.direction = direction
        self.boundKW = boundKW
    }
}

extension SimulationInput {
    /// Events a strategy deciding at `step` knows of and that are not over yet.
    public func visibleEvents(atStep step: Int) -> [GridEvent] {
        events.filter { $0.noticeStep <= step && step < $0.steps.upperBound }
    }

    /// The tightest upper bound on net load that events known at `known` put on `step`.
    public func eventCeilingKW(step: Int, knownAt known: Int) -> Double? {
        events.filter { $0.noticeStep <= known && $0.direction == .reduce && $0.steps.contains(step) }
            .map(\.boundKW).min()
    }

    /// The tightest lower bound on net load that events known at `known` put on `step`.
    public func eventFloorKW(step: Int, knownAt known: Int) -> Double? {
        events.filter { $0.noticeStep <= known && $0.direction == .increase && $0.steps.contains(step) }
            .map(\.boundKW).max()
    }
}
