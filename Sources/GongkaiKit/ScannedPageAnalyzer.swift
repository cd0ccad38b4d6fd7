#if canImport(Glibc)
import Glibc
#endif
import GongkaiReport
import OCRKit
import ScanImaging
import Synchronization

/// When pages are read by OCR.
public enum OCRMode: String, Sendable, CaseIterable {
    /// Pages without a text layer (scans).
    case auto
    /// Every page, its text layer ignored.
    case always
    /// No page: a scan stops with `noTextLayer`.
    case never
}

/// Tesseract instances for page workers: each loads its language data once (a few hundred
/// milliseconds) and serves one thread at a time.
final class CellReaderPool: Sendable {
    private let idle = Mutex<[UncheckedReader]>([])

    private struct UncheckedReader: @unchecked Sendable { let reader: CellReader }

    /// Runs `body` with a reader no other thread is using; nil when the language data is missing.
    func withReader<T>(_ body: (CellReader) -> T) -> T? {
        let taken = idle.withLock { $0.popLast() }
        guard let reader = taken?.reader ?? CellReader() else { return nil }
        defer { idle.withLock { $0.append(UncheckedReader(reader: reader)) } }
        return body(reader)
    }
}

/// Reads a scanned page: the page rendered at the scan's own resolution, deskewed, its table
/// borders found as long runs of ink and built into grids by the same lattice builder as vector
/// lines, then each cell read by OCR (`CellReader`).
struct ScannedPageAnalyzer: Sendable {
    var layout: LayoutSettings
    var pool: CellReaderPool
    /// Resolutions a page is rendered at, in dots per inch: the scan's own within these bounds.
    static let dpiRange = 150.0...300.0
    /// How far inside a cell's borders its picture is cut, in points (the border's own ink and
    /// what a slightly uneven line leaves must not reach the OCR).
    static let cellInset = 1.8
    /// Grids narrower than this share of the page are not tables: the strokes of a large title's
    /// characters are long enough to pass for ruling lines and close into tiny grids.
    static let minTableWidthShare = 0.2
    /// Pages whose text above the tables is read for the title (the report's opening).
    static let titlePages = 1
    /// On a page without tables, the share of its height (from the top) read for the title.
    static let titleShareWithoutTables = 0.3
    /// Text lines at the top of the title block read first: a title sits among them, and the
    /// rest of the block (often a page of running text, the costliest OCR of a scan) is read only
    /// when they hold none.
    static let titleFirstLines = 4

    /// What the page says, read by OCR; nil when the page cannot be rendered or Tesseract's
    /// language data is not installed.
    ///
    /// A page whose text runs down, up or upside down (a landscape table scanned on a portrait
    /// sheet, a scan given a /Rotate) is read turned upright, as a text page is. Orientation
    /// detection costs about half a second a page, so it runs only when the page read as it
    /// stands recognises nothing (`recognisesNothing`): an upright page pays nothing for it.
    func analyze(_ document: PDFDocument, page index: Int) -> (analysis: PageAnalysis, confidence: Double?)? {
        guard let displayed = document.pageSize(index) else { return nil }
        let native = document.largestImage(page: index).map { $0.pixelsPerPoint * 72 } ?? 300
        let dpi = min(Self.dpiRange.upperBound, max(Self.dpiRange.lowerBound, native))
        guard let raster = document.grayRaster(page: index, scale: dpi / 72) else { return nil }
        let image = GrayImage(width: raster.width, height: raster.height, pixels: raster.pixels)
        guard let asItStands = read(image, turned: .upright, dpi: dpi, displayed: displayed, page: index) else { return nil }
        guard recognisesNothing(asItStands, page: index),
              let turn = pool.withReader({ reader in Self.turn(of: image, dpi: dpi, reader: reader) }), turn != 0,
              let direction = TextDirection(rawValue: turn) else { return asItStands }
        return read(image.turnedBack(turn), turned: direction, dpi: dpi, displayed: displayed, page: index) ?? asItStands
    }

