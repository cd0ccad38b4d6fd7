import Foundation
import Testing
@testable import PopplerKit

private func fixtureBytes(_ path: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: repositoryRoot.appendingPathComponent(path)))
}

private func reader(_ path: String, password: String? = nil, limits: PathReader.Limits = .init()) throws -> PathReader {
    try #require(PathReader(bytes: try fixtureBytes(path), password: password, limits: limits))
}

private let fixtures = "Tests/PopplerKitTests/Fixtures/"

@Test func lzwContentStreamsAreReadForTheirPaths() throws {
    // Poppler decodes LZW; the paths land in page space with y down (842 - y).
    let shapes = try reader(fixtures + "lzw_grid.pdf").shapes(page: 0)
    #expect(shapes.width == 595 && shapes.height == 842)
    let across = shapes.segments.filter { $0.y0 == $0.y1 }.map(\.y0).sorted()
    let down = shapes.segments.filter { $0.x0 == $0.x1 }.map(\.x0).sorted()
    #expect(across == [142, 192, 242, 292])
    #expect(down == [72, 272, 472])
    #expect(shapes.segments.allSatisfy { $0.width == 1 && $0.luma == 0 })
    let bar = try #require(shapes.fills.first)
    #expect(shapes.fills.count == 1)
    #expect(bar.box == PaintedShapes.Box(x0: 72, y0: 340, x1: 472, y1: 342))
    #expect(shapes.images.isEmpty)
}

@Test func encryptedFilesAreReadForTheirPaths() throws {
    // AES-256 with no user password, and with one (given), paint what the plain file paints.
    let plain = try reader("samples/lo_2021_combined_dash.pdf").shapes(page: 1)
    #expect(plain.segments.count + plain.fills.count > 30)
    for (name, password) in [("restricted_aes_256.pdf", nil), ("password_aes_256.pdf", "user-secret"), ("object_streams.pdf", nil)] {
        let shapes = try reader(fixtures + name, password: password).shapes(page: 1)
        #expect(shapes.segments == plain.segments, "\(name)")
        #expect(shapes.fills == plain.fills, "\(name)")
    }
}

@Test func aWrongPasswordOpensNothing() throws {
    #expect(PathReader(bytes: try fixtureBytes(fixtures + "password_aes_256.pdf"), password: nil) == nil)
    #expect(PathReader(bytes: try fixtureBytes(fixtures + "password_aes_256.pdf"), password: "wrong") == nil)
}

@Test func pagesPastTheLimitsAreTooComplex() throws {
    var limits = PathReader.Limits()
    limits.shapes = 5
    #expect(throws: PathReader.Failure.tooComplex) { try reader(fixtures + "lzw_grid.pdf", limits: limits).shapes(page: 0) }
    limits = PathReader.Limits()
    limits.operators = 10
    let sample = try reader("samples/lo_2021_combined_dash.pdf", limits: limits)
    #expect(throws: PathReader.Failure.tooComplex) { try sample.shapes(page: 1) }
    #expect(throws: PathReader.Failure.noPage) { try reader(fixtures + "lzw_grid.pdf").shapes(page: 1) }
}

@Test(arguments: ["fuzz_012340_offset_past_end.pdf", "fuzz_016523_offset_past_end.pdf"])
func damagedFilesEndWithoutATrap(name: String) throws {
    // Files that once trapped our own parser: Poppler repairs or refuses them.
    guard let r = PathReader(bytes: try fixtureBytes(fixtures + name), password: nil) else { return }
    for page in 0..<r.pageCount { _ = try? r.shapes(page: page) }
}
