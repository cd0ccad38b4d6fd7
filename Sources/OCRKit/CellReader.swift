#if canImport(Glibc)
import Glibc
#endif
import ScanImaging

/// Reads one table cell of a scanned page: its ink cut out, enlarged, and read by Tesseract —
/// labels in `chi_sim`, values again as one line limited to the characters a value may hold.
///
/// A value is given only when Tesseract is sure of it; otherwise the cell's text says that it
/// could not be read (and what the doubtful reading was), which the report turns into null with a
/// warning — a wrong number is worse than a missing one.
public final class CellReader {
    /// What one cell says.
    public struct Result: Sendable, Equatable {
        public var text: String
        /// Tesseract's confidence (0…100); nil for a cell without ink.
        public var confidence: Int?
        /// Whether the text is a doubtful reading marked as such rather than a value.
        public var doubtful: Bool
    }

    /// Lowest confidence at which a value is taken.
    public var minValueConfidence = 85
    /// Lowest confidence of the Chinese model at which a number that both models read alike is
    /// taken, however unsure the limited model is (its first choice for a lone 0 is the letter O,
    /// which the whitelist leaves it at a confidence near 0).
    public var minAgreedConfidence = 60
    /// The resolution cells are read at.
    static let readingDPI = 200.0
    /// How much a number cell is enlarged for a second reading when the first was unsure.
    static let secondLookScale = 1.5
    /// Least height (pixels at `readingDPI`) of a lone digit taken from the enlarged reading alone:
    /// 10.5 pt digits are some 20 px tall; 7.5 pt ones, 13 px, are too small to enlarge safely.
    static let minLoneDigitHeight = 16.0
    /// Characters a value cell may hold (`—`, `无` are read by the Chinese model).
    static let valueCharacters = "0123456789.+-/"

    let labels: OCREngine
    private let values: OCREngine
    /// Which way up a page is (made on first use; nil without `osd.traineddata`).
    public private(set) lazy var orientation: PageOrientation? = PageOrientation()

    /// nil when the `chi_sim` or `eng` language data is not installed.
    public init?() {
        guard let labels = OCREngine(language: "chi_sim"),
              let values = OCREngine(language: "eng", whitelist: Self.valueCharacters) else { return nil }
        self.labels = labels
        self.values = values
    }

    /// The lines of a block of running text (the title above a scanned page's tables), read by the
    /// Chinese model as one block; spaces Tesseract puts between ideographs are dropped.
    public func readLines(_ block: GrayImage, threshold: UInt8, dpi: Double) -> [String] {
        guard CellInk.bounds(block, threshold: threshold) != nil else { return [] }
        var image = block
        let factor = Self.readingDPI / dpi
        if abs(factor - 1) > 0.1 { image = image.scaled(by: factor) }
        image = image.paperStretched(paper: block.median).padded(10)
        let reading = labels.read(gray: image.pixels, width: image.width, height: image.height, layout: .block, resolution: Int(Self.readingDPI))
        return reading.text.split(separator: "\n").map { $0.filter { $0 != " " } }.filter { !$0.isEmpty }
    }

    /// A cell's picture as the models are given it: its inside without border remnants
    /// (`crop`), where its ink lies, and that ink cut out, scaled to `readingDPI` and padded.
    struct CellPicture {
        let crop: GrayImage
        let ink: CellInk.Box
        let image: GrayImage
        let threshold: UInt8
        /// The scan's resolution.
        let dpi: Double
        /// How much the picture was scaled to reach `readingDPI`.
        let factor: Double
        let resolution: Int
    }

    /// Reads the cell whose inside (borders excluded) is `crop`, scanned at `dpi`; `name` names
    /// the picture written for debugging (`GONGKAI_OCR_DUMP`, debug builds).
    public func read(_ cell: GrayImage, threshold: UInt8, dpi: Double, name: String? = nil) -> Result {
        guard let picture = picture(of: cell, threshold: threshold, dpi: dpi) else { return Result(text: "", confidence: nil, doubtful: false) }
        Self.dump(picture.image, name: name)
        if picture.ink.isFlat(dpi: dpi) { return Result(text: "—", confidence: 100, doubtful: false) }
        if CellInk.isSlash(picture.crop, picture.ink, threshold: threshold) { return Result(text: "/", confidence: 100, doubtful: false) }
        return readText(picture, name: name)
    }

