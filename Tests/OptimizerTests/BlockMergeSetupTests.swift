import DispatchInstances
@testable import Optimizer
import XCTest

/// Grouping identical blocks reads coupling rows by tiles and hashes blocks in parallel;
/// neither may change what it finds.
final class BlockMergeSetupTests: XCTestCase {
    func testCouplingTermsByTilesMatchByRow() {
        for seed in [1, 2] as [UInt64] {
            let model = SetupModels.make(blocks: 3000, seed: seed, inOrder: true)
            let tiled = BlockData(model, tileVariables: 1000)
            let plain = BlockData(model, tilingCouplingRows: false)
            XCTAssertEqual(tiled.couplingStart, plain.couplingStart)
            XCTAssertTrue(tiled.couplingTerm == plain.couplingTerm, "seed \(seed): terms differ")
            XCTAssertTrue(tiled.couplingRow == plain.couplingRow, "seed \(seed): rows differ")
            XCTAssertGreaterThan(tiled.couplingTerm.count, 10_000)
        }
    }

    func testGroupsDoNotDependOnThreads() {
        let model = DispatchGenerator.make(assetCount: 40, seed: 9, identicalAssets: true).model()
        let serial = BlockMerge.groups(model, threads: 1)
        XCTAssertEqual(serial, [Array(stride(from: 0, to: 40, by: 2)),
                                Array(stride(from: 1, to: 40, by: 2))])
        XCTAssertEqual(BlockMerge.groups(model, threads: 2), serial)
        let varied = SetupModels.make(blocks: 500, seed: 3)
        XCTAssertEqual(BlockMerge.groups(varied, threads: 2), BlockMerge.groups(varied, threads: 1))
    }
}
