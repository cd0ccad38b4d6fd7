import Foundation
import PageGeometry
import Testing
@testable import PopplerKit

private let layoutFixtures = repositoryRoot.appendingPathComponent("Tests/GongkaiCLITests/LayoutFixtures")

@Test func stepsAcrossGapsDoNotVote() {
    // A turned table's row of one-digit cells as Poppler strings them: 12 pt across, 6 pt along
    // the turned text, 18.6 pt apart — each a word of its own. They say nothing of the direction.
    var votes = TextDirection.Votes()
    for k in 0..<40 {
        let x = 100 + Double(k) * 18.6
        votes.add(from: Rect(x0: x, y0: 375, x1: x + 12, y1: 381), to: Rect(x0: x + 18.6, y0: 375, x1: x + 30.6, y1: 381))
    }
    #expect(votes.counts == [0, 0, 0, 0])
    // The label characters of the same table, touching down the page, do.
    for k in 0..<25 {
        let y = 80 + Double(k) * 12
        votes.add(from: Rect(x0: 530, y0: y, x1: 542, y1: y + 12), to: Rect(x0: 530, y0: y + 12, x1: 542, y1: y + 24))
    }
    #expect(votes.counts == [0, 25, 0, 0])
    #expect(votes.winner == .down)
}

@Test func aShortLineAloneTurnsItsPage() {
    // The end of a table alone on a page (行政事业性收费 0), turned: six steps down, none across.
    #expect(TextDirection.Votes(counts: [0, 6, 0, 0]).winner == .down)
    // Among upright text, a few steps down are a vertical label.
    #expect(TextDirection.Votes(counts: [3, 6, 0, 0]).winner == .upright)
    #expect(TextDirection.Votes(counts: [0, 4, 0, 0]).winner == .upright)
}

@Test func drawnCharactersAreBoxedOnTheirTopsSide() {
    // A character advancing down the page has its top to the right: the box reaches 0.88 em
    // right of the baseline and 0.12 em left of it.
    let down = DrawnText(characters: [.init(x: 100, y: 200, dx: 0, dy: 10, size: 10, text: "三")])
    #expect(down.direction == .upright, "one character is too few to turn a page")
    #expect(down.glyphs.map(\.box) == [Rect(x0: 98.8, y0: 200, x1: 108.8, y1: 210)])
    let upright = DrawnText(characters: [.init(x: 100, y: 200, dx: 10, dy: 0, size: 10, text: "三")])
    #expect(upright.glyphs.map(\.box) == [Rect(x0: 100, y0: 191.2, x1: 110, y1: 201.2)])
    // Two scalars of one character share its advance.
    let pair = DrawnText(characters: [.init(x: 0, y: 50, dx: 20, dy: 0, size: 10, text: "ff")])
    #expect(pair.glyphs.map(\.box.x0) == [0, 10])
}

@Test func mirroredType3TextIsReadForwards() throws {
    // Chromium's Type 3 fonts on a page turned a quarter: Poppler lists 申请人情况 backwards and
    // takes the page's text for running up; the drawn characters run down, in order.
    let doc = try PDFDocument(path: layoutFixtures.appendingPathComponent("rotate90_chromium_table3_page.pdf").path)
    let text = doc.text(page: 0)
    #expect(text.direction == .down)
    let joined = text.glyphs.map(\.text).joined()
    #expect(joined.contains("申请人情况"))
    #expect(joined.contains("一、本年新收政府信息公开申请数量"))
    let size = try #require(doc.pageSize(0))
    #expect(text.glyphs.allSatisfy { $0.box.x0 >= -1 && $0.box.x1 <= size.width + 1 && $0.box.y1 <= size.height + 1 })
}

@Test func uprightChromiumPageKeepsPopplersText() throws {
    // The same producer unturned: Poppler's reading stands (the drawn characters agree with it).
    let doc = try PDFDocument(path: repositoryRoot.appendingPathComponent("samples/layouts/web_chromium_ruled.pdf").path)
    let text = doc.text(page: 1)
    #expect(text.direction == .upright)
    #expect(doc.drawnText(page: 1)?.direction == .upright)
    #expect(text.glyphs.map(\.text).joined().contains("申请人情况"))
}