    /// How much a piece of text is enlarged for the Chinese model's second look: two ideographs
    /// of 10.5 pt (24 px at 200 dpi) standing alone come back as nothing, enlarged by half as
    /// what they are.
    static let textLookScale = 1.5

    /// The Chinese model's reading of a cell enlarged by `textLookScale`, when it is text (holds
    /// Chinese); nil otherwise. For print known to stand as tall as a line of text, which the
    /// first reading left doubtful.
    public func readAsText(_ cell: GrayImage, threshold: UInt8, dpi: Double) -> Result? {
        guard let p = picture(of: cell, threshold: threshold, dpi: dpi) else { return nil }
        let image = p.image.scaled(by: Self.textLookScale)
        let reading = labels.read(gray: image.pixels, width: image.width, height: image.height, layout: .block, resolution: p.resolution)
        return Self.isLabel(reading.text, p.crop, p.ink, threshold: p.threshold) ? Self.labelResult(reading) : nil
    }

    /// The cell's picture as the models are given it; nil for a cell without ink.
    func picture(of cell: GrayImage, threshold: UInt8, dpi: Double) -> CellPicture? {
        let crop = CellInk.withoutBorderRemnants(cell, threshold: threshold, band: max(2, Int(dpi / 36)))
        guard let ink = CellInk.bounds(crop, threshold: threshold) else { return nil }
        let margin = max(2, Int(dpi / 50))
        var image = crop.cropped(x0: ink.x0 - margin, y0: ink.y0 - margin, x1: ink.x1 + margin, y1: ink.y1 + margin)
        // Tesseract's models read printed cells best near 200 dpi (10.5 pt digits about 20 px
        // tall); enlarged further, lone digits come back as nothing.
        let factor = Self.readingDPI / dpi
        if abs(factor - 1) > 0.1 { image = image.scaled(by: factor) }
        image = image.paperStretched(paper: crop.median).padded(10)
        return CellPicture(crop: crop, ink: ink, image: image, threshold: threshold, dpi: dpi, factor: factor, resolution: Int(Self.readingDPI))
    }

    /// The first look: a label-shaped cell by the Chinese model first (the digit model would only
    /// fail on it, at the cost of a whole read), then the digit model; what neither settles goes
    /// to `readUnsure`.
    private func readText(_ p: CellPicture, name: String?) -> Result {
        var labelFirst: OCREngine.Reading?
        if p.ink.isTextShaped(dpi: p.dpi) {
            let label = readLabel(p)
            if Self.isLabel(label.text, p.crop, p.ink, threshold: p.threshold) { return Self.labelResult(label) }
            labelFirst = label
        }
        let value = readDigits(p.image, layout: .line, resolution: p.resolution)
        if value.confidence >= minValueConfidence, Self.isValue(value.text), !CellInk.belies(value.text, p.crop, p.ink, threshold: p.threshold) {
            return confirmedInSmallType(value, p)
        }
        let label = labelFirst ?? readLabel(p)
        Self.trace(name, value: value, label: label, crop: p.crop, ink: p.ink, threshold: p.threshold)
        if Self.isLabel(label.text, p.crop, p.ink, threshold: p.threshold) { return Self.labelResult(label) }
        return readUnsure(p, value: value, label: label)
    }

    /// Digits under this height (pixels at `readingDPI`) are small type: 11 pt serif digits are
    /// some 17 px tall, and the digit model reads a 3 among them as an 8 at 91 %, a lone 0 of
    /// 15 px as a 6 at 88 %, both models alike (lone digits are checked so only where a 0 may
    /// have become them, and must show their loops under `minLoneDigitHeight`).
    static let smallDigitHeight = 20.0