    /// Whether a page's reading shows nothing an upright page would: tables whose cells carry no
    /// table label (`PageAnalyzer.carriesTableLabels`; text read at the wrong angle comes out as
    /// other characters — an upside-down table's digits may still read well, so confidence does
    /// not tell), ruling lines that close into a table turned a quarter (too narrow across the
    /// page to pass for one, but as tall as a table is wide), or a first page without tables
    /// whose title is not found. A first page whose title is found reads upright, whatever the
    /// strokes of its large characters or a seal leave as ruling lines.
    func recognisesNothing(_ reading: (analysis: PageAnalysis, confidence: Double?), page index: Int) -> Bool {
        let analysis = reading.analysis
        if !analysis.grids.isEmpty { return !PageAnalyzer.carriesTableLabels(analysis.text) }
        let isTitlePage = index < Self.titlePages
        if isTitlePage, TitleReader.read(lines: analysis.ocrHeadLines) != nil { return false }
        return isTitlePage || closesIntoTurnedTable(analysis)
    }

    /// Whether the page's ruling lines close into a grid as tall as a table is wide
    /// (`minTableWidthShare` of the page's height): a table turned a quarter.
    func closesIntoTurnedTable(_ analysis: PageAnalysis) -> Bool {
        guard let size = analysis.size, analysis.rulingLines.count >= Self.minLinesOfTurnedTable else { return false }
        let page = PageContent(number: analysis.number, width: size.width, height: size.height, glyphs: [], rulingLines: analysis.rulingLines)
        return LatticeExtractor(settings: layout).extract(page).tables.contains { $0.box.height >= Self.minTableWidthShare * size.height }
    }

    /// Ink at least this wide and tall, in points, is a solid area (`SolidInk`), not print: the
    /// strokes of a bold 22 pt title are some 3 pt thick, a table's rules under 2 pt.
    static let solidInkSize = 6.0

    /// Dark bands along the picture's edges at least this deep and long, in points, are the
    /// scanner beyond the sheet (`SolidInk.withoutEdgeBands`).
    static let edgeBandDepth = 3.0

    /// Fewest ruling lines worth asking about: a table's two borders each way.
    static let minLinesOfTurnedTable = 4

    /// The page's picture, turned upright by `direction`, read: deskewed, its ruled tables found
    /// and read cell by cell (a page without them read whole when its rows line up), and the
    /// first page's title block.
    private func read(_ picture: GrayImage, turned direction: TextDirection, dpi: Double,
                      displayed: (width: Double, height: Double), page index: Int) -> (analysis: PageAnalysis, confidence: Double?)? {
        let scale = dpi / 72
        var image = picture
        let size = direction == .down || direction == .up ? (width: displayed.height, height: displayed.width) : displayed
        let threshold = Binarizer.otsuThreshold(image)
        image = SolidInk.withoutEdgeBands(image, threshold: threshold, minRun: Int(Self.edgeBandDepth * scale))
        var ink = Binarizer.ink(image, threshold: threshold)
        let skew = Deskew.angle(of: ink, width: image.width, height: image.height, solidSize: Int(Self.solidInkSize * scale))
        if skew != 0 {
            image = Deskew.rotate(image, by: skew)
            ink = Binarizer.ink(image, threshold: threshold)
        }
        let lines = ScanLineFinder().lines(ink: ink, width: image.width, height: image.height, scale: scale)
        Self.debugLog("page \(index + 1): \(Int(dpi)) dpi, turned \(direction.rawValue)°, threshold \(threshold), skew \(skew)°, \(lines.count) lines\n"
            + lines.map { "  \($0.orientation == .horizontal ? "H" : "V") \(Int($0.position)) \(Int($0.start))-\(Int($0.end)) t\($0.thickness)\n" }.joined())
        let page = PageContent(number: index + 1, width: size.width, height: size.height, glyphs: [], rulingLines: lines)
        var (grids, _) = LatticeExtractor(settings: layout).extract(page)
        grids.removeAll { $0.box.width < Self.minTableWidthShare * size.width }
        var headLines: [String] = []
        let read: Void? = pool.withReader { reader in
            // No ruled table: a table drawn without (enough) lines is read from the page's characters.
            if grids.isEmpty {
                grids = ScannedStreamPage(layout: layout).tables(image, threshold: threshold, scale: scale, lines: lines, page: page, reader: reader)
            } else {
                readCells(&grids, image, threshold: threshold, scale: scale, page: index + 1, reader: reader)
            }
            if index < Self.titlePages {
                let top = grids.map(\.box.y0).min() ?? size.height * Self.titleShareWithoutTables
                let block = image.cropped(x0: 0, y0: 0, x1: image.width, y1: Int((top - Self.cellInset) * scale))
                headLines = Self.readHead(block, reader: reader, threshold: threshold, dpi: dpi)
            }
        }
        guard read != nil else { return nil }
        Self.debugLog(grids.map { "-- grid at \(Int($0.box.x0)),\(Int($0.box.y0))\n\($0.debugDescription)\n" }.joined())
        let text = grids.flatMap { $0.cells.map(\.text) }.joined()
        var analysis = PageAnalysis(number: index + 1, glyphCount: text.count, text: text, grids: grids, freeLines: [])
        analysis.ocrHeadLines = headLines
        analysis.size = displayed
        analysis.scanned = true
        analysis.direction = direction
        analysis.rulingLines = PageContent(number: index + 1, width: size.width, height: size.height, glyphs: [], rulingLines: lines)
            .upright(from: direction.inverse).rulingLines
        let confidences = grids.flatMap { $0.cells.compactMap(\.ocrConfidence) }
        let mean = confidences.isEmpty ? nil : Double(confidences.reduce(0, +)) / Double(confidences.count)
        return (analysis, mean)
    }

