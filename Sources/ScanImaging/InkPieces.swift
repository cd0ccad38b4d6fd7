import PageGeometry

/// A scanned page's print cut into pieces: the runs of characters that stand together on one
/// line — a label's line, a number, a dash — found from the ink alone, before anything is read.
///
/// A table drawn without lines is laid out from where its text stands, as a PDF's text layer is;
/// Tesseract's own layout of a whole table page runs a wrapped label's lines into the numbers
/// beside them, and its character boxes (from the LSTM's time steps) are too loose to lay out.
/// Pieces from the ink keep every mark where it is: each is then read alone.
public enum InkPieces {
    /// A rectangle of pixels, `x0..<x1`, `y0..<y1`.
    public struct Box: Sendable, Equatable {
        public var x0: Int, y0: Int, x1: Int, y1: Int
        public init(x0: Int, y0: Int, x1: Int, y1: Int) { self.x0 = x0; self.y0 = y0; self.x1 = x1; self.y1 = y1 }
        public var width: Int { x1 - x0 }
        public var height: Int { y1 - y0 }
        public func union(_ o: Box) -> Box { Box(x0: min(x0, o.x0), y0: min(y0, o.y0), x1: max(x1, o.x1), y1: max(y1, o.y1)) }
        /// Whether this box starts on `left`'s line (they share at least half the shorter one's
        /// height), right of it and at most `gap` pixels off.
        public func startsBeside(_ left: Box, within gap: Double) -> Bool {
            let overlap = min(left.y1, y1) - max(left.y0, y0)
            return overlap * 2 >= min(left.height, height) && x0 >= left.x1 && Double(x0 - left.x1) <= gap
        }

        /// The empty space between the two boxes across and down (0 where they overlap).
        func gaps(to o: Box) -> (across: Int, down: Int) {
            (max(0, max(x0, o.x0) - min(x1, o.x1)), max(0, max(y0, o.y0) - min(y1, o.y1)))
        }
    }

    /// The tolerances, in heights of the page's text lines (`em`).
    public struct Settings: Sendable, Equatable {
        /// Ink at most this far apart across joins one piece: the characters of a word stand some
        /// 0.1–0.3 apart (、 and （ sit to one side of their square: 0.7 beside them), a table's
        /// columns over an em.
        public var gap = 0.8
        /// Ink at most this far apart down joins (the strokes of 三, 二, 亠 stand apart), …
        public var stackGap = 0.6
        /// … while the piece stays at most this tall (or this many times its tallest blot): two
        /// lines of a wrapped label are over two.
        public var maxHeight = 1.3
        /// A piece at most this tall (一、, 、) opens the line of text starting within `markGap` on
        /// its right, when that line is at least `fullHeight` tall (characters, not digits).
        public var lowMark = 0.6
        public var markGap = 1.1
        public var fullHeight = 0.85
        /// Ink taller than this, or wider than `maxRuleWidth`, is no character (a seal, what is
        /// left of a ruling line).
        public var maxInkHeight = 2.5
        public var maxRuleWidth = 8.0
        /// A blot of fewer pixels is scanner noise.
        public var minPixels = 4
        /// The text height assumed to find the page's own, in points: pieces cut with it from
        /// text of 8 pt or more stay single lines.
        public var firstGuessPoints = 14.0
        public init() {}
    }

    /// The page's pieces of print, and its text-line height in pixels (`em`).
    public static func pieces(_ image: GrayImage, threshold: UInt8, dpi: Double, settings: Settings = Settings()) -> (pieces: [Box], em: Double) {
        let blots = components(image, threshold: threshold).filter { $0.pixels >= settings.minPixels }.map(\.box)
        let guess = settings.firstGuessPoints * dpi / 72
        let em = lineHeight(of: grouped(blots, em: guess, settings: settings)) ?? guess
        let marks = blots.filter { Double($0.height) <= settings.maxInkHeight * em && Double($0.width) <= settings.maxRuleWidth * em }
        return (withMarksJoined(grouped(marks, em: em, settings: settings), em: em, settings: settings), em)
    }

    /// Low marks (一、 and 、 are under half a character tall and stand off further than a word's
    /// characters) joined to the line of text they open on their right.
    static func withMarksJoined(_ pieces: [Box], em: Double, settings: Settings) -> [Box] {
        var out: [Box] = []
        var taken = Set<Int>()
        let order = pieces.indices.sorted { pieces[$0].x0 < pieces[$1].x0 }
        for (k, i) in order.enumerated() where !taken.contains(i) {
            var piece = pieces[i]
            if Double(piece.height) <= settings.lowMark * em,
               let j = order[(k + 1)...].first(where: { !taken.contains($0) && opensText(piece, pieces[$0], em: em, settings: settings) }) {
                piece = piece.union(pieces[j])
                taken.insert(j)
            }
            out.append(piece)
        }
        return out
    }

