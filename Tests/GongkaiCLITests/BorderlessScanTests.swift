import Foundation
import Testing
@testable import OCRKit
@testable import ScanImaging

/// A scan of a table drawn without ruling lines: page 2 (table 三, aligned columns only) of the
/// `rl_borderless` synthetic report w033, made by `scripts/make_scans.py --pages 2-2 --dpi 150
/// --degrees 0.5 --noise 0 --specks 0.001 --seed 5`. No lattice is found on it: its print is cut
/// into pieces (`InkPieces`), each read alone, and laid out by the stream builder
/// (`ScannedStreamPage`).
private let borderlessScan = "Tests/GongkaiCLITests/ScanFixtures/w033_p2_borderless_scan.pdf"
private let borderlessTruth = "Tests/GongkaiCLITests/ScanFixtures/w033_p2_borderless_scan.expected.json"

@Test func borderlessScanIsReadWithoutWrongValues() throws {
    let (right, got) = try extractedScanFixture(borderlessScan, expected: borderlessTruth)
    // Measured: 170 of 175 (Tesseract's layout of the whole page gave 150; before any stream
    // reading, none). A drop means cells the stream reading of scans no longer gives.
    #expect(right >= 165)
    #expect(got["new_received.natural_person"] as? Int == 17)
}

/// Page 2 of the `rl_borderless` report w042 (thin 10.5 pt serif print, narrow columns, numbers
/// centred between a label's wrapped lines, a blank 总计 column), made by `scripts/make_scans.py
/// --pages 2-2 --dpi 200 --degrees 0.6 --noise 0 --specks 0.001 --seed 5`. The whole ink's
/// projection profile of this page is flat and peaks at 0.24° (the page is turned -0.59°): its
/// rows then drift half a line across the table. Deskew takes the ink's lower edges there.
private let thinBorderlessScan = "Tests/GongkaiCLITests/ScanFixtures/w042_p2_thin_borderless_scan.pdf"
private let thinBorderlessTruth = "Tests/GongkaiCLITests/ScanFixtures/w042_p2_thin_borderless_scan.expected.json"

@Test func thinPrintWithoutRulesIsDeskewedByItsLowerEdges() throws {
    let (right, got) = try extractedScanFixture(thinBorderlessScan, expected: thinBorderlessTruth)
    // Measured: 108 of table 三's 175 cells (the rest are on page 3, not scanned); with the whole
    // ink's profile alone, none: no table 三 was found.
    #expect(right >= 100)
    #expect(got["new_received.natural_person"] as? Int == 8)
}

/// A page picture with ink boxes drawn on it (x0, y0, x1, y1).
private func picture(_ width: Int, _ height: Int, ink boxes: [(Int, Int, Int, Int)]) -> GrayImage {
    var image = GrayImage(width: width, height: height, filledWith: 230)
    for (x0, y0, x1, y1) in boxes { for y in y0..<y1 { for x in x0..<x1 { image.pixels[y * width + x] = 20 } } }
    return image
}

@Test func inkPiecesJoinCharactersNotColumnsOrLines() {
    // em 20 px (gap 16, stack gap 12, height ≤ 26). Line 1: a character of three stacked strokes
    // (三), one 4 px off, then a value two ems away. Line 2, 10 px below: one character.
    let image = picture(200, 80, ink: [(10, 10, 28, 13), (12, 18, 26, 21), (9, 27, 29, 30),
                                       (32, 10, 50, 30), (90, 12, 100, 30), (10, 40, 30, 60)])
    let pieces = InkPieces.grouped(InkPieces.components(image, threshold: 128).map(\.box), em: 20, settings: .init())
        .sorted { ($0.y0, $0.x0) < ($1.y0, $1.x0) }
    #expect(pieces == [InkPieces.Box(x0: 9, y0: 10, x1: 50, y1: 30), InkPieces.Box(x0: 90, y0: 12, x1: 100, y1: 30),
                       InkPieces.Box(x0: 10, y0: 40, x1: 30, y1: 60)])
}