    /// A sure number in small type, read again enlarged by half (`secondLookScale`): taken when
    /// both readings agree (and a lone 6, 8 or 9 has its loops), a doubtful reading naming both
    /// when they do not — two readings that both fit give no value.
    private func confirmedInSmallType(_ value: OCREngine.Reading, _ p: CellPicture) -> Result {
        guard value.text.count > 1 || "689".contains(value.text), Double(p.ink.y1 - p.ink.y0) * p.factor < Self.smallDigitHeight else {
            return Result(text: value.text, confidence: value.confidence, doubtful: false)
        }
        let second = readDigits(p.image.scaled(by: Self.secondLookScale), layout: .line, resolution: p.resolution)
        // A lone 6, 8 or 9 of tiny type (under `minLoneDigitHeight`) must also show its loops.
        let tiny = Double(p.ink.y1 - p.ink.y0) * p.factor < Self.minLoneDigitHeight
        let shaped = value.text.count > 1 || !tiny || value.text.first.map { CellInk.hasLoops(of: $0, p.crop, p.ink, threshold: p.threshold) } == true
        if second.text == value.text, shaped { return Result(text: value.text, confidence: value.confidence, doubtful: false) }
        let readings = second.text == value.text ? value.text : "\(value.text) or \(second.text)"
        return Self.doubtful(readings, confidence: value.confidence)
    }

    /// A cell neither model read surely as a number or a label: a second, enlarged look, then
    /// the two models agreeing, then the shapes of a lone 0 or 1; else a doubtful reading.
    private func readUnsure(_ p: CellPicture, value first: OCREngine.Reading, label: OCREngine.Reading) -> Result {
        var value = first
        let (crop, ink, threshold) = (p.crop, p.ink, p.threshold)
        let text = label.text.filter { !$0.isWhitespace }
        let unlimited = String(text.map { $0 == "O" || $0 == "o" ? "0" : $0 })
        // A number neither model is sure of, looked at again enlarged by half: the thin strokes of
        // small type (7.5 pt digits are 10 px tall at 150 dpi) and a serif 1 beside another digit
        // are read best larger. A lone digit of tiny type so read must agree with the Chinese
        // model (below): enlarged, a 0 ten pixels tall can come back as a sure 9.
        let second = readDigits(p.image.scaled(by: Self.secondLookScale), layout: .line, resolution: p.resolution)
        let loneDigitReadable = Double(ink.y1 - ink.y0) * p.factor >= Self.minLoneDigitHeight
            && [value.text, unlimited].allSatisfy { !$0.contains { $0.isNumber && String($0) != second.text } }
        if second.confidence >= minValueConfidence, Self.isValue(second.text), second.text.count > 1 || loneDigitReadable,
           !CellInk.belies(second.text, crop, ink, threshold: threshold) {
            return Result(text: second.text, confidence: second.confidence, doubtful: false)
        }
        // Two models agreeing on a number: the whitelist lowers Tesseract's confidence in a lone 0
        // (its first choice was the letter O), the Chinese model reads it without a whitelist.
        for reading in [value, second] where !reading.text.isEmpty && reading.text == unlimited && Self.isValue(reading.text)
            && !CellInk.belies(reading.text, crop, ink, threshold: threshold)
            && (reading.confidence + label.confidence >= minValueConfidence || label.confidence >= minAgreedConfidence) {
            return Result(text: reading.text, confidence: max(reading.confidence, label.confidence), doubtful: false)
        }
        // A lone 0 that one model reads unsure (or the other reads as nothing or a letter, such as D):
        // one model's 0, no other digit from either, and the glyph's shape (one ring around a tall
        // hole in its middle, unlike 6, 9 or 8) must agree.
        if value.text == "0" || unlimited == "0", Self.allowsZero(value.text), Self.allowsZero(unlimited),
           CellInk.isRing(crop, ink, threshold: threshold) || CellInk.isFaintRing(crop, ink) {
            return Result(text: "0", confidence: max(value.confidence, label.confidence), doubtful: false)
        }
        // A lone 1, which Tesseract reads as nothing, a Chinese character (工, 于) or even a 4: one
        // upright stem is not another digit's shape.
        if value.confidence < minValueConfidence, CellInk.isUprightStem(crop, ink, threshold: threshold) {
            return Result(text: "1", confidence: 100, doubtful: false)
        }
        if value.text.isEmpty {
            value = readDigits(p.image, layout: .character, resolution: p.resolution)
            if value.confidence >= minValueConfidence, value.text == text, Self.isValue(value.text), !CellInk.belies(value.text, crop, ink, threshold: threshold) {
                return Result(text: value.text, confidence: value.confidence, doubtful: false)
            }
        }
        let shown = value.text.isEmpty ? text : value.text
        return Self.doubtful(shown, confidence: value.confidence)
    }

