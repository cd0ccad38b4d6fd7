import Foundation
import Testing
@testable import GongkaiKit
@testable import OCRKit
import ScanImaging

/// A scan made by `scripts/make_scans.py` (150 dpi, grey paper, turned 0.7°) of page 2 of
/// `samples/lo_2021_combined_dash.pdf` (table 三): read by OCR, every value it gives must be the
/// sample's, and those it cannot read are null with a warning.
private let scanPath = "Tests/GongkaiCLITests/ScanFixtures/lo_2021_combined_dash_p2_scan.pdf"

/// The sample the OCR fixtures were made from: every value they give must be its.
private let sampleExpected = "samples/lo_2021_combined_dash.expected.json"

@Test func scannedTableIsReadByOCRWithoutWrongValues() throws {
    let result = try CLI.run(["extract", scanPath])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let json = try #require(result.json)
    #expect((json["source"] as? [String: Any])?["ocr"] as? Bool == true)
    let warnings = json["warnings"] as? [[String: Any]] ?? []
    #expect(warnings.contains { $0["code"] as? String == "ocr_page" })

    let right = try applicationCellsRight(json, expected: sampleExpected)
    // Measured: 173 of 175; a drop means cells the OCR no longer reads.
    #expect(right >= 165)
}

@Test func scanGivenARotateIsTurnedBackBeforeItIsRead() throws {
    // The same scan with /Rotate 90: its text runs down the displayed page. Tesseract's orientation
    // detection says so; the page is read turned back, as well as the upright one and as safely.
    let result = try CLI.run(["extract", "Tests/GongkaiCLITests/ScanFixtures/lo_2021_combined_dash_p2_scan_rotate90.pdf"])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let json = try #require(result.json)
    #expect(try applicationCellsRight(json, expected: sampleExpected) >= 165)
}

@Test func turnedBackUndoesAClockwiseTurn() {
    // 3×2: a b c / d e f. Turned a quarter clockwise it reads d a / e b / f c.
    let upright = GrayImage(width: 3, height: 2, pixels: [1, 2, 3, 4, 5, 6])
    let clockwise = GrayImage(width: 2, height: 3, pixels: [4, 1, 5, 2, 6, 3])
    #expect(clockwise.turnedBack(90).pixels == upright.pixels)
    #expect(clockwise.turnedBack(90).width == 3)
    let counterClockwise = GrayImage(width: 2, height: 3, pixels: [3, 6, 2, 5, 1, 4])
    #expect(counterClockwise.turnedBack(270).pixels == upright.pixels)
    let upsideDown = GrayImage(width: 3, height: 2, pixels: [6, 5, 4, 3, 2, 1])
    #expect(upsideDown.turnedBack(180).pixels == upright.pixels)
    #expect(upright.turnedBack(0).pixels == upright.pixels)
}

@Test func ocrNeverKeepsTheNoTextLayerError() throws {
    let result = try CLI.run(["extract", scanPath, "--ocr", "never"])
    #expect(result.status == 8)
}

@Test func cellValueShapes() {
    #expect(CellReader.isValue("12"))
    #expect(CellReader.isValue("3.5"))
    #expect(CellReader.isValue("/"))
    #expect(!CellReader.isValue("1.2.3"))
    #expect(!CellReader.isValue("."))
}

/// Draws ellipse outlines (centre x, centre y, radius x, radius y) 2 px thick on white paper.
private func rings(_ shapes: [(Double, Double, Double, Double)], width: Int = 30, height: Int = 40) -> GrayImage {
    var image = GrayImage(width: width, height: height, filledWith: 230)
    for y in 0..<height {
        for x in 0..<width {
            for (cx, cy, rx, ry) in shapes {
                let d = ((Double(x) - cx) / rx) * ((Double(x) - cx) / rx) + ((Double(y) - cy) / ry) * ((Double(y) - cy) / ry)
                let inner = ((Double(x) - cx) / (rx - 2)) * ((Double(x) - cx) / (rx - 2)) + ((Double(y) - cy) / (ry - 2)) * ((Double(y) - cy) / (ry - 2))
                if d <= 1, inner >= 1 { image.pixels[y * width + x] = 20 }
            }
        }
    }
    return image
}

