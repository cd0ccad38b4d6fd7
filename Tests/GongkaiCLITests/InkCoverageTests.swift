import Foundation
import Testing
@testable import OCRKit
import ScanImaging

/// A picture of `glyphs` dark blocks 10 px wide and 20 px tall, 4 px apart, on white.
private func blocks(_ glyphs: Int) -> (pixels: [UInt8], width: Int, height: Int) {
    let width = 20 + glyphs * 14, height = 40
    var pixels = [UInt8](repeating: 255, count: width * height)
    for g in 0..<glyphs {
        for y in 10..<30 { for x in (10 + g * 14)..<(20 + g * 14) { pixels[y * width + x] = 20 } }
    }
    return (pixels, width, height)
}

/// Tesseract's character boxes are narrower than the glyphs: a box of 4 columns at each centre.
private func spans(_ glyphs: [Int]) -> [Range<Int>] { glyphs.map { (13 + $0 * 14)..<(17 + $0 * 14) } }

@Test func inkWithoutACharacterCentredInItMeansOneWasDropped() {
    let picture = blocks(4)
    let coverage = InkCoverage(pixels: picture.pixels, width: picture.width, height: picture.height)
    #expect(coverage.uncentredInk(by: spans([0, 1, 2, 3])) < CellReader.maxInkLeftOut)
    #expect(coverage.uncentredInk(by: spans([1, 2, 3])) >= CellReader.maxInkLeftOut)  // 3050 read as 050
    #expect(coverage.uncentredInk(by: spans([0, 1, 2])) >= CellReader.maxInkLeftOut)
    #expect(coverage.uncentredInk(by: spans([1])) >= CellReader.maxInkLeftOut)  // 2932 read as 9
    let one = blocks(1)
    #expect(InkCoverage(pixels: one.pixels, width: one.width, height: one.height).uncentredInk(by: spans([0])) < CellReader.maxInkLeftOut)
}

/// A cell's picture as `GONGKAI_OCR_DUMP` writes it (binary PGM).
private func loadPGM(_ path: String) throws -> GrayImage {
    let data = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    var fields: [Int] = [], i = 2, field = ""
    while fields.count < 3 {
        let c = Character(UnicodeScalar(data[i])); i += 1
        if c.isWhitespace { if !field.isEmpty { fields.append(Int(field)!); field = "" } } else { field.append(c) }
    }
    return GrayImage(width: fields[0], height: fields[1], pixels: Array(data[i..<(i + fields[0] * fields[1])]))
}

/// Cells of a blurred colour JPEG scan (200 dpi) of a real report that Tesseract's digit model
/// read short at 95-96 % confidence: 3050 as 050, 2932 as 9. Either the whole number or no
/// value (a doubtful reading, null in the report) — never the shortened one.
@Test(arguments: [("cell_3050_blurred", "3050"), ("cell_2932_blurred", "2932")])
func aBlurredNumberReadShortIsNotTaken(name: String, number: String) throws {
    let reader = try #require(CellReader())
    let image = try loadPGM("Tests/GongkaiCLITests/ScanFixtures/\(name).pgm")
    let result = reader.read(image, threshold: Binarizer.otsuThreshold(image), dpi: 200)
    #expect(result.doubtful || result.text == number, "read \(result.text)")
}
