import OCRKit
import ScanImaging
import TableLayout

/// The tables of a scanned page drawn without enough ruling lines for a lattice (borderless and
/// three-line tables): the page's characters, read with their boxes (`PageTextReader`), laid out by
/// the same builders as a PDF's text page (`PageTables`), with the horizontal rules the line finder
/// did find as row separators. Value cells are then read by their box, as a ruled scan's cells are
/// (`rereadValueCells`).
struct ScannedStreamPage {
    var layout: LayoutSettings
    /// Lines of pieces standing apart (`InkPieces.alignedRows`) a page needs before it is read this
    /// way: pages of running text have none, and reading all of a page's print is costly.
    static let minAlignedRows = 2
    /// …or one line of at least this many such pieces: table 四's one row of fifteen numbers under
    /// headers set two characters to a line in narrow columns.
    static let piecesOfALoneRow = 8
    /// Rules wider than this many points are painted over before the page is read (Tesseract reads
    /// a rule through a line of text as dashes); pixels each side of the stroke painted too.
    static let eraseMargin = 2

    /// The page's tables: none when its print does not stand in aligned rows. `image` is the
    /// deskewed page at `scale` pixels per point, `lines` the ruling lines found on it (points).
    func tables(_ image: GrayImage, threshold: UInt8, scale: Double, lines: [RulingLine], page: PageContent, reader: CellReader) -> [CellGrid] {
        let dpi = scale * 72
        let clean = image.painted(lines.map { Self.pixelBox(of: $0, scale: scale) }, level: image.median)
        let (pieces, em) = InkPieces.pieces(clean, threshold: threshold, dpi: dpi)
        guard InkPieces.alignedRows(pieces, em: em) >= Self.minAlignedRows
            || InkPieces.alignedRows(pieces, em: em, minPieces: Self.piecesOfALoneRow) >= 1 else { return [] }
        let characters = PageTextReader(reader: reader).characters(of: pieces, em: em, in: clean, threshold: threshold, dpi: dpi)
        var content = page
        let box = { (c: PageTextReader.Character) in Rect(x0: Double(c.x0) / scale, y0: Double(c.y0) / scale, x1: Double(c.x1) / scale, y1: Double(c.y1) / scale) }
        content.glyphs = characters.map { Glyph(text: $0.text, box: box($0)) }
        let provisional = characters.filter(\.provisional).map(box)
        let textBoxes = characters.filter { $0.confidence == nil }.map(box)
        // Cells are read again without the page's text words in them (a label reaching into a
        // value column is not read with the value).
        let textInk = characters.filter { $0.confidence == nil }.map { (x0: $0.x0, y0: $0.y0, x1: $0.x1, y1: $0.y1) }
        let values = clean.painted(textInk, level: clean.median)
        content.rulingLines = lines
        var (grids, _) = PageTables.tables(on: content, layout: layout)
        grids.removeAll { $0.box.width < ScannedPageAnalyzer.minTableWidthShare * page.width }
        for g in grids.indices {
            Self.setConfidences(&grids[g], characters, scale: scale)
            rereadValueCells(&grids[g], provisional: provisional, text: textBoxes, values, threshold: threshold, scale: scale, reader: reader)
        }
        return grids
    }

    /// Each cell's confidence: the least of the readings of the characters inside it.
    static func setConfidences(_ grid: inout CellGrid, _ characters: [PageTextReader.Character], scale: Double) {
        for c in grid.cells.indices {
            let box = grid.cells[c].box
            let inside = characters.filter { box.contains(x: Double($0.x0 + $0.x1) / 2 / scale, y: Double($0.y0 + $0.y1) / 2 / scale) }
            grid.cells[c].ocrConfidence = inside.compactMap(\.confidence).min()
        }
    }

    /// The cells holding a piece of ink read as no sure value (`provisional`) and no text, read
    /// again whole by their box, as a ruled scan's cells are: the digits of one number may have
    /// stood apart as two pieces. The page's text is painted out of `image` (a label reaching
    /// into a value column is not read with the value). A doubtful reading stays doubtful.
    func rereadValueCells(_ grid: inout CellGrid, provisional: [Rect], text: [Rect], _ image: GrayImage, threshold: UInt8, scale: Double, reader: CellReader) {
        let paper = image.median
        for c in grid.cells.indices {
            let box = grid.cells[c].box
            guard provisional.contains(where: { box.contains(x: $0.midX, y: $0.midY) }),
                  !text.contains(where: { box.contains(x: $0.midX, y: $0.midY) }) else { continue }
            let cell = grid.cells[c]
            let crop = image.cropped(x0: Int(box.x0 * scale), y0: Int(box.y0 * scale), x1: Int(box.x1 * scale), y1: Int(box.y1 * scale))
                .withoutInkTouchingSides(threshold: threshold, paper: paper)
            let result = reader.read(crop, threshold: threshold, dpi: scale * 72, name: "p\(grid.page)-stream-r\(cell.row)-c\(cell.column)")
            grid.cells[c].text = result.text
            grid.cells[c].ocrConfidence = result.confidence
        }
    }

    /// The pixels a ruling line covers, `eraseMargin` added round it.
    static func pixelBox(of line: RulingLine, scale: Double) -> (x0: Int, y0: Int, x1: Int, y1: Int) {
        let half = line.thickness / 2 * scale + Double(eraseMargin)
        let across = (Int(line.position * scale - half), Int((line.position * scale + half).rounded(.up)))
        let along = (Int(line.start * scale) - eraseMargin, Int((line.end * scale).rounded(.up)) + eraseMargin)
        return line.orientation == .horizontal ? (along.0, across.0, along.1, across.1) : (across.0, along.0, across.1, along.1)
    }
}
