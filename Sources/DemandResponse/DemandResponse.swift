/// Demand-response events, customer baseline (CBL) methods and settlement.
///
/// The module is a set of pure functions and value types; it runs nothing itself.
/// - `DREvent`, `EventSchedule`: events with a notice time; a strategy sees an event only
///   from its notice on (`EventSchedule.visibleEvents(at:)`).
/// - `EventGeneratorModel`: a seeded event model (events per month, start and duration
///   distributions, notice lead time).
/// - `ParticipationPlan`: enrolled assets per class and seeded per-event opt-outs.
/// - `CustomerBaseline`: averageOfRecent (10-of-10) and highestOf (5-of-10) baselines with
///   an optional capped day-of adjustment.
/// - `Settlement`: delivered response, payments and penalties per event and method.
/// - `DemandResponseConfiguration.read`: the scenario's `events`, `baselines` and
///   `settlement` sections, read strictly from `JSONValue`.
///
/// docs/demand-response.md defines every method and every key.
