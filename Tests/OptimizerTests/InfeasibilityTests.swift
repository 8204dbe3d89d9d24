import DispatchInstances
import Optimizer
import XCTest

/// Infeasible dispatch problems must name the asset or the coupling rows involved.
final class InfeasibilityTests: XCTestCase {
    func testUnreachableEVEnergyNamesTheAsset() throws {
        var instance = DispatchGenerator.make(assetCount: 4, seed: 3)
        // asset1 is an EV; a 0.1 kW charger cannot fill it before departure.
        XCTAssertEqual(instance.assets[1].kind, .electricVehicle)
        instance.assets[1].chargePowerKW = 0.1
        instance.assets[1].minimumFinalEnergyKWh = instance.assets[1].energyCapacityKWh
        let result = try instance.model().solve()
        XCTAssertEqual(result.status, .primalInfeasible)
        let why = try XCTUnwrap(result.infeasibility)
        XCTAssertEqual(why.blocksInfeasibleAlone, ["asset1"], why.description)
        XCTAssertTrue(why.summary.contains("asset1"), why.summary)
    }

    func testImpossiblePeakCapNamesCouplingRows() throws {
        var instance = DispatchGenerator.make(assetCount: 4, seed: 3)
        instance.peakCapKW = 0  // the base load alone exceeds it
        let result = try instance.model().solve()
        XCTAssertEqual(result.status, .primalInfeasible)
        let why = try XCTUnwrap(result.infeasibility)
        XCTAssertTrue(why.blocksInfeasibleAlone.isEmpty, why.description)
        XCTAssertTrue(why.summary.contains("net_below_cap_"), why.summary)
        XCTAssertTrue(why.contributions.contains { $0.kind == .couplingRow }, why.description)
    }
}