    /// The Chinese model's reading of a cell's picture, as one block.
    private func readLabel(_ p: CellPicture) -> OCREngine.Reading {
        labels.read(gray: p.image.pixels, width: p.image.width, height: p.image.height, layout: .block, resolution: p.resolution)
    }

    /// How the text of a doubtful reading opens (the report takes such a cell as unreadable).
    public static let doubtfulMark = "〔OCR "

    /// A doubtful reading showing what was read (`〔OCR 91%: 108 or 103?〕`).
    static func doubtful(_ shown: String, confidence: Int) -> Result {
        Result(text: "\(doubtfulMark)\(confidence)%: \(shown)?〕", confidence: confidence, doubtful: true)
    }

    /// Whether a cell's text is a doubtful reading rather than what the cell says.
    public static func isDoubtful(_ text: String) -> Bool { text.hasPrefix(doubtfulMark) }

    /// The digit model's reading of `image`, without the spaces it puts between characters.
    /// A reading that leaves ink without a character (`inkLeftOut` of `maxInkLeftOut` or more)
    /// dropped one, and is no value whatever its confidence.
    private func readDigits(_ image: GrayImage, layout: OCREngine.Layout, resolution: Int) -> OCREngine.Reading {
        var reading = values.read(gray: image.pixels, width: image.width, height: image.height, layout: layout, resolution: resolution, measuringInk: true)
        reading.text = reading.text.filter { !$0.isWhitespace }
        if let left = reading.inkLeftOut, left >= Self.maxInkLeftOut {
            reading.confidence = 0
            reading.text = "\(reading.text)…"
        }
        return reading
    }

    /// Ink without a recognised digit centred in it, in heights of the text, from which a reading
    /// is taken to have dropped a character: a digit's centre lies within about a third of a
    /// height of its ink's edge (a full-width digit's too: its advance is wide, its ink is not);
    /// one dropped beside it adds some two thirds more.
    static let maxInkLeftOut = 0.75

    /// A cell read as a label: the Chinese model's text without spaces, at its confidence.
    static func labelResult(_ label: OCREngine.Reading) -> Result {
        Result(text: label.text.filter { !$0.isWhitespace }, confidence: label.confidence, doubtful: false)
    }

    /// Whether the Chinese model's reading of a cell is a label: it holds Chinese, and is not one
    /// character standing for a lone upright stroke (a 1 read as 工 or 于).
    static func isLabel(_ reading: String, _ crop: GrayImage, _ ink: CellInk.Box, threshold: UInt8) -> Bool {
        let text = reading.filter { !$0.isWhitespace }
        return text.contains(where: isChinese) && !(text.count == 1 && CellInk.isLoneDigitShape(crop, ink, threshold: threshold))
    }

    /// A reading that does not contradict a 0: a 0, nothing, or no digit at all.
    static func allowsZero(_ text: String) -> Bool { text == "0" || !text.contains(where: \.isNumber) }

    /// What a value cell may say: a number (sign, decimals) or `/`, `-`.
    public static func isValue(_ text: String) -> Bool {
        if text == "/" || text == "-" { return true }
        var body = Substring(text)
        if let f = body.first, f == "+" || f == "-" { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        return (1...2).contains(parts.count) && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }

    /// Debugging: appends what both models read of a cell, and what its shape says, to the file
    /// named by `GONGKAI_OCR_TRACE`.
    static func trace(_ name: String?, value: OCREngine.Reading, label: OCREngine.Reading, crop: GrayImage, ink: CellInk.Box, threshold: UInt8) {
        #if DEBUG
        guard let path = getenv("GONGKAI_OCR_TRACE"), let file = fopen(path, "a") else { return }
        let shape = "stem=\(CellInk.isUprightStem(crop, ink, threshold: threshold)) ring=\(CellInk.isRing(crop, ink, threshold: threshold))"
        fputs("\(name ?? "cell") value=\(value.text)@\(value.confidence) label=\(label.text)@\(label.confidence) \(shape) ink=\(ink) size=\(crop.width)x\(crop.height)\n", file)
        fclose(file)
        #endif
    }

    /// Debugging (debug builds): writes the picture given to Tesseract as a PGM file into the
    /// folder named by `GONGKAI_OCR_DUMP`. The environment does not reach a release build's reading.
    static func dump(_ image: GrayImage, name: String?) {
        #if DEBUG
        guard let directory = getenv("GONGKAI_OCR_DUMP"),
              let f = fopen("\(String(cString: directory))/\(name ?? "cell-\(image.width)x\(image.height)").pgm", "wb") else { return }
        let header = Array("P5 \(image.width) \(image.height) 255\n".utf8)
        fwrite(header, 1, header.count, f)
        fwrite(image.pixels, 1, image.pixels.count, f)
        fclose(f)
        #endif
    }

    static func isChinese(_ c: Character) -> Bool {
        c.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) || (0x3000...0x303F).contains($0.value) || (0xFF08...0xFF09).contains($0.value) }
    }
}

