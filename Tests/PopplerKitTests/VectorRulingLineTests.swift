import Foundation
import PageGeometry
import Testing
@testable import PopplerKit

private func lines(_ path: String, page: Int, source: RulingLineScanner.Settings.Source) throws -> [RulingLine] {
    let document = try PDFDocument(path: repositoryRoot.appendingPathComponent(path).path)
    var settings = RulingLineScanner.Settings()
    settings.source = source
    return try #require(document.content(page: page, settings: settings)).rulingLines
}

/// Whether `line` is found in `others`: same orientation, within `slack` points across, and
/// covering nearly all of it along.
private func matched(_ line: RulingLine, in others: [RulingLine], slack: Double = 1.5) -> Bool {
    others.contains { o in
        o.orientation == line.orientation && abs(o.position - line.position) <= slack
            && o.start <= line.start + 2 && o.end >= line.end - 2
    }
}

@Test(arguments: [
    ("samples/lo_2021_combined_dash.pdf", 1),        // LibreOffice from DOCX: strokes
    ("samples/xinxiang_commerce_2024.pdf", 1),       // the seed's report, LibreOffice
    ("samples/layouts/rotate90_t3.pdf", 2),          // a page with /Rotate 90
    ("samples/layouts/web_chromium_ruled.pdf", 0),   // Chromium's print: filled border boxes
])
func vectorLinesAreTheLinesRenderingFinds(path: String, page: Int) throws {
    let vector = try lines(path, page: page, source: .vector)
    let raster = try lines(path, page: page, source: .raster)
    #expect(vector.count >= 10)
    // Every border the paths give is one the raster shows, and every long raster line is a path.
    // (Short raster lines can be strokes of rendered characters that escaped the glyph mask:
    // ReportLab's fonts leave some 30–45 pt runs along text lines. The paths have no such noise.)
    for line in vector { #expect(matched(line, in: raster), "vector \(line) not rendered") }
    for line in raster where line.length >= 60 { #expect(matched(line, in: vector), "raster \(line) not among the paths") }
}

@Test func aPageThatIsAPictureIsRendered() throws {
    // A scan: the table's lines are in the image, which only rendering sees.
    let automatic = try lines("Tests/GongkaiCLITests/Fixtures/scanned.pdf", page: 0, source: .automatic)
    #expect(automatic.count >= 20)
    #expect(try lines("Tests/GongkaiCLITests/Fixtures/scanned.pdf", page: 0, source: .vector).isEmpty)
    #expect(automatic == (try lines("Tests/GongkaiCLITests/Fixtures/scanned.pdf", page: 0, source: .raster)))
}

@Test func characterStrokesDrawnAsPathsAreNotBorders() throws {
    // A dash drawn as a filled box inside a glyph's box (text converted to outlines) is dropped
    // as the raster scanner drops it; a border beside it is kept.
    let glyph = Glyph(text: "一", box: Rect(x0: 100, y0: 100, x1: 112, y1: 112))
    var shapes = PaintedShapes(width: 600, height: 800)
    shapes.fills.append(.init(box: .init(x0: 101, y0: 105.5, x1: 111, y1: 106.5), luma: 0, clip: nil))
    shapes.fills.append(.init(box: .init(x0: 50, y0: 200, x1: 400, y1: 200.5), luma: 0, clip: nil))
    let found = VectorRulingLines(settings: .init()).lines(from: shapes, masking: [glyph])
    #expect(found.count == 1)
    #expect(found.first?.position == 200.25 && found.first?.thickness == 1)
}

@Test func protectedFilesKeepTheirBorders() throws {
    // Owner-password-only files (RC4, AES-128, AES-256) and one opened with its user password:
    // all read from their paths, the same borders as the unprotected sample.
    let fixtures = "Tests/PopplerKitTests/Fixtures/"
    let plain = try lines("samples/lo_2021_combined_dash.pdf", page: 1, source: .vector)
    #expect(plain.count >= 30)
    for name in ["restricted_rc4_40.pdf", "restricted_aes_128.pdf", "restricted_aes_256.pdf"] {
        #expect(try lines(fixtures + name, page: 1, source: .vector) == plain, "\(name)")
    }
    let locked = try PDFDocument(path: repositoryRoot.appendingPathComponent(fixtures + "password_aes_256.pdf").path, password: "user-secret")
    var settings = RulingLineScanner.Settings()
    settings.source = .vector
    #expect(try #require(locked.content(page: 1, settings: settings)).rulingLines == plain)
}
