import Foundation
import PageGeometry
import Testing
@testable import PopplerKit

/// Repository root, from this file's location.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let sample = repositoryRoot.appendingPathComponent("samples/xinxiang_commerce_2024.pdf").path
func fixture(_ name: String) -> String { repositoryRoot.appendingPathComponent("Tests/GongkaiCLITests/Fixtures/\(name)").path }

@Test func opensSampleAndReadsGlyphsWithBoxes() throws {
    let doc = try PDFDocument(path: sample)
    #expect(doc.pageCount >= 2)
    let size = try #require(doc.pageSize(0))
    #expect(abs(size.width - 595.3) < 1 && abs(size.height - 841.9) < 1)
    var text = ""
    for page in 0..<doc.pageCount { text += doc.glyphs(page: page).map(\.text).joined() }
    #expect(text.contains("新乡市商务局"))
    #expect(text.contains("申请人情况"))
    let glyphs = (0..<doc.pageCount).flatMap { doc.glyphs(page: $0) }
    #expect(glyphs.allSatisfy { $0.box.width >= 0 && $0.box.height > 0 && $0.box.x1 <= size.width + 1 })
}

@Test func findsTableRulingLines() throws {
    let doc = try PDFDocument(path: sample)
    let pages = (0..<doc.pageCount).compactMap { doc.content(page: $0) }
    let lines = pages.flatMap(\.rulingLines)
    let horizontal = lines.filter { $0.orientation == .horizontal && $0.length > 100 }
    let vertical = lines.filter { $0.orientation == .vertical && $0.length > 20 }
    // Tables 二, 三 and 四 have dozens of long rules each way.
    #expect(horizontal.count > 30)
    #expect(vertical.count > 20)
    #expect(lines.allSatisfy { $0.thickness <= 3.5 })
}

@Test func scannerIgnoresGlyphStrokesAndKeepsBorders() {
    // 40×20 px raster at 1 px/pt: one border row at y=10, and a short dark stroke inside a glyph.
    var pixels = [UInt8](repeating: 255, count: 40 * 20)
    for x in 0..<40 { pixels[10 * 40 + x] = 0 }
    for x in 22..<30 { pixels[4 * 40 + x] = 0 }
    let raster = GrayRaster(width: 40, height: 20, scale: 1, pixels: pixels)
    let glyph = Glyph(text: "一", box: Rect(x0: 20, y0: 0, x1: 32, y1: 8))
    let lines = RulingLineScanner().scan(raster, masking: [glyph])
    #expect(lines.count == 1)
    #expect(lines.first?.orientation == .horizontal)
    #expect(abs((lines.first?.position ?? 0) - 10.5) < 0.01)
    #expect(lines.first?.length == 40)
}

@Test func classifiesBadInput() {
    func error(_ name: String) -> PDFError? {
        do { _ = try PDFDocument(path: fixture(name)); return nil } catch { return error }
    }
    #expect(error("empty.pdf") == .emptyFile)
    #expect(error("html_error_page.pdf") == .notPDF(looksLike: "HTML"))
    #expect(error("encrypted.pdf") == .encrypted)
    if case .damaged = error("damaged.pdf") {} else { Issue.record("damaged.pdf was not reported as damaged") }
    if case .unreadable = error("no-such-file.pdf") {} else { Issue.record("a missing file was not reported as unreadable") }
}

@Test func encryptedOpensWithPassword() throws {
    let doc = try PDFDocument(path: fixture("encrypted.pdf"), password: "gongkai")
    #expect(doc.glyphs(page: 0).map(\.text).joined().contains("新乡市商务局"))
}