/// Where the ink of a cell lies, noise specks ignored.
enum CellInk {
    struct Box { var x0: Int, y0: Int, x1: Int, y1: Int
        /// Much wider than tall: a dash.
        /// A dash: ink less than 3 pt tall and at least twice as wide as tall (a character,
        /// even 一 with its serifs and scanner blur, is taller than that only when it is text).
        func isFlat(dpi: Double) -> Bool {
            let h = y1 - y0, w = x1 - x0
            return Double(h) < 3 * dpi / 72 && w >= 2 * h && w >= 6
        }

        /// Ink of several lines (over 18 pt tall) or of one long line (at least four times as
        /// wide as tall): a label's shape. A value is one short line — a number of up to seven
        /// digits is under four times as wide as its digits are tall.
        func isTextShaped(dpi: Double) -> Bool {
            let h = y1 - y0, w = x1 - x0
            return Double(h) > 18 * dpi / 72 || (Double(h) >= 3 * dpi / 72 && w >= 4 * h)
        }
    }

    /// The box of the cell's ink that touches other ink (a pixel with at least two inked
    /// neighbours: a stroke of `/` one pixel wide has them, a speck of scanner noise does not),
    /// or nil when there is too little of it to be a mark.
    /// A lone slash (the format's "none"): one thin stroke running from lower left to upper
    /// right — every row of the box holds one short run of ink, and the runs move steadily right
    /// going up. Tesseract reads a lone `/` as nothing more often than not.
    static func isSlash(_ image: GrayImage, _ box: Box, threshold: UInt8) -> Bool {
        let height = box.y1 - box.y0, width = box.x1 - box.x0
        guard height >= 8, width >= height / 5, width <= height else { return false }
        var centres: [Double] = []
        for y in box.y0..<box.y1 {
            let xs = (box.x0..<box.x1).filter { image[$0, y] < threshold }
            guard let lo = xs.first, let hi = xs.last else { continue }
            if hi - lo > max(4, width / 2) || xs.count > max(4, width / 2) { return false }
            centres.append(Double(lo + hi) / 2)
        }
        guard centres.count >= height * 3 / 4, let top = centres.first, let bottom = centres.last else { return false }
        // Steady: each step moves left going down, give or take a pixel of noise.
        let steady = zip(centres, centres.dropFirst()).allSatisfy { $1 <= $0 + 1.5 }
        return steady && top - bottom >= Double(width) * 0.5
    }

    /// A lone glyph shaped like a 1 or a 0 (which the Chinese model reads as 人, 工 or 于): a
    /// digit, whatever character that model made of it.
    static func isLoneDigitShape(_ image: GrayImage, _ box: Box, threshold: UInt8) -> Bool {
        isUprightStem(image, box, threshold: threshold) || isRing(image, box, threshold: threshold) || isFaintRing(image, box)
    }

    /// Whether the cell's ink rules out `text` read from it: fewer characters than glyphs standing
    /// apart (both models read a 71 whose 1 is one faint pixel wide as 7; one character only when
    /// its ink is wider than a digit, for a faint 0 may break into two arcs), or a 6, 8 or 9 read
    /// from one ring around a tall centred hole (a 0's shape; the loops of 6 and 9 sit low and
    /// high, an 8 has two — Tesseract reads a 0 whose stroke carries a blot of scanner noise as a 9
    /// at 90% confidence), or any digit but 1 read from one upright stem (a serif 1 read as a 4 at
    /// 95%; looked for at the glyph's own faint level, where a 4's thin diagonal comes back — a 4
    /// of tiny type, its diagonal lost even there, is left null too). A 4's triangle can pass for a
    /// ring's hole: other digits are not held to that.
    static func belies(_ text: String, _ image: GrayImage, _ box: Box, threshold: UInt8) -> Bool {
        let wide = Double(box.x1 - box.x0) > 0.8 * Double(box.y1 - box.y0)
        if text.count < separateGlyphs(image, box), text.count > 1 || wide { return true }
        guard text.count == 1, let digit = text.first, digit.isNumber else { return false }
        let faint = faintThreshold(image, box)
        if digit != "1", isUprightStem(image, box, threshold: faint) { return true }
        guard "689".contains(digit) else { return false }
        return isRing(image, box, threshold: threshold) || isFaintRing(image, box)
    }