    /// Whether `text` is a line of characters (full height, a few wide) starting on `mark`'s line
    /// within `markGap` of it.
    static func opensText(_ mark: Box, _ text: Box, em: Double, settings: Settings) -> Bool {
        text.startsBeside(mark, within: settings.markGap * em)
            && Double(text.height) >= settings.fullHeight * em && Double(text.width) >= 2 * em
            && Double(mark.union(text).height) <= settings.maxHeight * em
    }

    /// How many lines of `pieces` hold at least `minPieces` pieces standing at least `minGap` ems
    /// apart: a table's rows (a label and a run of numbers), not running text (a line is one
    /// piece, an indented or right-aligned one two). Told before any recognition, which is the
    /// costliest part of reading a page.
    public static func alignedRows(_ pieces: [Box], em: Double, minPieces: Int = 4, minGap: Double = 1.5) -> Int {
        var lines: [(centre: Int, boxes: [Box])] = []
        for p in pieces.sorted(by: { $0.y0 + $0.y1 < $1.y0 + $1.y1 }) {
            let centre = (p.y0 + p.y1) / 2
            if let last = lines.last, Double(centre - last.centre) <= em / 2 { lines[lines.count - 1].boxes.append(p) } else { lines.append((centre, [p])) }
        }
        return lines.filter { line in
            let row = line.boxes.sorted { $0.x0 < $1.x0 }
            let apart = zip(row, row.dropFirst()).filter { Double($1.x0 - $0.x1) >= minGap * em }.count
            return apart + 1 >= minPieces
        }.count
    }

    /// The median height of the pieces at least twice as wide as tall (lines of text, not digits),
    /// when there are a few.
    static func lineHeight(of pieces: [Box]) -> Double? {
        let heights = pieces.filter { $0.width >= 2 * $0.height && $0.height >= 4 }.map(\.height).sorted()
        return heights.count >= 5 ? Double(heights[heights.count / 2]) : nil
    }

    /// Blots joined nearest first, while the piece they make stays one line tall.
    static func grouped(_ blots: [Box], em: Double, settings: Settings) -> [Box] {
        let order = blots.indices.sorted { blots[$0].x0 < blots[$1].x0 }
        let reach = Int(settings.gap * em), drop = Int(settings.stackGap * em)
        var pairs: [(distance: Int, a: Int, b: Int)] = []
        for (k, i) in order.enumerated() {
            for j in order[(k + 1)...] {
                guard blots[j].x0 <= blots[i].x1 + reach else { break }
                let g = blots[i].gaps(to: blots[j])
                if g.across <= reach, g.down <= drop { pairs.append((g.across + g.down, i, j)) }
            }
        }
        pairs.sort { $0.distance < $1.distance }
        var sets = UnionFind(blots.count)
        var boxes = blots
        // The tallest blot of each piece: a title's characters, twice the text's height, join
        // as tall pieces of their own.
        var tallestBlot = blots.map(\.height)
        for p in pairs {
            let ra = sets.find(p.a), rb = sets.find(p.b)
            guard ra != rb else { continue }
            let joined = boxes[ra].union(boxes[rb])
            let tallest = max(tallestBlot[ra], tallestBlot[rb])
            guard Double(joined.height) <= settings.maxHeight * max(em, Double(tallest)) else { continue }
            sets.union(ra, rb)
            let root = sets.find(ra)
            boxes[root] = joined
            tallestBlot[root] = tallest
        }
        return blots.indices.filter { sets.find($0) == $0 }.map { boxes[$0] }
    }

    /// One connected blot of ink (8-neighbours): its box and its size in pixels.
    struct Blot { var box: Box; var pixels: Int }

    /// The picture's blots of ink.
    static func components(_ image: GrayImage, threshold: UInt8) -> [Blot] {
        let w = image.width, h = image.height
        var seen = [Bool](repeating: false, count: w * h)
        var blots: [Blot] = []
        var stack: [Int] = []
        image.pixels.withUnsafeBufferPointer { p in
            for start in 0..<(w * h) where p[start] < threshold && !seen[start] {
                var blot = Blot(box: Box(x0: start % w, y0: start / w, x1: start % w + 1, y1: start / w + 1), pixels: 0)
                seen[start] = true
                stack.append(start)
                while let q = stack.popLast() {
                    let x = q % w, y = q / w
                    blot.pixels += 1
                    blot.box = Box(x0: min(blot.box.x0, x), y0: min(blot.box.y0, y), x1: max(blot.box.x1, x + 1), y1: max(blot.box.y1, y + 1))
                    for ny in max(0, y - 1)...min(h - 1, y + 1) {
                        for nx in max(0, x - 1)...min(w - 1, x + 1) {
                            let n = ny * w + nx
                            if p[n] < threshold, !seen[n] { seen[n] = true; stack.append(n) }
                        }
                    }
                }
                blots.append(blot)
            }
        }
        return blots
    }
}
