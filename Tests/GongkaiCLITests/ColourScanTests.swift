import Foundation
import Testing

/// A colour office scan (150 dpi JPEG, yellowed paper, turned 0.6°) of page 2 of the synthetic
/// report w011 (table 三), a red seal stamped over the middle of the table; made by
/// `scripts/make_colour_scans.py` (the command is in its header).
private let colourScan = "Tests/GongkaiCLITests/ScanFixtures/w011_p2_colour_seal_scan.pdf"
private let colourTruth = "Tests/GongkaiCLITests/ScanFixtures/w011_p2_colour_seal_scan.expected.json"

@Test func aRedSealOverAColourScansTableDoesNotHideItsCells() throws {
    // Every value given is the report's (checked inside); measured: 157 of 161 cells right with the
    // seal dropped out, 136 when the seal's red was read as grey ink over the cells.
    let (right, got) = try extractedScanFixture(colourScan, expected: colourTruth)
    #expect(right >= 150)
    #expect(got["results.unable.needs_creation.natural_person"] as? Int == 0)  // under the seal
}

/// Under the seal a column rule is broken, so two merged regions of the grid are not rectangles
/// and their bounding rectangles start at one position: their order came from a dictionary's,
/// which changes from run to run, and so did which cell took the value (LatticeExtractor).
@Test func aScanReadsTheSameOnEveryRun() throws {
    let first = try CLI.run(["extract", "--provenance", colourScan]).stdout
    for _ in 0..<3 { #expect(try CLI.run(["extract", "--provenance", colourScan]).stdout == first) }
}