    /// How many glyphs stand apart side by side in the box: runs of columns holding ink at the
    /// glyphs' own faint level (where the strokes of a 0 that a 150 dpi scan broke apart join
    /// again), each with at least half the box's height in ink pixels (a speck is no glyph).
    static func separateGlyphs(_ image: GrayImage, _ box: Box) -> Int {
        let faint = faintThreshold(image, box), least = max(4, (box.y1 - box.y0) / 2)
        var count = 0, run = 0
        for x in box.x0...box.x1 {
            let column = x < box.x1 ? (box.y0..<box.y1).reduce(0) { $0 + (image[x, $1] < faint ? 1 : 0) } : 0
            if column > 0 { run += column; continue }
            if run >= least { count += 1 }
            run = 0
        }
        return count
    }

    /// The level that counts as ink for the shape of a faint glyph (thin strokes of a 150 dpi scan
    /// blur to grey and break apart at the page's threshold): a third of the way from the paper to
    /// the glyph's darkest ink.
    static func faintThreshold(_ image: GrayImage, _ box: Box) -> UInt8 {
        var darkest = 255
        for y in box.y0..<box.y1 { for x in box.x0..<box.x1 { darkest = min(darkest, Int(image[x, y])) } }
        let paper = Int(image.median)
        return UInt8(max(0, paper - (paper - darkest) / 3))
    }

    /// A lone 0 whose strokes are too faint to close at the page's threshold: a ring at
    /// `faintThreshold`, its ink found again at that level.
    static func isFaintRing(_ image: GrayImage, _ box: Box) -> Bool {
        let faint = faintThreshold(image, box)
        guard let wider = bounds(image, threshold: faint) else { return false }
        return isRing(image, wider, threshold: faint)
    }

    /// A lone 0: one glyph taller than wide whose ink encloses exactly one hole, a hole that runs at
    /// least half the glyph's height (the holes of 6 and 9 take one half, 8 has two) and whose
    /// middle is the glyph's (those of 6 and 9 lie low and high).
    static func isRing(_ image: GrayImage, _ box: Box, threshold: UInt8) -> Bool {
        guard let holes = holes(image, box, threshold: threshold), holes.count == 1, let hole = holes.first else { return false }
        let glyphHeight = box.y1 - box.y0
        // Rows of the framed picture: the glyph runs from 1 to glyphHeight.
        let offCentre = abs(Double(hole.top + hole.bottom) / 2 - Double(glyphHeight + 1) / 2)
        return (hole.bottom - hole.top + 1) * 2 >= glyphHeight && offCentre <= Double(glyphHeight) * 0.12
    }

    /// Whether a lone 6, 8 or 9 is shaped as that digit and not as a 0: its loops (8 two holes, 6
    /// one in its lower part, 9 one in its upper part), or where tiny print leaves no hole, its
    /// weight — a 6 carries more ink in its lower half, a 9 in its upper, an 8 has ink where a 0
    /// has its hole. In small type a blurred 0 is read as a sure 6 by both models: the digit's
    /// own shape must then speak for it. Looked at the page's ink level and at the glyph's own
    /// faint one (`faintThreshold`).
    static func hasLoops(of digit: Character, _ image: GrayImage, _ box: Box, threshold: UInt8) -> Bool {
        let faint = faintThreshold(image, box)
        let looped = [threshold, faint].contains { level in
            guard let holes = holes(image, box, threshold: level) else { return false }
            if digit == "8" { return holes.count == 2 }
            guard holes.count == 1, let hole = holes.first else { return false }
            let middle = Double(hole.top + hole.bottom) / 2 / Double(box.y1 - box.y0 + 1)
            return digit == "6" ? middle >= 0.58 : digit == "9" ? middle <= 0.42 : false
        }
        return looped || isWeighted(as: digit, image, box, threshold: faint) || isWeighted(as: digit, image, box, threshold: threshold)
    }

