import Foundation
import GongkaiKit
import Testing
@testable import GongkaiCLI

private let xinxiang = "samples/xinxiang_commerce_2024.pdf"
private let brokenResults = "samples/rl_2021_separate_broken_results.pdf"
private func samplePath(_ relative: String) -> String { CLI.root.appendingPathComponent(relative).path }

private func temporary(_ name: String) -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-inspect-\(getpid())-\(name)")
}

/// The grids of a PDF as `gongkai grids` builds them: every page rendered, lattice tables in page order.
private func gridsAsDebugCommandSees(_ path: String) throws -> (grids: [CellGrid], sizes: [Int: (Double, Double)]) {
    let document = try PDFDocument(path: path)
    var grids: [CellGrid] = []
    var sizes: [Int: (Double, Double)] = [:]
    for index in 0..<document.pageCount {
        guard let page = document.content(page: index) else { continue }
        sizes[page.number] = (page.width, page.height)
        grids += LatticeExtractor().extract(page).tables
    }
    return (grids, sizes)
}

// MARK: provenance

/// Every provenance box is the box of the grid cell it names, on a page of the right size, and
/// the raw text is that cell's text.
@Test func provenanceBoxesAreTheGridCells() throws {
    let result = try CLI.run(["extract", xinxiang, "--provenance", "--compact"])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let json = try #require(result.json)
    let entries = try #require(json["provenance"] as? [[String: Any]])
    #expect(entries.count == cells(json).count)  // one entry per value
    let (grids, sizes) = try gridsAsDebugCommandSees(samplePath(xinxiang))
    #expect(grids.count == 3)

    for entry in entries {
        let path = try #require(entry["path"] as? String)
        let page = try #require(entry["page"] as? Int)
        let box = try #require(entry["box"] as? [Double])
        let cell = try #require(entry["cell"] as? [String: Int], "\(path) has no cell")
        let grid = grids[try #require(cell["grid"])]
        #expect(grid.page == page, "\(path)")
        let gridCell = try #require(grid.cell(row: cell["row"]!, column: cell["column"]!))
        #expect(gridCell.row == cell["row"] && gridCell.column == cell["column"])
        #expect(gridCell.rowSpan == cell["row_span"] && gridCell.columnSpan == cell["column_span"])
        let want = [gridCell.box.x0, gridCell.box.y0, gridCell.box.x1, gridCell.box.y1]
        #expect(zip(box, want).allSatisfy { abs($0 - $1) <= 0.006 }, "\(path): \(box) vs \(want)")
        #expect(entry["raw"] as? String == gridCell.text, "\(path)")
        let (width, height) = try #require(sizes[page])
        #expect(box[0] >= 0 && box[1] >= 0 && box[2] <= width && box[3] <= height && box[0] < box[2] && box[1] < box[3])
        #expect(entry["line"] == nil && entry["column"] == nil)  // PDF: no text position
    }
    // Known cells: 行政许可's 92 spans the three value columns of its row; table 三's 总计 column is the last.
    let licensing = try #require(entries.first { $0["path"] as? String == "proactive.licensing.decisions" })
    #expect((licensing["cell"] as? [String: Int])?["column_span"] == 3)
    #expect(licensing["raw"] as? String == "92")
    let total = try #require(entries.first { $0["path"] as? String == "applications.results.total.total" })
    let totalCell = try #require(total["cell"] as? [String: Int])
    #expect(totalCell["column"] == grids[1].columnCount - 1)
    #expect((total["box"] as? [Double])?[2] == grids[1].columnEdges.last.map { ($0 * 100).rounded() / 100 })
}

/// `gongkai grids` prints the same tables (size and corner) the provenance refers to.
@Test func gridsCommandListsTheSameTables() throws {
    let result = try CLI.run(["grids", xinxiang])
    #expect(result.status == 0)
    let headers = String(decoding: result.stdout, as: UTF8.self).split(separator: "\n").filter { $0.hasPrefix("-- lattice table") }
    let (grids, _) = try gridsAsDebugCommandSees(samplePath(xinxiang))
    #expect(headers.map(String.init) == grids.map { "-- lattice table \($0.rowCount)×\($0.columnCount) at \(Int($0.box.x0)),\(Int($0.box.y0))" })
}

@Test func provenanceIsOffByDefault() throws {
    let result = try CLI.run(["extract", xinxiang, "--compact"])
    #expect(result.json?["provenance"] == nil)
    let csv = try CLI.run(["extract", xinxiang, "--format", "csv"])
    #expect(String(decoding: csv.stdout, as: UTF8.self).hasPrefix("source,sha256,agency,year,template,path,value,inferred,error\r\n"))
    let withProvenance = try CLI.run(["extract", xinxiang, "--format", "csv", "--provenance"])
    let lines = String(decoding: withProvenance.stdout, as: UTF8.self).split(separator: "\r\n")
    #expect(lines.first?.hasSuffix(",error,page,x0,y0,x1,y1,raw,grid,row,column,text_line,text_column") == true)
    #expect(lines.dropFirst().allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == 20 })
}

// MARK: the layout the pipeline keeps

@Test func extractWithLayoutKeepsGridsPagesAndTheSameReport() throws {
    let extractor = ReportExtractor()
    let layout = try extractor.extractWithLayout(path: samplePath(xinxiang))
    let plain = try extractor.extract(path: samplePath(xinxiang))
    #expect(layout.report.json(provenance: true) == plain.json(provenance: true))
    #expect(layout.format == .pdf)
    #expect(layout.pages.map(\.number) == [1, 2, 3, 4])
    #expect(layout.pagesWithTables.map(\.number) == [2, 3, 4])
    #expect(layout.pages.map(\.grids) == [0..<0, 0..<1, 1..<2, 2..<3])
    #expect(layout.tables.grids.count == 3)
    #expect(layout.report.tables.gridKinds == [0: .proactive, 1: .applications, 2: .reviewLitigation])
    for page in layout.pagesWithTables {
        #expect(page.scanned && !page.rulingLines.isEmpty)
        #expect(abs(page.width - 595.3) < 1 && abs(page.height - 841.9) < 1)
    }
}

// MARK: inspect

private enum Hue { case green, orange, red }

private func hue(_ p: Pixel) -> Hue? {
    let r = Int(p.red), g = Int(p.green), b = Int(p.blue)
    if g >= r + 60 && g >= b + 40 { return .green }
    if r >= 200 && g >= 100 && g <= 190 && b <= 80 { return .orange }
    if r >= g + 80 && r >= b + 80 { return .red }
    return nil
}

/// Pixels of each overlay colour with their positions in points.
private func colouredPixels(_ image: PageImage, scale: Double) -> [Hue: [(x: Double, y: Double)]] {
    var out: [Hue: [(x: Double, y: Double)]] = [:]
    for y in 0..<image.height {
        for x in 0..<image.width {
            guard let p = image.pixel(x: x, y: y), let h = hue(p) else { continue }
            out[h, default: []].append(((Double(x) + 0.5) / scale, (Double(y) + 0.5) / scale))
        }
    }
    return out
}

/// The PNG is the page size × scale, and every green/orange/red pixel lies in the page's table.
@Test func inspectPNGIsPageSizeTimesScaleWithOverlayInsideTheTable() throws {
    let out = temporary("page3.png")
    defer { try? FileManager.default.removeItem(at: out) }
    let result = try CLI.run(["inspect", xinxiang, "--page", "3", "-o", out.path])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(result.stderr.contains("page 3 → \(out.path): 175 used, 0 inferred, 0 failed, 0 unmatched"))

    let document = try PDFDocument(path: samplePath(xinxiang))
    let size = try #require(document.pageSize(2))
    let image = try PageImage(pngPath: out.path)
    #expect(image.width == Int((size.width * 2).rounded(.up)))
    #expect(image.height == Int((size.height * 2).rounded(.up)))

    let table = try #require(try gridsAsDebugCommandSees(samplePath(xinxiang)).grids.first { $0.page == 3 }).box
    let pixels = colouredPixels(image, scale: 2)
    let green = pixels[.green] ?? []
    #expect(green.count > 20_000)  // 175 outlined cells
    #expect((pixels[.red] ?? []).isEmpty && (pixels[.orange] ?? []).isEmpty)  // every value used and every check passes
    let slack = 1.0  // antialiasing
    let outside = green.filter { !(table.x0 - slack...table.x1 + slack).contains($0.x) || !(table.y0 - slack...table.y1 + slack).contains($0.y) }
    #expect(outside.isEmpty, "\(outside.count) green pixels outside the table, e.g. \(outside.prefix(3))")
    // The value area (right of the labels, below the header) is where they are.
    let valueLeft = green.map(\.x).min() ?? 0
    #expect(valueLeft > table.x0 + 0.5 * table.width)
}

/// A failed check: red exactly on the cells of the failing columns.
@Test func inspectMarksFailedCheckCellsRed() throws {
    let out = temporary("broken.png")
    defer { try? FileManager.default.removeItem(at: out) }
    let result = try CLI.run(["inspect", brokenResults, "--page", "3", "--scale", "1", "-o", out.path])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let layout = try ReportExtractor().extractWithLayout(path: samplePath(brokenResults))
    let inspection = Inspection(layout)
    let failed = inspection.marks(onPage: 3).filter { $0.status == .failed }
    // applications.results_total fails at natural_person and total: 22 result rows × 2 columns.
    #expect(failed.count == 44)
    #expect(failed.allSatisfy { $0.path!.hasPrefix("applications.results.") && ($0.path!.hasSuffix(".natural_person") || $0.path!.hasSuffix(".total")) })
    #expect(failed.allSatisfy { $0.reason?.contains("applications.results_total") == true })

    let image = try PageImage(pngPath: out.path)
    let red = colouredPixels(image, scale: 1)[.red] ?? []
    #expect(red.count > 1_000)
    let slack = 1.0
    let stray = red.filter { p in !failed.contains { ($0.box.x0 - slack...$0.box.x1 + slack).contains(p.x) && ($0.box.y0 - slack...$0.box.y1 + slack).contains(p.y) } }
    #expect(stray.isEmpty, "\(stray.count) red pixels outside the failed cells")
}

/// Several pages: one PNG per page named by its number, or one PDF; --html embeds them all.
@Test func inspectWritesEveryTablePageAsPNGsPDFOrHTML() throws {
    let base = temporary("all.png")
    let pdf = temporary("all.pdf"), html = temporary("review.html")
    let pngs = [2, 3, 4].map { temporary("all-\($0).png") }
    defer { for url in pngs + [pdf, html] { try? FileManager.default.removeItem(at: url) } }

    #expect(try CLI.run(["inspect", xinxiang, "-o", base.path]).status == 0)
    #expect(!FileManager.default.fileExists(atPath: base.path))
    for url in pngs { #expect(FileManager.default.fileExists(atPath: url.path), "\(url.lastPathComponent)") }
    #expect(!FileManager.default.fileExists(atPath: temporary("all-1.png").path))  // page 1 has no table

    #expect(try CLI.run(["inspect", xinxiang, "-o", pdf.path]).status == 0)
    let overlaid = try PDFDocument(path: pdf.path)
    #expect(overlaid.pageCount == 3)

    let result = try CLI.run(["inspect", brokenResults, "--html", "-o", html.path])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let text = try String(contentsOf: html, encoding: .utf8)
    #expect(text.components(separatedBy: "src=\"data:image/png;base64,").count - 1 == 4)
    #expect(text.contains("<tr id=\"v-applications.results.total.natural_person\" class=\"failed\">"))
    #expect(text.contains("<tr id=\"v-proactive.normative_documents.in_force\" class=\"used\">"))
    #expect(text.contains("href=\"#v-applications.results.total.natural_person\""))
    #expect(text.contains("applications.results_total: failed"))
    // The embedded image decodes to a PNG.
    let start = try #require(text.range(of: "base64,"))
    let end = try #require(text[start.upperBound...].firstIndex(of: "\""))
    let png = try #require(Data(base64Encoded: String(text[start.upperBound..<end])))
    #expect(png.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
}

@Test func inspectRefusesWebPagesAndMissingPages() throws {
    let out = temporary("x.png")
    defer { try? FileManager.default.removeItem(at: out) }
    let html = try CLI.run(["inspect", "samples/html/pingtan_2024_article.html", "-o", out.path])
    #expect(html.status == 11)
    #expect(html.stderr.contains("inspect draws PDF pages"))
    let missing = try CLI.run(["inspect", xinxiang, "--page", "9", "-o", out.path])
    #expect(missing.status == 64)
    let bad = try CLI.run(["inspect", "Tests/GongkaiCLITests/Fixtures/encrypted.pdf", "-o", out.path])
    #expect(bad.status == 7)
}

// MARK: pieces

@Test func shortKeysDropTablePrefixAndAbbreviateApplicants() {
    #expect(Inspection.shortKey("applications.results.withheld.state_secret.natural_person") == "withheld.state_secret.np")
    #expect(Inspection.shortKey("applications.new_received.total") == "new_received.tot")
    #expect(Inspection.shortKey("applications.results.total.other_org") == "total.oo")
    #expect(Inspection.shortKey("proactive.rules.issued") == "rules.issued")
    #expect(Inspection.shortKey("review_litigation.litigation_direct.pending") == "litigation_direct.pending")
}

@Test func base64MatchesRFC4648AndFoundation() {
    let vectors = ["": "", "f": "Zg==", "fo": "Zm8=", "foo": "Zm9v", "foob": "Zm9vYg==", "fooba": "Zm9vYmE=", "foobar": "Zm9vYmFy"]
    for (plain, encoded) in vectors { #expect(Base64.encode(Array(plain.utf8)) == encoded) }
    let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 7919) }
    #expect(Base64.encode(bytes) == Data(bytes).base64EncodedString())
}

@Test func numberedOutputNames() {
    #expect(InspectCommand.numbered("out.png", 3) == "out-3.png")
    #expect(InspectCommand.numbered("dir.v2/out", 12) == "dir.v2/out-12")
    #expect(InspectCommand.numbered("/tmp/a.b.PNG", 2) == "/tmp/a.b-2.PNG")
}

/// A lattice-like grid from rows of texts ("<" merges into the left cell, "^" into the one above);
/// columns 40 pt wide, rows 20 pt high.
private func grid(_ rows: [[String]], page: Int) -> CellGrid {
    let cols = rows.map(\.count).max() ?? 0
    let xs = (0...cols).map { Double($0) * 40 }, ys = (0...rows.count).map { Double($0) * 20 }
    var owner = [[Int]](repeating: [Int](repeating: -1, count: cols), count: rows.count)
    var cells: [GridCell] = []
    for r in rows.indices {
        for c in 0..<cols {
            let text = c < rows[r].count ? rows[r][c] : ""
            if text == "<", c > 0 { owner[r][c] = owner[r][c - 1]; continue }
            if text == "^", r > 0 { owner[r][c] = owner[r - 1][c]; continue }
            owner[r][c] = cells.count
            cells.append(GridCell(row: r, column: c, box: Rect(x0: xs[c], y0: ys[r], x1: xs[c + 1], y1: ys[r + 1]), text: text))
        }
    }
    for r in rows.indices {
        for c in 0..<cols {
            let i = owner[r][c]
            cells[i].rowSpan = max(cells[i].rowSpan, r - cells[i].row + 1)
            cells[i].columnSpan = max(cells[i].columnSpan, c - cells[i].column + 1)
            cells[i].box = cells[i].box.union(Rect(x0: xs[c], y0: ys[r], x1: xs[c + 1], y1: ys[r + 1]))
        }
    }
    return CellGrid(page: page, rowEdges: ys, columnEdges: xs, cells: cells, method: .lattice)
}

/// Colours follow the values: null and failed-check cells red, inferred orange, the rest green,
/// and numbers in a report table that no value came from are marked unmatched.
@Test func marksFollowValuesChecksAndUnmatchedNumbers() throws {
    let outcomes = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    let table = grid([
        ["行政复议", "<", "<", "<", "<", "行政诉讼"] + Array(repeating: "<", count: 9),
        outcomes + ["未经复议直接起诉", "<", "<", "<", "<", "复议后起诉", "<", "<", "<", "<"],
        ["^", "^", "^", "^", "^"] + outcomes + outcomes,
        ["1", "2", "0", "0", "4", "", "0", "0", "0", "0", "0", "0", "0", "0", "0"],  // review: 1+2 ≠ 4; a blank
        ["7", "无", "", "", "", "", "", "", "", "", "", "", "", "", "说明"],          // a row no value comes from
    ], page: 4)
    var report = try ReportParser().parse(grids: [table], headLines: [])
    // What an inference would look like (none is made yet): the value is marked, not read.
    if let i = report.tables.reviewLitigation.values.firstIndex(where: { $0.path == ["litigation_after_review", "total"] }) {
        report.tables.reviewLitigation.values[i].inferredBy = "review_litigation.totals"
    }
    let tables = TableDocument(pages: 4, grids: [table], leadingLines: [], fullText: "")
    let page = PageLayout(number: 4, width: 600, height: 400, scanned: true, rulingLines: [], grids: 0..<1)
    let inspection = Inspection(ExtractionLayout(report: report, format: .pdf, tables: tables, pages: [page]))

    func status(_ path: String) -> Inspection.Status? { inspection.marks.first { $0.path == path }?.status }
    for outcome in ["upheld", "corrected", "other", "pending", "total"] {
        #expect(status("review_litigation.review.\(outcome)") == .failed)
    }
    #expect(status("review_litigation.litigation_direct.upheld") == .failed)  // blank → null
    #expect(inspection.marks.first { $0.path == "review_litigation.litigation_direct.upheld" }?.reason?.contains("blank") == true)
    #expect(status("review_litigation.litigation_direct.corrected") == .used)
    #expect(status("review_litigation.litigation_after_review.total") == .inferred)
    let unmatched = inspection.marks.filter { $0.status == .unmatched }
    #expect(unmatched.map(\.raw) == ["7", "无"])
    #expect(unmatched.allSatisfy { $0.page == 4 && $0.box.y0 == 80 && $0.path == nil })
    #expect(inspection.counts(onPage: 4) == [.failed: 6, .used: 8, .inferred: 1, .unmatched: 2])

    // The overlay: one line per ruling line, a dashed box per grid cell, then one box per mark.
    let shapes = inspection.overlay(page: 4)
    #expect(shapes.count == table.cells.count + inspection.marks.count)
    #expect(inspection.overlay(page: 4, grid: false).count == inspection.marks.count)
    #expect(inspection.overlay(page: 3).isEmpty)
    let html = InspectionHTML.render(inspection, pages: [.init(number: 4, png: [0x89, 0x50])])
    #expect(html.contains("<tr id=\"v-unmatched-4-15\" class=\"unmatched\">"))
    #expect(html.contains("data:image/png;base64,iVA="))
}
