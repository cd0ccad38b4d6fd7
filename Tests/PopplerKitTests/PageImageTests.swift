import Foundation
import PageGeometry
import Testing
@testable import PopplerKit

private let green = OverlayColor(red: 0, green: 0.7, blue: 0)

private func isGreen(_ p: Pixel?) -> Bool {
    guard let p else { return false }
    return Int(p.green) >= Int(p.red) + 80 && Int(p.green) >= Int(p.blue) + 80
}

@Test(arguments: [1.0, 2.0])
func renderedPageIsPageSizeTimesScale(scale: Double) throws {
    let doc = try PDFDocument(path: sample)
    let size = try #require(doc.pageSize(2))
    let image = try #require(doc.renderPage(2, scale: scale))
    #expect(image.width == Int((size.width * scale).rounded(.up)))
    #expect(image.height == Int((size.height * scale).rounded(.up)))
    #expect(image.scale == scale)
    // Paper is white, the table's text is dark.
    #expect(image.pixel(x: 2, y: 2) == Pixel(red: 255, green: 255, blue: 255, alpha: 255))
    var dark = 0
    for y in stride(from: 0, to: image.height, by: 2) {
        for x in stride(from: 0, to: image.width, by: 2) where (image.pixel(x: x, y: y)?.red ?? 255) < 100 { dark += 1 }
    }
    #expect(dark > 500)
    #expect(doc.renderPage(99) == nil)
}

/// Shapes are drawn in page points: a rectangle at (100, 200)–(150, 220) lands at scale × that.
@Test func overlayIsDrawnInPagePointsAndSurvivesPNG() throws {
    let doc = try PDFDocument(path: sample)
    let box = Rect(x0: 100, y0: 50, x1: 150, y1: 70)  // page 3's top margin: nothing printed there
    let shapes: [OverlayShape] = [
        .rectangle(box, stroke: green, fill: green.withAlpha(0.5), lineWidth: 2, label: OverlayLabel("rules.issued", color: green)),
        .line(x0: 300, y0: 60, x1: 400, y1: 60, color: OverlayColor(red: 0, green: 0, blue: 1), width: 2),
    ]
    let image = try #require(doc.renderPage(2, scale: 2, overlay: shapes))
    #expect(isGreen(image.pixel(x: 201, y: 120)))      // on the outline
    #expect(isGreen(image.pixel(x: 250, y: 138)))      // the fill
    #expect(!isGreen(image.pixel(x: 196, y: 120)))     // just left of it
    #expect(!isGreen(image.pixel(x: 250, y: 144)))     // just below it
    let blue = try #require(image.pixel(x: 700, y: 120))
    #expect(blue.blue > 200 && blue.red < 60)

    let url = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-overlay-\(getpid()).png")
    defer { try? FileManager.default.removeItem(at: url) }
    try image.writePNG(path: url.path)
    let data = try image.pngData()
    #expect(Array(data.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    #expect(try Data(contentsOf: url) == Data(data))
    let back = try PageImage(pngPath: url.path)
    #expect(back.width == image.width && back.height == image.height)
    for (x, y) in [(201, 120), (250, 138), (196, 120), (700, 120), (600, 800)] {
        #expect(back.pixel(x: x, y: y) == image.pixel(x: x, y: y))
    }
    #expect(throws: ImageError.self) { _ = try PageImage(pngPath: sample) }
}

@Test func regionCropsToThatPartOfThePage() throws {
    let doc = try PDFDocument(path: sample)
    let box = Rect(x0: 100, y0: 50, x1: 150, y1: 70)
    let image = try #require(doc.renderPage(2, scale: 2, overlay: [.rectangle(box, stroke: nil, fill: green)],
                                            region: Rect(x0: 90, y0: 40, x1: 190, y1: 90)))
    #expect(image.width == 200 && image.height == 100)
    #expect(isGreen(image.pixel(x: 30, y: 30)))   // (105, 55) on the page
    #expect(!isGreen(image.pixel(x: 10, y: 10)))
}

@Test func overlaidPDFHasOnePagePerEntryAtPageSize() throws {
    let doc = try PDFDocument(path: sample)
    let bytes = try doc.overlaidPDF([(index: 1, overlay: [.rectangle(Rect(x0: 10, y0: 10, x1: 50, y1: 50), stroke: green)]),
                                     (index: 3, overlay: [])])
    #expect(Array(bytes.prefix(5)) == Array("%PDF-".utf8))
    let out = try PDFDocument(bytes: bytes)
    #expect(out.pageCount == 2)
    let size = try #require(doc.pageSize(1)), outSize = try #require(out.pageSize(0))
    #expect(abs(size.width - outSize.width) < 0.5 && abs(size.height - outSize.height) < 0.5)
    // The page is drawn as vectors: its text survives.
    #expect(out.glyphs(page: 1).map(\.text).joined().contains("行政复议"))
}

@Test func labelsShrinkThenBreakAfterDots() {
    let measure: (String) -> Double = { Double($0.count) * 0.5 }  // every character half an em
    // Fits on one line at the largest size.
    let wide = LabelFit.fit("rules.issued", width: 100, height: 20, maxSize: 6, minSize: 3)
    #expect(wide.size == 6 && wide.lines == ["rules.issued"])
    // 24 characters × 0.5 em at 3 pt = 36 pt > 30 pt: broken after a dot or underscore.
    let narrow = LabelFit.fit("withheld.state_secret.np", width: 30, height: 17, maxSize: 5, minSize: 3, measure: measure)
    #expect(narrow.lines.count > 1)
    #expect(narrow.lines.joined() == "withheld.state_secret.np")
    #expect(narrow.lines.allSatisfy { Double($0.count) * 0.5 * narrow.size <= 30 })
    #expect(Double(narrow.lines.count) * narrow.size * LabelFit.leading <= 17)
    #expect(LabelFit.breakable("a.b_c") == ["a.", "b_", "c"])
}

extension LabelFit {
    fileprivate static func fit(_ text: String, width: Double, height: Double, maxSize: Double, minSize: Double) -> (size: Double, lines: [String]) {
        fit(text, width: width, height: height, maxSize: maxSize, minSize: minSize) { Double($0.count) * 0.5 }
    }
}