    /// How much more ink the heavy half of a 6 or 9 carries than the other.
    static let digitWeightRatio = 1.1

    /// A 6 heavier below, a 9 heavier above (by `digitWeightRatio`), an 8 with ink at its middle.
    static func isWeighted(as digit: Character, _ image: GrayImage, _ box: Box, threshold: UInt8) -> Bool {
        let h = box.y1 - box.y0, w = box.x1 - box.x0
        guard h >= 6, w >= 3 else { return false }
        func ink(rows: Range<Int>, columns: Range<Int>) -> Double {
            var n = 0
            for y in rows { for x in columns where image[x, y] < threshold { n += 1 } }
            return Double(n)
        }
        let columns = box.x0..<box.x1
        let top = ink(rows: box.y0..<(box.y0 + h / 2), columns: columns), bottom = ink(rows: (box.y1 - h / 2)..<box.y1, columns: columns)
        switch digit {
        case "6": return bottom >= digitWeightRatio * top
        case "9": return top >= digitWeightRatio * bottom
        case "8":
            let middle = ink(rows: (box.y0 + h * 2 / 5)..<(box.y1 - h * 2 / 5), columns: (box.x0 + w / 3)..<(box.x1 - w / 3))
            return middle > 0
        default: return false
        }
    }

    /// The holes a lone glyph's ink encloses (regions of paper of at least 4 pixels not joined to
    /// the paper around it: rows counted from 1 at the glyph's top), or nil when the glyph is not
    /// shaped like a digit (taller than wide, not a stroke).
    static func holes(_ image: GrayImage, _ box: Box, threshold: UInt8) -> [(count: Int, top: Int, bottom: Int)]? {
        let glyphWidth = box.x1 - box.x0, glyphHeight = box.y1 - box.y0
        guard glyphHeight >= 8, glyphWidth >= 4, glyphHeight * 10 >= glyphWidth * 11, glyphHeight <= glyphWidth * 5 / 2 else { return nil }
        // The ink on a one-pixel frame of paper, so that the paper around the glyph is one region.
        let w = glyphWidth + 2, h = glyphHeight + 2
        var ink = [Bool](repeating: false, count: w * h)
        for y in box.y0..<box.y1 { for x in box.x0..<box.x1 where image[x, y] < threshold { ink[(y - box.y0 + 1) * w + x - box.x0 + 1] = true } }
        var region = [Int](repeating: -1, count: w * h)
        var spans: [(count: Int, top: Int, bottom: Int)] = []
        for start in 0..<(w * h) where !ink[start] && region[start] < 0 {
            let id = spans.count
            var span = (count: 0, top: h, bottom: -1)
            var stack = [start]
            region[start] = id
            while let p = stack.popLast() {
                let x = p % w, y = p / w
                span.count += 1; span.top = min(span.top, y); span.bottom = max(span.bottom, y)
                for (nx, ny) in [(x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)] where nx >= 0 && ny >= 0 && nx < w && ny < h {
                    let q = ny * w + nx
                    if !ink[q] && region[q] < 0 { region[q] = id; stack.append(q) }
                }
            }
            spans.append(span)
        }
        // Region 0 is the paper around the glyph (it holds the frame's corner); specks of a pixel
        // or two are noise, not holes.
        return Array(spans.dropFirst().filter { $0.count >= 4 })
    }

