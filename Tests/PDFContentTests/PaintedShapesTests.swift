import Foundation
import Testing
@testable import PDFContent

/// A file of the repository, found from this file's location (not the working directory).
private func repositoryFile(_ path: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent(path).path
}

private func shapes(_ pdf: MiniPDF, page: Int = 0) throws -> PaintedShapes {
    let file = try #require(PDFFile(bytes: pdf.bytes()))
    return try file.paintedShapes(page: page)
}

private func close(_ a: Double, _ b: Double, _ tolerance: Double = 0.01) -> Bool { abs(a - b) <= tolerance }

@Test func strokesLandInThePageSpacePopplerUses() throws {
    // y is flipped: Poppler's boxes have their origin at the top left of the crop box.
    let s = try shapes(.page("q 1 0 0 1 100 100 cm 0 0 200 50 re S Q 0.5 w 10 700 m 110 700 l S"))
    #expect(s.width == 600 && s.height == 800)
    #expect(s.segments.count == 5)
    let bottom = try #require(s.segments.first { close($0.y0, 700) && close($0.y1, 700) })
    #expect(close(min(bottom.x0, bottom.x1), 100) && close(max(bottom.x0, bottom.x1), 300))
    let top = try #require(s.segments.first { close($0.y0, 650) && close($0.y1, 650) })
    #expect(close(top.width, 1))
    let line = try #require(s.segments.last)
    #expect(close(line.y0, 100) && close(line.x0, 10) && close(line.x1, 110) && close(line.width, 0.5))
}

@Test func colourWidthAndClipFollowTheGraphicsState() throws {
    let s = try shapes(.page("""
        q 1 1 1 rg 0 0 600 800 re f Q
        0 0 1 RG 2 w 0 10 m 10 10 l S
        0.9 g 50 50 100 1 re f
        0 0 0 1 K 0 20 m 10 20 l S
        q 100 100 50 50 re W n 0 G 0 120 m 500 120 l S Q
        0 30 m 10 30 l S
        """))
    #expect(s.fills.count == 2)
    #expect(close(s.fills[0].luma ?? -1, 1))                    // a white background
    #expect(close(s.fills[1].luma ?? -1, 0.9))                  // a light grey hairline box
    #expect(close(s.fills[1].box.height, 1) && close(s.fills[1].box.y0, 749))
    #expect(close(s.segments[0].luma ?? -1, 0.114, 0.001))      // blue
    #expect(close(s.segments[0].width, 2))
    #expect(s.segments[1].luma == 0)                            // CMYK black
    let clipped = s.segments[2]
    #expect(clipped.clip == PaintedShapes.Box(x0: 100, y0: 650, x1: 150, y1: 700))
    #expect(s.segments[3].clip == nil)                          // Q restored the clip
}

@Test func formXObjectsAreDrawnThroughTheirMatrix() throws {
    var pdf = MiniPDF.page("q 1 0 0 1 0 -100 cm /F1 Do Q", resources: "/XObject << /F1 5 0 R >>")
    pdf.addStream("0 0 m 50 0 l S", extra: "/Type /XObject /Subtype /Form /BBox [0 0 100 100] /Matrix [2 0 0 2 10 10] ")
    let s = try shapes(pdf)
    let seg = try #require(s.segments.first)
    #expect(close(seg.x0, 10) && close(seg.x1, 110) && close(seg.y0, 890))
    // The form's bounding box clips what it draws.
    #expect(seg.clip == PaintedShapes.Box(x0: 10, y0: 690, x1: 210, y1: 890))
}

@Test func imagesAreRecordedAndInlineImageDataIsSkipped() throws {
    // The inline image's data holds bytes that look like operators and an "EI" inside a word.
    let s = try shapes(.page("q 300 0 0 200 100 100 cm BI /W 4 /H 1 /BPC 8 /CS /G ID re SxEIy EI Q 0 0 m 5 0 l S"))
    #expect(s.images == [PaintedShapes.Box(x0: 100, y0: 500, x1: 400, y1: 700)])
    #expect(s.segments.count == 1)
    #expect(s.fills.isEmpty)
}

@Test func rotatedPagesAreTurnedAsPopplerTurnsThem() throws {
    // /Rotate 90 turns the page clockwise: user (x, y) is displayed at (y, x) for a box at 0,0.
    let s = try shapes(.page("0 0 m 100 0 l S", pageExtra: "/Rotate 90 "))
    #expect(s.width == 800 && s.height == 600)
    let seg = try #require(s.segments.first)
    #expect(close(seg.x0, 0) && close(seg.x1, 0) && close(seg.y0, 0) && close(seg.y1, 100))
    let file = try #require(PDFFile(bytes: MiniPDF.page("", pageExtra: "/Rotate -270 /CropBox [10 20 310 420] ").bytes()))
    #expect(file.pages[0].rotation == 90)
    #expect(file.pages[0].displaySize == (400, 300))
}