@Test func aLowMarkOpensTheTextBesideIt() {
    // 一、 (under half a character tall) 18 px (0.9 em) left of a line of text four ems wide.
    let mark = InkPieces.Box(x0: 0, y0: 20, x1: 30, y1: 30), text = InkPieces.Box(x0: 48, y0: 12, x1: 128, y1: 32)
    let value = InkPieces.Box(x0: 200, y0: 14, x1: 210, y1: 30)
    let joined = InkPieces.withMarksJoined([mark, text, value], em: 20, settings: .init())
    #expect(joined == [InkPieces.Box(x0: 0, y0: 12, x1: 128, y1: 32), value])
    // A dash after a label is a value, not a mark opening text.
    #expect(InkPieces.withMarksJoined([text, InkPieces.Box(x0: 150, y0: 20, x1: 170, y1: 23)], em: 20, settings: .init()).count == 2)
}

@Test func alignedRowsTellATableFromRunningText() {
    let row = { (y: Int) in [InkPieces.Box(x0: 0, y0: y, x1: 120, y1: y + 20)] + (0..<3).map { InkPieces.Box(x0: 200 + 80 * $0, y0: y + 2, x1: 210 + 80 * $0, y1: y + 18) } }
    #expect(InkPieces.alignedRows(row(0) + row(40), em: 20) == 2)
    let prose = (0..<5).map { InkPieces.Box(x0: 0, y0: 30 * $0, x1: 400, y1: 30 * $0 + 20) }
    #expect(InkPieces.alignedRows(prose, em: 20) == 0)
    // Table 四: one row of fifteen numbers.
    let numbers = (0..<15).map { InkPieces.Box(x0: 60 * $0, y0: 100, x1: 60 * $0 + 10, y1: 116) }
    #expect(InkPieces.alignedRows(numbers + prose, em: 20, minPieces: 8) == 1)
}

@Test func inkTouchingACellsSidesIsNotReadWithIt() {
    // A 20×10 cell: a stroke entering from the left edge (a neighbour's text) and a mark in the middle.
    var image = GrayImage(width: 20, height: 10, filledWith: 220)
    for x in 0..<4 { image.pixels[5 * 20 + x] = 10 }
    for y in 3..<7 { image.pixels[y * 20 + 10] = 10 }
    let cleaned = image.withoutInkTouchingSides(threshold: 128, paper: 220)
    #expect(cleaned[2, 5] == 220)
    #expect(cleaned[10, 4] == 10)
}

@Test func numberingIsToldFromAValue() {
    #expect(PageTextReader.opensWithNumbering("3．补正后申请内容仍不"))
    #expect(PageTextReader.opensWithNumbering("12.其他"))
    #expect(PageTextReader.opensWithNumbering("（四）无法提供"))
    #expect(PageTextReader.opensWithNumbering("一、本年新收"))
    #expect(!PageTextReader.opensWithNumbering("30"))
    #expect(!PageTextReader.opensWithNumbering("3 申请"))
    #expect(!PageTextReader.opensWithNumbering("自然人"))
}

@Test func aLoneSixNeedsItsShapeAndAZeroIsNone() {
    // Glyphs 10 wide and 16 tall drawn with strokes 2 px wide (x, y within the box at 2, 2).
    func glyph(_ strokes: [(Int, Int, Int, Int)]) -> GrayImage {
        var image = GrayImage(width: 14, height: 20, filledWith: 230)
        for (x0, y0, x1, y1) in strokes { for y in (2 + y0)..<(2 + y1) { for x in (2 + x0)..<(2 + x1) { image.pixels[y * 14 + x] = 20 } } }
        return image
    }
    let box = CellInk.Box(x0: 2, y0: 2, x1: 12, y1: 18)
    // A 0: a ring round a tall centred hole. A 6: a stem down the left, a top bar, a loop below.
    let zero = glyph([(0, 0, 10, 2), (0, 14, 10, 16), (0, 0, 2, 16), (8, 0, 10, 16)])
    let six = glyph([(0, 0, 2, 16), (0, 0, 8, 2), (0, 7, 10, 9), (0, 14, 10, 16), (8, 7, 10, 16)])
    #expect(CellInk.isRing(zero, box, threshold: 128))
    for digit: Character in ["6", "8", "9"] { #expect(!CellInk.hasLoops(of: digit, zero, box, threshold: 128), "\(digit)") }
    #expect(CellInk.hasLoops(of: "6", six, box, threshold: 128))
    #expect(!CellInk.hasLoops(of: "9", six, box, threshold: 128))
}