@Test func loneZeroIsTheOneRingWithATallHole() throws {
    let zero = rings([(15, 20, 7, 12)])
    let eight = rings([(15, 13, 6, 6), (15, 26, 7, 7)])
    // A 6: a ring in the lower half and a stroke rising from its left side.
    var six = rings([(15, 27, 7, 7)])
    for y in 8..<27 { six.pixels[y * six.width + 8] = 20; six.pixels[y * six.width + 9] = 20 }
    for image in [zero, eight, six] {
        let box = try #require(CellInk.bounds(image, threshold: 128))
        #expect(CellInk.isRing(image, box, threshold: 128) == (image.pixels == zero.pixels))
    }
}

@Test func faintZeroIsARingAtItsOwnLevelAndSixIsNot() throws {
    // A 0 of a 150 dpi scan: its ring grey (100) at its sides and fainter (175) at top and bottom, on
    // paper 230. At the page's threshold (150) the ring is open, at the glyph's own level it closes.
    var faint = rings([(15, 20, 7, 12)])
    for i in faint.pixels.indices where faint.pixels[i] == 20 { faint.pixels[i] = (i / faint.width < 12 || i / faint.width > 28) ? 175 : 100 }
    let box = try #require(CellInk.bounds(faint, threshold: 150))
    #expect(!CellInk.isRing(faint, box, threshold: 150))
    #expect(CellInk.isFaintRing(faint, box))
    // A 9 whose loop runs more than half its height but sits high: not a 0.
    var nine = rings([(15, 15, 7, 11)])
    for y in 15..<36 { nine.pixels[y * nine.width + 21] = 20; nine.pixels[y * nine.width + 20] = 20 }
    let nineBox = try #require(CellInk.bounds(nine, threshold: 128))
    #expect(!CellInk.isRing(nine, nineBox, threshold: 128))
    #expect(CellReader.allowsZero("D") && CellReader.allowsZero("") && !CellReader.allowsZero("9"))
}

@Test func loneOneIsAnUprightStemNotASlashOrABorder() throws {
    func glyph(_ rows: [String]) -> GrayImage {
        let width = rows[0].count + 8, height = rows.count + 8
        var image = GrayImage(width: width, height: height, filledWith: 230)
        for (y, row) in rows.enumerated() { for (x, c) in row.enumerated() where c == "#" { image.pixels[(y + 4) * width + x + 4] = 20 } }
        return image
    }
    let one = glyph(["..##..", ".###..", "####.."] + Array(repeating: "..##..", count: 14) + ["######"])
    let slash = glyph(["......##", ".....##.", ".....##.", "....##..", "....##..", "...##...", "...##...", "..##....", "..##....", ".##.....", ".##.....", "##......"])
    let four = glyph(["....##", "...###", "..#.##", "..#.##", ".#..##", ".#..##", "######", "....##", "....##", "....##", "....##", "....##"])
    // Serif 1s of 200 dpi scans: a flag as wide as the stroke is long, a stroke 4 px wide, a foot.
    let flagged = glyph(["...######.", "..########", ".#########", ".#########", ".......###"] + Array(repeating: "......####", count: 14)
        + ["..############", "..#############", "..############"])
    let footed = glyph([".......#....", "......####..", ".....#####..", "....######..", "..########..", "..########..", ".####..###..",
                        "..#....###.."] + Array(repeating: ".......###..", count: 10) + [".##.#########", "##############", "##############"])
    // A 4 whose bar lies below the middle: its stem under the bar is upright but does not reach the middle.
    let lowBar = glyph(["......##", ".....###", "....####", "....#.##", "...#..##", "...#..##", "..#...##", "..#...##", ".#....##", ".#....##",
                        "########", "......##", "......##", "......##", "......##", "......##", "......##"])
    for (image, isOne) in [(one, true), (flagged, true), (footed, true), (slash, false), (four, false), (lowBar, false)] {
        let box = try #require(CellInk.bounds(image, threshold: 128))
        #expect(CellInk.isUprightStem(image, box, threshold: 128) == isOne)
        // Tesseract read a serif 1 of a 200 dpi scan as a 4 at 95%: the stem belies any digit but 1.
        #expect(CellInk.belies("4", image, box, threshold: 128) == isOne)
        #expect(!CellInk.belies("1", image, box, threshold: 128))
    }
    // The same stroke running from the cell's top edge to its bottom edge: a border's remnant.
    var border = GrayImage(width: 12, height: 20, filledWith: 230)
    for y in 0..<20 { border.pixels[y * 12 + 5] = 20; border.pixels[y * 12 + 6] = 20 }
    let box = try #require(CellInk.bounds(border, threshold: 128))
    #expect(!CellInk.isUprightStem(border, box, threshold: 128))
    // A flagged 1 in a row so tight that it touches the cut's top and bottom is still a 1.
    var tight = GrayImage(width: 16, height: 22, filledWith: 230)
    for y in 0..<22 { for x in 6..<10 { tight.pixels[y * 16 + x] = 20 } }
    for y in 0..<4 { for x in 2..<10 { tight.pixels[y * 16 + x] = 20 } }
    let tightBox = try #require(CellInk.bounds(tight, threshold: 128))
    #expect(CellInk.isUprightStem(tight, tightBox, threshold: 128))
}