    /// Each cell of ruled grids read by OCR from its picture inside its borders.
    func readCells(_ grids: inout [CellGrid], _ image: GrayImage, threshold: UInt8, scale: Double, page: Int, reader: CellReader) {
        for g in grids.indices {
            for c in grids[g].cells.indices {
                let box = grids[g].cells[c].box.insetBy(dx: Self.cellInset, dy: Self.cellInset)
                let crop = image.cropped(x0: Int(box.x0 * scale), y0: Int(box.y0 * scale), x1: Int(box.x1 * scale), y1: Int(box.y1 * scale))
                let cell = grids[g].cells[c]
                let result = reader.read(crop, threshold: threshold, dpi: scale * 72, name: "p\(page)-g\(g)-r\(cell.row)-c\(cell.column)")
                grids[g].cells[c].text = result.text
                grids[g].cells[c].ocrConfidence = result.confidence
            }
        }
    }

    /// Least resolution the orientation is detected at: Tesseract is surer of a finer picture (a
    /// table page scanned at 150 dpi, turned upside down, scored 0.6 there and 4.4 enlarged to 200).
    static let orientationDPI = 200.0

    /// How far the page's content is turned clockwise (`PageOrientation`), 0 when not known.
    static func turn(of image: GrayImage, dpi: Double, reader: CellReader) -> Int {
        guard let orientation = reader.orientation else { return 0 }
        let picture = dpi < orientationDPI ? image.scaled(by: orientationDPI / dpi) : image
        return orientation.turn(gray: picture.pixels, width: picture.width, height: picture.height, resolution: Int(max(dpi, orientationDPI)))
    }

    /// The lines of the block above page 1's tables: its first `titleFirstLines` lines, and the
    /// rest only when those hold no title (`TitleReader`, which reads the title from these lines).
    static func readHead(_ block: GrayImage, reader: CellReader, threshold: UInt8, dpi: Double) -> [String] {
        let points = dpi / 72
        let bands = TextLineBands.bands(block, threshold: threshold, minGap: max(2, Int(2 * points)), minHeight: max(3, Int(3 * points)))
        guard let cut = TextLineBands.cut(after: titleFirstLines, in: bands) else {
            return reader.readLines(block, threshold: threshold, dpi: dpi)
        }
        let first = reader.readLines(block.cropped(x0: 0, y0: 0, x1: block.width, y1: cut), threshold: threshold, dpi: dpi)
        if TitleReader.read(lines: first) != nil { return first }
        return first + reader.readLines(block.cropped(x0: 0, y0: cut, x1: block.width, y1: block.height), threshold: threshold, dpi: dpi)
    }

    /// Debugging aid: appends `text` to the file named by `GONGKAI_OCR_DEBUG`, when set. Debug
    /// builds only: the environment does not reach into a release build's extraction.
    static func debugLog(_ text: @autoclosure () -> String) {
        #if DEBUG
        guard let path = getenv("GONGKAI_OCR_DEBUG"), let file = fopen(path, "a") else { return }
        fputs(text(), file)
        fclose(file)
        #endif
    }
}
