import ScanImaging

/// Reads a scanned page whose table has no ruling lines to cut it into cells: Tesseract's
/// recognition of the whole page gives every character a box (the layout the stream builder lays
/// a table out from), and every piece of ink it did not read as a word of Chinese text — numbers,
/// zero marks, stray characters — is read again, alone, by `CellReader` under its honesty rules
/// (a doubtful number stays a marked doubtful reading, never a value).
public struct PageTextReader {
    public var reader: CellReader
    public init(reader: CellReader) { self.reader = reader }

    /// Gap between two symbols of one Tesseract word, in heights of the taller, that makes them two
    /// words: a table's columns stand apart by an em or more, a word's characters by a fraction.
    static let wordGap = 0.6
    /// Gap over which a piece of ink is widened to take in ink beside it, in its own heights: the
    /// digits of one number stand closer, two cells further apart.
    static let inkGap = 0.45

    /// One character of the page, its box in the page picture's pixels; `confidence` is that of
    /// the reading it comes from (nil for a character of a word read as text).
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

    /// The characters of the page `image` (scanned at `dpi`, `threshold` its ink level).
    public func characters(_ image: GrayImage, threshold: UInt8, dpi: Double) -> [Character] {
        let symbols = reader.readSymbols(image, dpi: dpi)
        let typical = Self.typicalHeight(symbols)
        // A symbol box much taller or wider than the page's characters is no character (a seal, two
        // lines taken as one): it would only stretch the lines it joins.
        let words = Self.words(symbols.filter { Double($0.y1 - $0.y0) <= Self.largestSymbol * typical && Double($0.x1 - $0.x0) <= Self.largestSymbol * typical })
        var out: [Character] = []
        var pieces: [(x0: Int, y0: Int, x1: Int, y1: Int)] = []
        let labelWords = words.filter(Self.isTextWord)
        for word in words where !Self.isTextWord(word) {
            let box = Self.box(of: word)
            let height = min(Double(box.y1 - box.y0), typical)
            let wide = image.widenedOverInk(x0: box.x0, x1: box.x1, y0: box.y0, y1: box.y1, threshold: threshold,
                                            gap: max(2, Int(Self.inkGap * height)))
            let grown = (x0: wide.x0, y0: box.y0, x1: wide.x1, y1: box.y1)
            // Numbering or punctuation standing beside words of text belongs to them.
            if labelWords.contains(where: { Self.overlaps(Self.box(of: $0), grown) }) {
                out += word.map { Character(text: $0.text, x0: $0.x0, y0: $0.y0, x1: $0.x1, y1: $0.y1, confidence: nil) }
                continue
            }
            if let i = pieces.firstIndex(where: { Self.overlaps($0, grown) }) {
                let p = pieces[i]
                pieces[i] = (min(p.x0, grown.x0), min(p.y0, grown.y0), max(p.x1, grown.x1), max(p.y1, grown.y1))
            } else {
                pieces.append(grown)
            }
        }
        for word in labelWords {
            out += word.map { Character(text: $0.text, x0: $0.x0, y0: $0.y0, x1: $0.x1, y1: $0.y1, confidence: nil) }
        }
        for p in pieces { out += read(p, image, threshold: threshold, dpi: dpi) }
        return out
    }

    /// A piece of ink read alone as a cell: its text spread evenly over its box, one character a
    /// slot; a doubtful reading one character holding the whole mark; nothing for no ink.
    func read(_ p: (x0: Int, y0: Int, x1: Int, y1: Int), _ image: GrayImage, threshold: UInt8, dpi: Double) -> [Character] {
        let margin = max(1, Int(dpi / 100))
        let crop = image.cropped(x0: p.x0 - 2 * margin, y0: p.y0 - margin, x1: p.x1 + 2 * margin, y1: p.y1 + margin)
        let result = reader.read(crop, threshold: threshold, dpi: dpi)
        guard !result.text.isEmpty else { return [] }
        if result.doubtful {
            return [Character(text: Self.placeholder, x0: p.x0, y0: p.y0, x1: p.x1, y1: p.y1, confidence: result.confidence, provisional: true)]
        }
        let letters = Array(result.text)
        let step = Double(p.x1 - p.x0) / Double(letters.count)
        return letters.enumerated().map { i, c in
            Character(text: String(c), x0: p.x0 + Int(Double(i) * step), y0: p.y0, x1: p.x0 + Int(Double(i + 1) * step), y1: p.y1,
                      confidence: result.confidence)
        }
    }

    /// Largest symbol kept, in the page's typical character heights.
    static let largestSymbol = 2.5

    /// The median height of the page's symbols (at least one pixel).
    static func typicalHeight(_ symbols: [RecognizedSymbol]) -> Double {
        let heights = symbols.map { $0.y1 - $0.y0 }.sorted()
        return heights.isEmpty ? 1 : Double(max(1, heights[heights.count / 2]))
    }

    /// Tesseract's words, each cut where two of its symbols stand apart (`wordGap`).
    static func words(_ symbols: [RecognizedSymbol]) -> [[RecognizedSymbol]] {
        var words: [[RecognizedSymbol]] = []
        for s in symbols {
            if let last = words.last?.last, last.word == s.word, last.line == s.line,
               Double(s.x0 - last.x1) <= wordGap * Double(max(s.y1 - s.y0, last.y1 - last.y0, 1)) {
                words[words.count - 1].append(s)
            } else {
                words.append([s])
            }
        }
        return words
    }

    /// A word of Chinese text: at least two characters, one of them an ideograph. A lone
    /// ideograph is read again (a 1 comes back from the Chinese model as 工, 于 or 人).
    static func isTextWord(_ word: [RecognizedSymbol]) -> Bool {
        word.count >= 2 && word.contains { $0.text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }
    }

    static func box(of word: [RecognizedSymbol]) -> (x0: Int, y0: Int, x1: Int, y1: Int) {
        (word.map(\.x0).min() ?? 0, word.map(\.y0).min() ?? 0, word.map(\.x1).max() ?? 0, word.map(\.y1).max() ?? 0)
    }

    static func overlaps(_ a: (x0: Int, y0: Int, x1: Int, y1: Int), _ b: (x0: Int, y0: Int, x1: Int, y1: Int)) -> Bool {
        a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1
    }
}

extension CellReader {
    /// Every symbol the Chinese model recognises on a page, boxes in the page's own pixels (the
    /// page is read at `readingDPI`, its paper made white, as cells are).
    public func readSymbols(_ page: GrayImage, dpi: Double) -> [RecognizedSymbol] {
        var image = page
        let factor = Self.readingDPI / dpi
        if abs(factor - 1) > 0.1 { image = image.scaled(by: factor) } else { return readSymbols(unscaled: page) }
        image = image.paperStretched(paper: page.median)
        let symbols = labels.recognizeSymbols(gray: image.pixels, width: image.width, height: image.height, layout: .block, resolution: Int(Self.readingDPI))
        return symbols.map { s in
            var t = s
            t.x0 = Int(Double(s.x0) / factor); t.y0 = Int(Double(s.y0) / factor)
            t.x1 = Int((Double(s.x1) / factor).rounded(.up)); t.y1 = Int((Double(s.y1) / factor).rounded(.up))
            return t
        }
    }

    private func readSymbols(unscaled page: GrayImage) -> [RecognizedSymbol] {
        let image = page.paperStretched(paper: page.median)
        return labels.recognizeSymbols(gray: image.pixels, width: image.width, height: image.height, layout: .block, resolution: Int(Self.readingDPI))
    }
}
