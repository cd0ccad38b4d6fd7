#if canImport(Glibc)
import Glibc
#endif
import ScanImaging

/// Reads a scanned page whose table has no ruling lines to cut it into cells: the page's print is
/// cut into pieces from its ink (`InkPieces`: a label's line, a number, a dash), and each piece is
/// read alone by `CellReader` under its honesty rules (a doubtful number stays a marked doubtful
/// reading, never a value). The pieces, their text spread over their boxes, are the layout the
/// stream builder lays the table out from, as a PDF's characters are.
public struct PageTextReader {
    public var reader: CellReader
    public init(reader: CellReader) { self.reader = reader }

    /// One character of the page, its box in the page picture's pixels; `confidence` is that of
    /// the reading it comes from (nil for a character of text, not of a value).
    public struct Character: Sendable, Equatable {
        public var text: String
        public var x0: Int, y0: Int, x1: Int, y1: Int
        public var confidence: Int?
        /// A piece of ink read as no sure value, standing in as `placeholder` so that the layout
        /// sees a value there: the cell it lands in must be read again (its text is no reading).
        public var provisional = false
    }

    /// The text of a provisional character: a value to the layout, never to a report, for the
    /// cells holding one are read again by their box.
    public static let placeholder = "—"

    /// A piece read: its box and what `CellReader` made of it.
    struct ReadPiece {
        var box: InkPieces.Box
        var result: CellReader.Result
        var isText: Bool { result.text.contains(where: CellReader.isChinese) && !result.doubtful }
    }

    /// The characters of the pieces of print (`InkPieces`, text `em` pixels tall) of the page
    /// `image` (scanned at `dpi`, `threshold` its ink level).
    public func characters(of pieces: [InkPieces.Box], em: Double, in image: GrayImage, threshold: UInt8, dpi: Double) -> [Character] {
        let paper = image.median
        let cutOut = { (box: InkPieces.Box) in image.isolating(box, margin: max(4, Int(em / 2)), paper: paper) }
        let read = pieces.map { box in
            let picture = cutOut(box)
            var result = reader.read(picture, threshold: threshold, dpi: dpi)
            // A doubtful piece a line of text tall and two characters wide: looked at again as text.
            if result.doubtful, Double(box.height) >= Self.textHeight * em, Double(box.width) >= 1.5 * em,
               let text = reader.readAsText(picture, threshold: threshold, dpi: dpi) { result = text }
            return ReadPiece(box: box, result: result)
        }
        Self.trace(read, em: em)
        let numbered = withNumberingJoined(read.filter { !$0.result.text.isEmpty }, em: em, threshold: threshold, dpi: dpi, cutOut: cutOut)
        return Self.joinedAfterMarks(numbered, em: em).map { Self.lineTall($0, em: em) }.flatMap(Self.characters(of:))
    }

    /// The piece's box made one text line (`em`) tall about its middle, as a PDF gives every glyph
    /// its font's box: boxes of ink are as tall as their marks (a dash two pixels, digits
    /// three quarters of an ideograph), and the layout measures the gaps between lines and their
    /// middles on such boxes.
    static func lineTall(_ piece: ReadPiece, em: Double) -> ReadPiece {
        var out = piece
        let middle = Double(piece.box.y0 + piece.box.y1) / 2, half = max(em, Double(piece.box.height)) / 2
        out.box.y0 = Int((middle - half).rounded())
        out.box.y1 = Int((middle + half).rounded())
        return out
    }

    /// Print at least this tall (in heights of the page's lines of text) is as tall as a line of
    /// characters: digits stand some three quarters of it.
    static let textHeight = 0.85

    /// Widest piece taken for numbering, and how far off the text it opens it may stand, in text
    /// heights: `3．` is some one and a half wide, its full stop sits left in its square and a space
    /// may follow it.
    static let numberingWidth = 1.6
    static let numberingGap = 1.6

    /// Numbering read apart from the text it opens (`3．` then `补正后…`, a number or a doubtful
    /// reading alone) joined to it: a narrow piece that is no text, with a text piece starting on
    /// its line just right of it, is read again together with that piece, and the two are one when
    /// that reading opens with numbering (`opensWithNumbering`). A value left of a label is not a
    /// table's order, so a narrow piece there is rarely anything else; the reading decides.
    /// `cutOut` gives a box's picture alone on paper.
    func withNumberingJoined(_ pieces: [ReadPiece], em: Double, threshold: UInt8, dpi: Double, cutOut: (InkPieces.Box) -> GrayImage) -> [ReadPiece] {
        var out = pieces.sorted { ($0.box.x0, $0.box.y0) < ($1.box.x0, $1.box.y0) }
        var i = 0
        while i < out.count {
            let left = out[i]
            if !left.isText, Double(left.box.width) <= Self.numberingWidth * em,
               let j = out.indices.first(where: { out[$0].isText && out[$0].box.startsBeside(left.box, within: Self.numberingGap * em) }) {
                let box = left.box.union(out[j].box)
                let result = reader.read(cutOut(box), threshold: threshold, dpi: dpi)
                if !result.doubtful, Self.opensWithNumbering(result.text) {
                    out[j] = ReadPiece(box: box, result: result)
                    out.remove(at: i)
                    continue
                }
            }
            i += 1
        }
        return out
    }