@Test func provenanceOfAScanCarriesOCRConfidence() throws {
    let result = try CLI.run(["extract", scanPath, "--provenance"])
    let json = try #require(result.json)
    let entries = try #require(json["provenance"] as? [[String: Any]])
    let read = entries.filter { $0["cell"] is [String: Any] && !(($0["raw"] as? String) ?? "").isEmpty }
    #expect(!read.isEmpty)
    for entry in read {
        let confidence = try #require(entry["ocr_confidence"] as? Int, "\(entry["path"] ?? "")")
        #expect((0...100).contains(confidence))
    }
}

/// A report whose fonts were embedded without a Unicode map (`ScanFixtures/unmapped_fonts.pdf`, made by
/// `scripts/make_fixtures.py` from `samples/lo_2021_combined_dash.pdf`): its text layer is control
/// characters and stray letters, so its glyphs are read by their shapes (`--ocr auto`,
/// `MisencodedGlyphs`) with a warning that says why; with `--ocr never` it stops with exit 8 and
/// says the text maps to no characters.
@Test func pagesWhoseFontsMapToNoCharactersAreReadByOCR() throws {
    let path = "Tests/GongkaiCLITests/ScanFixtures/unmapped_fonts.pdf"
    let result = try CLI.run(["extract", path])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let json = try #require(result.json)
    #expect((json["source"] as? [String: Any])?["ocr"] as? Bool == true)
    let warnings = json["warnings"] as? [[String: Any]] ?? []
    #expect(warnings.contains { $0["code"] as? String == "ocr_glyphs" && ($0["message"] as? String ?? "").contains("wrong characters or none") })
    var got: [String: Any] = [:]
    jsonLeaves(try #require(json["applications"]), into: &got)
    #expect(got["results.total.total"] as? Int == 122)
    #expect(got["new_received.total"] as? Int == 119)
    #expect((json["proactive"] as? [String: Any]).flatMap { $0["licensing"] as? [String: Any] }?["decisions"] as? Int == 1591)

    let never = try CLI.run(["extract", path, "--ocr", "never"])
    #expect(never.status == 8)
    #expect(never.stderr.contains("map glyphs to no characters"))
}

/// A scan under another tool's invisible OCR text (`ScanFixtures/ocr_sandwich.pdf`: Tesseract's PDF
/// renderer, as ocrmypdf writes, over page 2 of `samples/lo_2021_combined_dash.pdf`): that text
/// does not line up with the cells (read from it, 55 of 175 cells came out right), so the page is
/// read by gongkai's own OCR, cell by cell, with a warning saying why.
@Test func aPictureUnderInvisibleTextIsReadByOCR() throws {
    let result = try CLI.run(["extract", "Tests/GongkaiCLITests/ScanFixtures/ocr_sandwich.pdf"])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let json = try #require(result.json)
    let warnings = json["warnings"] as? [[String: Any]] ?? []
    #expect(warnings.contains { $0["code"] as? String == "ocr_page" && ($0["message"] as? String ?? "").contains("invisible text layer") })
    let right = try applicationCellsRight(json, expected: sampleExpected)
    // Measured: 173 of 175.
    #expect(right >= 165)
}

/// A column rule of a scan turned back level: two pixels wide, with the steps of its turn left as
/// short runs in the column beside it. However its pieces are ordered, they are one line.
@Test func scannedRuleAndTheStepsBesideItAreOneLine() {
    let width = 200, height = 420
    var ink = [Bool](repeating: false, count: width * height)
    for y in 10..<410 { ink[y * width + 101] = true; ink[y * width + 102] = true }
    for (y0, y1) in [(100, 140), (200, 240), (300, 340)] { for y in y0..<y1 { ink[y * width + 99] = true } }
    let lines = ScanLineFinder().lines(ink: ink, width: width, height: height, scale: 150.0 / 72)
    #expect(lines.count == 1)
    #expect(lines.first.map { abs($0.start - 10 * 72 / 150.0) < 0.1 && abs($0.end - 410 * 72 / 150.0) < 0.1 } == true)
}

/// A 0 with a blot on its stroke comes back from Tesseract as a 9 at 90% confidence: a 6, 8 or 9
/// read from a 0's ring is not taken; a real 9 (its loop high) and other digits are.
@Test func ringShapeBeliesALoneNineButNotARealNine() throws {
    let zero = rings([(15, 20, 7, 12)])
    let zeroBox = try #require(CellInk.bounds(zero, threshold: 128))
    #expect(CellInk.belies("9", zero, zeroBox, threshold: 128))
    #expect(CellInk.belies("6", zero, zeroBox, threshold: 128))
    #expect(!CellInk.belies("0", zero, zeroBox, threshold: 128))
    #expect(!CellInk.belies("4", zero, zeroBox, threshold: 128))
    #expect(!CellInk.belies("90", zero, zeroBox, threshold: 128))
    var nine = rings([(15, 15, 7, 11)])
    for y in 15..<36 { nine.pixels[y * nine.width + 21] = 20; nine.pixels[y * nine.width + 20] = 20 }
    let nineBox = try #require(CellInk.bounds(nine, threshold: 128))
    #expect(!CellInk.belies("9", nine, nineBox, threshold: 128))
    // A ring the Chinese model reads as 人 is a digit's shape all the same.
    #expect(CellInk.isLoneDigitShape(zero, zeroBox, threshold: 128))
    #expect(!CellInk.isLoneDigitShape(nine, nineBox, threshold: 128))
}

/// A 71 whose 1 is a faint stroke one pixel wide: both models read 7. Two glyphs stand apart in
/// the ink, so a one-character reading of it is not taken; a 0 broken into two arcs is one glyph.
@Test func aReadingShorterThanTheGlyphsStandingApartIsNotTaken() throws {
    var seventyOne = GrayImage(width: 30, height: 24, filledWith: 230)
    for x in 4..<13 { for y in 4..<6 { seventyOne.pixels[y * 30 + x] = 30 } }          // the 7's bar
    for y in 6..<20 { let x = 12 - (y - 6) / 3; seventyOne.pixels[y * 30 + x] = 30; seventyOne.pixels[y * 30 + x + 1] = 30 }
    for y in 4..<20 { seventyOne.pixels[y * 30 + 18] = 120 }                            // the faint 1
    let box = try #require(CellInk.bounds(seventyOne, threshold: 150))
    #expect(CellInk.separateGlyphs(seventyOne, box) == 2)
    #expect(CellInk.belies("7", seventyOne, box, threshold: 150))
    #expect(!CellInk.belies("71", seventyOne, box, threshold: 150))
    // A 0 whose top and bottom strokes are gone: two arcs, narrower than a digit is wide.
    var arcs = rings([(15, 20, 6, 12)])
    for i in arcs.pixels.indices where i / arcs.width < 12 || i / arcs.width > 28 { arcs.pixels[i] = 230 }
    let arcBox = try #require(CellInk.bounds(arcs, threshold: 128))
    #expect(CellInk.separateGlyphs(arcs, arcBox) == 2)
    #expect(!CellInk.belies("0", arcs, arcBox, threshold: 128))
}