@Test func ascii85ContentStreamsAreDecoded() throws {
    // "0 0 m 10 0 l S" in ASCII base-85, as ReportLab writes its pages.
    var pdf = MiniPDF()
    pdf.add("<< /Type /Catalog /Pages 2 0 R >>")
    pdf.add("<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 600 800] >>")
    pdf.add("<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>")
    pdf.addStream("<~0H`%lD'1Pe+>=pS+B&~>", extra: "/Filter /ASCII85Decode ")
    let s = try shapes(pdf)
    #expect(s.segments.count == 1)
    #expect(StreamDecoder.ascii85(Array("<~87cURDZ~>".utf8)).map { String(decoding: $0, as: UTF8.self) } == "Hello")
}

@Test func objectStreamsAndCrossReferenceStreamsAreRead() throws {
    // A LibreOffice sample rewritten with object streams and a predicted, Flate-compressed
    // cross-reference stream (scripts/make_pdfcontent_fixtures.sh).
    let bytes = try #require(FileManager.default.contents(atPath: repositoryFile("Tests/PDFContentTests/Fixtures/object_streams.pdf")))
    let file = try #require(PDFFile(bytes: [UInt8](bytes)))
    #expect(file.pages.count == 3)
    let table = try file.paintedShapes(page: 1)
    let horizontal = table.segments.filter { close($0.y0, $0.y1) && abs($0.x1 - $0.x0) > 100 }
    #expect(horizontal.count >= 20)
}

@Test func wrongOffsetsAreRebuiltByScanningTheFile() throws {
    var bytes = MiniPDF.page("0 0 m 10 0 l S").bytes()
    // Ten bytes inserted after the header move every object: each offset in the table is wrong.
    bytes.insert(contentsOf: Array("%padding\n\n".utf8), at: 9)
    let file = try #require(PDFFile(bytes: bytes))
    #expect(try file.paintedShapes(page: 0).segments.count == 1)
    // No usable startxref at all.
    var cut = MiniPDF.page("0 0 m 10 0 l S").bytes()
    cut.removeLast(30)
    #expect(try #require(PDFFile(bytes: cut)).pages.count == 1)
}

@Test func encryptedFilesAreLeftToPoppler() throws {
    let bytes = try #require(FileManager.default.contents(atPath: repositoryFile("Tests/GongkaiCLITests/Fixtures/encrypted.pdf")))
    #expect(PDFFile(bytes: [UInt8](bytes)) == nil)
}

@Test func hostileStructuresEndWithoutATrap() throws {
    // Nesting far beyond the parser's limit, as an object and in a content stream.
    var deep = MiniPDF.page("/F1 Do " + String(repeating: "[", count: 100_000) + " 0 0 m 10 0 l S", resources: "/XObject 5 0 R")
    deep.add(String(repeating: "[", count: 100_000))
    #expect(try shapes(deep).segments.count == 1)
    // A page tree whose node is its own kid, and a stream whose /Length refers to itself.
    var loop = MiniPDF()
    loop.add("<< /Type /Catalog /Pages 2 0 R >>")
    loop.add("<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 1 >>")
    loop.add("<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>")
    loop.add("<< /Length 4 0 R >>\nstream\n0 0 m 10 0 l S\nendstream")
    let file = try #require(PDFFile(bytes: loop.bytes()))
    #expect(file.pages.count == 1)
    #expect(try file.paintedShapes(page: 0).segments.count == 1)
    // An unsupported filter is reported, not guessed at.
    var lzw = MiniPDF.page("")
    lzw.objects[3] = "<< /Length 3 /Filter /LZWDecode >>\nstream\nabc\nendstream"
    #expect(throws: PDFFile.ShapesError.undecodable) { try shapes(lzw) }
    // Non-finite and enormous operands are dropped, not drawn.
    let huge = try shapes(.page("1e999 0 0 1 0 0 cm 99999999999999999999999999999 0 0 99999999999999999999999 0 0 cm 0 0 m 10 0 l S q q q Q Q Q Q Q"))
    #expect(huge.segments.allSatisfy { $0.x0.isFinite && $0.x1.isFinite })
    // Millions of operators: too complex, so the caller renders the page instead.
    #expect(throws: PDFFile.ShapesError.tooComplex) { try shapes(.page(String(repeating: "n\n", count: 4_100_000))) }
}

@Test(arguments: ["fuzz_012340_offset_past_end.pdf", "fuzz_016523_offset_past_end.pdf"])
func fuzzedFilesThatTrappedAreRead(name: String) throws {
    // Mutants of the fuzz run (seed 1) whose cross-reference offsets point past the end of the
    // file: the parser stepped beyond its bytes and trapped (SIGILL in a batch worker).
    let bytes = try #require(FileManager.default.contents(atPath: repositoryFile("Tests/PDFContentTests/Fixtures/\(name)")))
    if let file = PDFFile(bytes: [UInt8](bytes)) {
        for page in file.pages.indices { _ = try? file.paintedShapes(page: page) }
    }
    var parser = ObjectParser(bytes: Array("1 0 obj".utf8), position: 1000)
    #expect(parser.parseIndirectObject() == nil)
    parser.position = 50
    #expect(parser.regularRun().isEmpty)
}