    /// A lone 1: a glyph clearly taller than wide whose middle (two fifths to three fifths of its
    /// height) lies in one upright stroke that runs at least two fifths of its height — each row
    /// one short run of ink, its centre within a pixel and a half of the others'. The flag at its
    /// top and a foot at its bottom (serif fonts, some as wide as the stroke is tall) lie outside
    /// that stroke; a 7's or a slash's stroke moves sideways, a 4 has two strokes or its bar in the
    /// middle, and its stem below the bar does not reach the middle.
    static func isUprightStem(_ image: GrayImage, _ box: Box, threshold: UInt8) -> Bool {
        let width = box.x1 - box.x0, height = box.y1 - box.y0
        let stroke = max(4, height / 5)
        // A bare stroke from edge to edge of the cell is what is left of a border, not a digit (a
        // digit in a tight row may touch both edges, but its flag makes it wider than its stroke).
        let edgeToEdge = box.y0 <= 1 && box.y1 >= image.height - 1
        guard height >= 10, width * 4 <= height * 3, !edgeToEdge || width > stroke + 1 else { return false }
        let middle = (box.y0 + height * 2 / 5)...(box.y1 - 1 - height * 2 / 5)
        var start = box.y0, low = 0.0, high = 0.0
        for y in box.y0...box.y1 {
            let centre = y < box.y1 ? singleRunCentre(image, row: y, from: box.x0, to: box.x1, threshold: threshold, widest: stroke) : nil
            if let centre, y > start, max(high, centre) - min(low, centre) <= 1.5 {
                low = min(low, centre); high = max(high, centre)
                continue
            }
            // The stroke that ended here: long enough and through the middle?
            if y > start, start <= middle.lowerBound, y > middle.upperBound, (y - start) * 5 >= height * 2 { return true }
            start = centre == nil ? y + 1 : y
            low = centre ?? 0; high = centre ?? 0
        }
        return false
    }

    /// The centre of the one run of ink in row `row` between `from` and `to`, when there is one
    /// and it is at most `widest` pixels wide.
    private static func singleRunCentre(_ image: GrayImage, row y: Int, from x0: Int, to x1: Int, threshold: UInt8, widest: Int) -> Double? {
        var run: (Int, Int)?
        var x = x0
        while x < x1 {
            guard image[x, y] < threshold else { x += 1; continue }
            guard run == nil else { return nil }
            let start = x
            while x < x1, image[x, y] < threshold { x += 1 }
            run = (start, x)
        }
        guard let run, run.1 - run.0 <= widest else { return nil }
        return Double(run.0 + run.1) / 2
    }

    /// The cell with what is left of its borders made paper: rows within `band` pixels of its
    /// edge holding one run of ink over a third of its width, columns there holding one over two
    /// thirds of its height (a character's upright stroke at the edge of a tight label cell is
    /// shorter). A border that the
    /// grid's snapped edges do not follow exactly (a thick or slightly turned line) leaves such a
    /// strip inside the cut, which Tesseract reads as a 1 or a dash beside the value.
    static func withoutBorderRemnants(_ image: GrayImage, threshold: UInt8, band: Int) -> GrayImage {
        let w = image.width, h = image.height
        guard w > 2 * band, h > 2 * band else { return image }
        var out = image
        let paper = image.median
        func longestRun(_ count: Int, _ isInk: (Int) -> Bool) -> Int {
            var best = 0, run = 0
            for i in 0..<count { run = isInk(i) ? run + 1 : 0; best = max(best, run) }
            return best
        }
        for y in Array(0..<band) + Array((h - band)..<h) where longestRun(w, { image[$0, y] < threshold }) * 3 > w {
            for x in 0..<w { out.pixels[y * w + x] = paper }
        }
        for x in Array(0..<band) + Array((w - band)..<w) where longestRun(h, { image[x, $0] < threshold }) * 3 > h * 2 {
            for y in 0..<h { out.pixels[y * w + x] = paper }
        }
        return out
    }

    static func bounds(_ image: GrayImage, threshold: UInt8) -> Box? {
        let w = image.width, h = image.height
        guard w > 2, h > 2 else { return nil }
        var box = Box(x0: w, y0: h, x1: -1, y1: -1)
        var count = 0
        image.pixels.withUnsafeBufferPointer { p in
            for y in 1..<(h - 1) {
                for x in 1..<(w - 1) where p[y * w + x] < threshold {
                    var neighbours = 0
                    for dy in -1...1 { for dx in -1...1 where (dx != 0 || dy != 0) && p[(y + dy) * w + x + dx] < threshold { neighbours += 1 } }
                    guard neighbours >= 2 else { continue }
                    count += 1
                    box.x0 = min(box.x0, x); box.x1 = max(box.x1, x + 1)
                    box.y0 = min(box.y0, y); box.y1 = max(box.y1, y + 1)
                }
            }
        }
        return count >= 10 ? box : nil
    }
}