    /// Whether a label opens with numbering: `1.` `2．` `3、` `一、` `（四）`.
    static func opensWithNumbering(_ text: String) -> Bool {
        let t = Array(text.filter { !$0.isWhitespace })
        guard t.count >= 3, t.dropFirst(2).contains(where: CellReader.isChinese) else { return false }
        let numerals = "一二三四五六七八九十"
        if t[0].isNumber { return ".．、,，".contains(t[1]) || (t[1].isNumber && ".．、,，".contains(t[2])) }
        if "(（".contains(t[0]) { return numerals.contains(t[1]) }
        return numerals.contains(t[0]) && t[1] == "、"
    }

    /// Marks that sit in the left of their square (、，。：；) or close a number (1.), so that the
    /// ink of the text after them stands further off than a word's characters do.
    static let leftSittingMarks: Set<Swift.Character> = ["、", "，", "。", "：", "；", ",", ".", ":", ";"]
    /// How far, in text heights, the text after such a mark may stand and still continue it.
    static let gapAfterMark = 1.2

    /// Text pieces joined to the text piece they continue after a mark (`一、` and `本年新收…`).
    static func joinedAfterMarks(_ pieces: [ReadPiece], em: Double) -> [ReadPiece] {
        var out: [ReadPiece] = []
        for piece in pieces.sorted(by: { ($0.box.x0, $0.box.y0) < ($1.box.x0, $1.box.y0) }) {
            if piece.isText, let i = out.lastIndex(where: { continues($0, with: piece, em: em) }) {
                out[i].result.text += piece.result.text
                out[i].box = out[i].box.union(piece.box)
            } else {
                out.append(piece)
            }
        }
        return out
    }

    /// Whether `next` goes on from the text piece `left` that ends in a mark sitting left.
    static func continues(_ left: ReadPiece, with next: ReadPiece, em: Double) -> Bool {
        guard left.isText, let last = left.result.text.last, leftSittingMarks.contains(last) else { return false }
        return next.box.startsBeside(left.box, within: gapAfterMark * em)
    }

    /// Debugging (debug builds): appends each piece's box and reading to the file named by
    /// `GONGKAI_OCR_TRACE`, a page's pieces together.
    static func trace(_ pieces: [ReadPiece], em: Double) {
        #if DEBUG
        guard let path = getenv("GONGKAI_OCR_TRACE"), let file = fopen(path, "a") else { return }
        fputs("== \(pieces.count) pieces, em \(Int(em)) px\n", file)
        for p in pieces { fputs("piece \(p.box.x0),\(p.box.y0)-\(p.box.x1),\(p.box.y1) \(p.result.text) \(p.result.confidence ?? -1)\n", file) }
        fclose(file)
        #endif
    }

    /// A piece's text spread evenly over its box, one character a slot; a doubtful reading is one
    /// provisional character holding the whole mark.
    static func characters(of piece: ReadPiece) -> [Character] {
        let p = piece.box, result = piece.result
        if result.doubtful {
            return [Character(text: placeholder, x0: p.x0, y0: p.y0, x1: p.x1, y1: p.y1, confidence: result.confidence, provisional: true)]
        }
        let letters = Array(result.text)
        let step = Double(p.width) / Double(letters.count)
        let confidence = piece.isText ? nil : result.confidence
        return letters.enumerated().map { i, c in
            Character(text: String(c), x0: p.x0 + Int(Double(i) * step), y0: p.y0, x1: p.x0 + Int(Double(i + 1) * step), y1: p.y1,
                      confidence: confidence)
        }
    }
}

extension GrayImage {
    /// The box with `margin` pixels of paper around it, nothing else's ink in it: a piece of print
    /// cut out to be read alone.
    func isolating(_ box: InkPieces.Box, margin: Int, paper: UInt8) -> GrayImage {
        var out = GrayImage(width: box.width + 2 * margin, height: box.height + 2 * margin, filledWith: paper)
        for y in max(0, box.y0)..<min(height, box.y1) {
            for x in max(0, box.x0)..<min(width, box.x1) { out.pixels[(y - box.y0 + margin) * out.width + x - box.x0 + margin] = self[x, y] }
        }
        return out
    }
}
