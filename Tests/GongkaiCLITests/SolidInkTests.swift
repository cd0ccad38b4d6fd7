import Foundation
import Testing
import ScanImaging

/// A page 600×400 px: two lines of ink 2 px thick, drawn at `slope` (rows per column), and a
/// solid dark band 10 px tall along the top edge that stays level (the scanner's lid beyond a
/// sheet fed askew). Turned 0.8°, the band smears over about as many rows as it is tall, so a
/// page with little print on it peaked at 0° (a 300 dpi scan: band 36 px, smear 35 px).
private func askewPage(slope: Double, band: Bool) -> [Bool] {
    let width = 600, height = 400
    var ink = [Bool](repeating: false, count: width * height)
    if band { for y in 0..<10 { for x in 0..<width { ink[y * width + x] = true } } }
    for base in [160, 300] {
        for x in 0..<width {
            let y = base + Int((Double(x) * slope).rounded())
            for t in 0..<2 where (0..<height).contains(y + t) { ink[(y + t) * width + x] = true }
        }
    }
    return ink
}

@Test func solidAreasAreLeftOutButThinLinesStay() {
    let ink = askewPage(slope: 0, band: true)
    let kept = SolidInk.withoutSolidAreas(ink, width: 600, height: 400, size: 8)
    #expect(!kept[5 * 600 + 300])  // inside the band
    #expect(kept[160 * 600 + 300])  // a line
    #expect(kept.count { $0 } == ink.count { $0 } - 10 * 600)
}

/// The lines run 0.8° askew: with the level band weighed, the profile held the page at 0°.
@Test func aLevelDarkBandDoesNotHoldTheSkewAtZero() {
    let slope = tan(0.8 * Double.pi / 180)
    let ink = askewPage(slope: slope, band: true)
    let found = Deskew.angle(of: ink, width: 600, height: 400, solidSize: 8)
    #expect(abs(found - 0.8) < 0.1, "found \(found)°")
    #expect(abs(Deskew.angle(of: askewPage(slope: slope, band: false), width: 600, height: 400) - 0.8) < 0.1)
}

/// A scan past the sheet's top edge: a dark band 20 px deep along it, and a table rule 3 px wide
/// that runs up to the edge. The band becomes paper; the rule below it stays.
@Test func darkBandsAlongTheEdgesArePaintedPaperButRulesStay() {
    let width = 200, height = 120
    var pixels = [UInt8](repeating: 240, count: width * height)
    for y in 0..<20 { for x in 0..<width { pixels[y * width + x] = 40 } }
    for y in 0..<100 { for x in 100..<103 { pixels[y * width + x] = 20 } }
    let image = GrayImage(width: width, height: height, pixels: pixels)
    let cleaned = SolidInk.withoutEdgeBands(image, threshold: 128, minRun: 8)
    #expect(cleaned[50, 10] == 240)
    #expect(cleaned[101, 60] == 20)
    #expect(cleaned[101, 90] == 20)
}