/// A wrong password is a `wrongPassword` error, not a crash inside Poppler (issue 18); a file
/// that needs no password opens whatever password is given; the owner password opens it too.
@Test func passwordsAreTriedOnlyWhenTheFileNeedsOne() throws {
    func error(_ name: String, _ password: String?) -> PDFError? {
        do { _ = try PDFDocument(path: fixture(name), password: password); return nil } catch { return error }
    }
    for name in ["encrypted.pdf", "encrypted/rc4_40_user.pdf", "encrypted/rc4_128_user.pdf", "encrypted/aes_128_user.pdf", "encrypted/aes_256_user.pdf"] {
        #expect(error(name, nil) == .encrypted, "\(name)")
        #expect(error(name, "wrong") == .wrongPassword, "\(name)")
        #expect(error(name, "gongkai") == nil, "\(name)")
        #expect(error(name, "owner-secret") == nil, "\(name)")
    }
    for name in ["encrypted/rc4_40_owner_only.pdf", "encrypted/aes_256_owner_only.pdf", "not_a_report.pdf"] {
        #expect(error(name, nil) == nil && error(name, "wrong") == nil, "\(name)")
    }
    let doc = try PDFDocument(path: fixture("encrypted/aes_128_user.pdf"), password: "gongkai")
    #expect(doc.pageCount == 1)
}

/// The `MemoryCheck` executable SwiftPM built beside this test bundle.
private var memoryCheck: URL {
    let exe = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
    return exe.deletingLastPathComponent().appendingPathComponent("MemoryCheck")
}

/// Under AddressSanitizer freed memory sits in a quarantine and resident size grows by design;
/// LeakSanitizer checks for leaks there instead (docs/fuzzing.md).
private let underAddressSanitizer: Bool = {
    guard let handle = dlopen(nil, RTLD_NOW) else { return false }
    defer { dlclose(handle) }
    return dlsym(handle, "__asan_init") != nil
}()

@Test(.disabled(if: underAddressSanitizer, "resident size is not a leak measure under AddressSanitizer"))
func repeatedOpenAndExtractDoesNotLeak() throws {
    // Run in a process of its own: tests running in parallel would blur the resident size.
    let process = Process()
    process.executableURL = memoryCheck
    process.arguments = [sample, "200"]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let numbers = output.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    try #require(numbers.count == 3, "unexpected output: \(output)")
    let growth = numbers[2] - numbers[1]
    // A leaked page raster per run would add > 100 MB over 200 runs; a leaked glyph array > 10 MB.
    #expect(growth < 4 * 1024, "resident memory grew by \(growth) KiB over 200 runs")
}

/// A landscape page stored portrait with /Rotate 90: its text and its rendering come upright from
/// Poppler, so its size must be the turned crop box, or the right part of the table is cut off.
@Test func rotatedPageIsSizedUpright() throws {
    let doc = try PDFDocument(path: repositoryRoot.appendingPathComponent("samples/layouts/rotate90_t3.pdf").path)
    let index = try #require((0..<doc.pageCount).first { doc.text(page: $0).glyphs.map(\.text).joined().contains("申请人情况") })
    let size = try #require(doc.pageSize(index))
    #expect(size.width > size.height)
    let page = try #require(doc.content(page: index))
    #expect(page.width == size.width)
    #expect(page.glyphs.allSatisfy { $0.box.x1 <= size.width + 1 && $0.box.y1 <= size.height + 1 })
    // The table's right border is found, near the right margin of the landscape page.
    #expect(page.rulingLines.contains { $0.orientation == .vertical && $0.position > size.width * 0.85 })
}

/// A table drawn sideways on a portrait page (no /Rotate): the text direction says so and the
/// page content comes back upright.
@Test func sidewaysContentIsTurnedUpright() throws {
    let doc = try PDFDocument(path: repositoryRoot.appendingPathComponent("samples/layouts/sideways_t3.pdf").path)
    let index = try #require((0..<doc.pageCount).first { doc.text(page: $0).glyphs.map(\.text).joined().contains("申请人情况") })
    let text = doc.text(page: index)
    #expect(text.direction == .up || text.direction == .down)
    let size = try #require(doc.pageSize(index))
    #expect(size.height > size.width)
    let page = try #require(doc.content(page: index))
    #expect(page.width > page.height)
    #expect(doc.text(page: 0).direction == .upright)
}
