import TableLayout

/// A document's text as one stream of label text and number runs, with no table structure.
///
/// Crawled pages and converter markdown lose the cells of a table but keep its order: labels and
/// the numbers after them. The stream keeps only that order. Whitespace and table markup (`|`, `│`)
/// separate runs; digits glued together (`3000003`) stay one run whose split into values is left
/// to `RunSplitter`. Whether a piece is a value at all is decided by `CellValueParser`, the one
/// vocabulary of values in this project.
public struct TextStream: Sendable {
    /// Where a token stands in the source: 1-based line, 0-based character column, and its length.
    public struct Span: Sendable, Equatable {
        public var line: Int
        public var column: Int
        public var length: Int
    }

    /// Digits that may hold one or several values (`raw` as printed, without unit).
    public struct Run: Sendable, Equatable {
        public var raw: String
        /// The run reads as one value only (a decimal, a signed number, a zero token, a unit).
        public var single: Bool
        public var span: Span
        /// A run of dashes glued to its neighbours (`543——`): one to `dashes` zero-mark cells, as
        /// a cell may print `—` or `——`. 0 for digit runs.
        public var dashes: Int = 0
    }

    public enum Token: Sendable, Equatable {
        case text(String, Span)
        case run(Run)
    }

    public private(set) var tokens: [Token] = []
    /// The folded label text of all text tokens concatenated, as scalars (what labels are searched in).
    public private(set) var labelText: [UInt32] = []
    /// For each scalar of `labelText`, the index of its token.
    public private(set) var labelToken: [Int] = []

    public init(_ text: String) {
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            if Self.isPageFooter(line) { continue }
            var column = 0
            var piece: [Character] = []
            var pieceStart = 0
            let lineStart = tokens.count
            var previous: Character?
            for ch in line {
                if Self.isSeparator(ch) {
                    if !piece.isEmpty { addPiece(piece, line: lineNumber, column: pieceStart) }
                    if ch == "\t", previous == "\t" { addBlankCell(line: lineNumber, column: column, lineStart: lineStart) }
                    piece = []
                    pieceStart = column + 1
                } else {
                    if piece.isEmpty { pieceStart = column }
                    piece.append(ch)
                }
                previous = ch
                column += 1
            }
            if !piece.isEmpty { addPiece(piece, line: lineNumber, column: pieceStart) }
            if previous == "\t" { addBlankCell(line: lineNumber, column: column, lineStart: lineStart) }
            dropBlankCellsOfALoneValue(lineStart: lineStart)
        }
    }

    /// An empty cell between tabs (`1\t\t3`, or a tab ending the line) in a row written on one line,
    /// label then values, or values alone (table 四's row under its header): a blank cell the page
    /// printed, read as a blank run (null, never a shift).
    private mutating func addBlankCell(line: Int, column: Int, lineStart: Int) {
        let onLine = tokens[lineStart...]
        if let label = onLine.lastIndex(where: { if case .text = $0 { return true } else { return false } }) {
            guard label + 1 < tokens.count else { return }
        } else {
            guard !onLine.isEmpty else { return }
        }
        tokens.append(.run(Run(raw: "", single: true, span: Span(line: line, column: column, length: 0))))
    }

    /// A line of one value and tabs (`8\t`: text written a cell per line, each ending in a tab) is
    /// a cell, not a row: its tabs end the cell and mark no blank cells.
    private mutating func dropBlankCellsOfALoneValue(lineStart: Int) {
        let onLine = tokens[lineStart...]
        guard onLine.contains(where: { if case .run(let r) = $0 { return r.raw.isEmpty } else { return false } }),
              !onLine.contains(where: { if case .text = $0 { return true } else { return false } }) else { return }
        let values = onLine.filter { if case .run(let r) = $0 { return !r.raw.isEmpty } else { return false } }
        if values.count < 2 { tokens.replaceSubrange(lineStart..., with: values) }
    }

    /// A line that is only a page number (`— 3 —`, `- 12 -`, `第 2 页 共 4 页`): a page break inside a
    /// table, whose number is no cell of the row above it.
    static func isPageFooter(_ line: Substring) -> Bool {
        guard line.count <= 40 else { return false }
        let s = line.filter { !isSeparator($0) }.map(asciiDigit)
        guard s.count >= 3, s.count <= 16, s.contains(where: { $0.isASCII && $0.isNumber }) else { return false }
        let dashes: Set<Character> = ["-", "—", "–", "－", "―", "−"]
        if dashes.contains(s.first!), dashes.contains(s.last!) {
            return s.allSatisfy { ($0.isASCII && $0.isNumber) || dashes.contains($0) }
        }
        // 第N页, optionally with 共M页 (either order).
        var i = 0, pages = 0
        while i < s.count {
            guard s[i] == "第" || s[i] == "共" else { return false }
            var j = i + 1
            while j < s.count, s[j].isASCII, s[j].isNumber { j += 1 }
            guard j > i + 1, j < s.count, s[j] == "页" else { return false }
            pages += s[i] == "第" ? 1 : 0
            i = j + 1
            if i < s.count, "，,、/".contains(s[i]) { i += 1 }
        }
        return pages == 1
    }

    static func isSeparator(_ c: Character) -> Bool {
        c == " " || c == "\t" || c == "\r" || c == "\u{3000}" || c == "\u{A0}" || c == "|" || c == "│" || c == "┃"
    }

    private static let units = ["万元", "元"]

    /// A whitespace-free piece: a zero token as a whole, else alternating text and digit runs.
    private mutating func addPiece(_ piece: [Character], line: Int, column: Int) {
        // Three or more dashes are several cells' marks glued (a cell prints `—` or `——`).
        if piece.count >= 3, piece.allSatisfy(Self.cellDashes.contains) {
            addTextAndDashes(piece[...], after: nil, before: nil, line: line, column: column)
            return
        }
        if case .zeroToken = CellValueParser.read(String(piece)) {
            tokens.append(.run(Run(raw: String(piece), single: true, span: Span(line: line, column: column, length: piece.count))))
            return
        }
        let ascii = piece.map(Self.asciiDigit)
        var i = 0
        var textStart = 0
        while i < piece.count {
            guard let end = runEnd(ascii, from: i) else { i += 1; continue }
            var runEnd = end
            var single = false
            // A sign in front (本年增/减: -15) belongs to the run's first value.
            var start = i
            if start > textStart, "-－−+".contains(piece[start - 1]), start - 1 == textStart || !Self.isCJK(piece[start - 2]) { start -= 1 }
            // `00000002.其他…`: the last digit and its dot number the next label.
            if runEnd < piece.count, ascii[runEnd] == "." || piece[runEnd] == "、" || piece[runEnd] == "．",
               runEnd + 1 < piece.count, !ascii[runEnd + 1].isNumber {
                runEnd -= 1
            }
            let digits = String(ascii[start..<runEnd])
            var unitLength = 0
            let rest = String(piece[end...].prefix(2))
            for u in Self.units where rest.hasPrefix(u) && runEnd == end { unitLength = u.count; single = true; break }
            let next: Character? = runEnd == end && end + unitLength < piece.count ? piece[end + unitLength] : nil
            let isValue = runEnd > start && Self.valueFollows(next, unit: unitLength > 0)
                && Self.reads(digits) && !(start > 0 && piece[start - 1] == "第")
            if isValue {
                if start > textStart { addTextAndDashes(piece[textStart..<start], after: textStart > 0 ? piece[textStart - 1] : nil, before: piece[start], line: line, column: column + textStart) }
                // A decimal is one value (an amount), never glued counts.
                if digits.contains(".") { single = true }
                tokens.append(.run(Run(raw: digits, single: single, span: Span(line: line, column: column + start, length: runEnd - start + unitLength))))
                textStart = runEnd + (runEnd == end ? unitLength : 0)
                i = max(textStart, runEnd)
            } else {
                i = end
            }
        }
        if textStart < piece.count { addTextAndDashes(piece[textStart...], after: textStart > 0 ? piece[textStart - 1] : nil, before: nil, line: line, column: column + textStart) }
    }

    /// Dashes that mark an empty or zero cell (`—`, `——`); ASCII and full-width minus are left to
    /// signs (`17-3`).
    static let cellDashes: Set<Character> = ["—", "–", "―", "─"]
    /// Slashes that mark an empty cell, one cell each (`//` is no single cell's mark).
    static let cellSlashes: Set<Character> = ["/", "／"]

    /// Text glued to its cells: each stretch of dashes in it is a run of zero-mark cells (`规章———`,
    /// `543——`) whose number of cells the splitter decides; slashes and zero words (`无无无`) are
    /// cells one each; the rest is label text.
    private mutating func addTextAndDashes(_ s: ArraySlice<Character>, after previous: Character?, before next: Character?, line: Int, column: Int) {
        var i = s.startIndex, textStart = s.startIndex
        while i < s.endIndex {
            if Self.cellSlashes.contains(s[i]) {
                var j = i
                while j < s.endIndex, Self.cellSlashes.contains(s[j]) { j += 1 }
                // `增/减` is a label; `8/////8`, `//` or a lone `/` between numbers are cells.
                guard j - i >= 2 || (i == s.startIndex && j == s.endIndex) else { i = j; continue }
                if i > textStart { addText(s[textStart..<i], line: line, column: column + textStart - s.startIndex) }
                for k in i..<j { tokens.append(.run(Run(raw: String(s[k]), single: true, span: Span(line: line, column: column + k - s.startIndex, length: 1)))) }
                textStart = j
                i = j
                continue
            }
            if let j = Self.zeroWordCells(in: s, at: i, after: previous, before: next) {
                if i > textStart { addText(s[textStart..<i], line: line, column: column + textStart - s.startIndex) }
                for k in i..<j { tokens.append(.run(Run(raw: String(s[k]), single: true, span: Span(line: line, column: column + k - s.startIndex, length: 1)))) }
                textStart = j
                i = j
                continue
            }
            guard Self.cellDashes.contains(s[i]) else { i += 1; continue }
            var j = i
            while j < s.endIndex, Self.cellDashes.contains(s[j]) { j += 1 }
            if i > textStart { addText(s[textStart..<i], line: line, column: column + textStart - s.startIndex) }
            let span = Span(line: line, column: column + i - s.startIndex, length: j - i)
            tokens.append(.run(Run(raw: String(s[i..<j]), single: j - i == 1, span: span, dashes: j - i)))
            textStart = j
            i = j
        }
        if textStart < s.endIndex { addText(s[textStart..<s.endIndex], line: line, column: column + textStart - s.startIndex) }
    }

    /// The zero word of a cell (`无`), glued to its row: `无无无无无无` after a label, `1无无` after a
    /// number.
    static let zeroWord: Character = "无"
    /// Label words that begin with the zero word (`（四）无法提供`, `无正当理由…`): a `无` before
    /// one of these is the label's, not a cell.
    static let zeroWordLabelFollowers: Set<Character> = ["法", "正"]

    /// Where a stretch of zero-word cells starting at `i` ends, or nil when `s[i]` opens none.
    /// Two or more `无` in a row are cells, one each (no label holds `无无`); a single `无` is a
    /// cell only before a number (`文件无15`) or after one at the end of the piece (`1无`), since
    /// prose and labels use the word too.
    /// - Parameters: previous, next: the characters around `s` in its piece (a number's digits).
    static func zeroWordCells(in s: ArraySlice<Character>, at i: Int, after previous: Character?, before next: Character?) -> Int? {
        guard s[i] == zeroWord, i == s.startIndex || s[i - 1] != zeroWord else { return nil }
        var j = i
        while j < s.endIndex, s[j] == zeroWord { j += 1 }
        if let following = j < s.endIndex ? s[j] : next, zeroWordLabelFollowers.contains(following) { j -= 1 }
        if j - i >= 2 { return j }
        guard j - i == 1 else { return nil }
        let afterNumber = (i > s.startIndex ? s[i - 1] : previous).map(isDigit) ?? false
        let beforeNumber = (j < s.endIndex ? s[j] : next).map(isDigit) ?? false
        return beforeNumber || (afterNumber && j == s.endIndex) ? j : nil
    }

    static func isDigit(_ c: Character) -> Bool {
        let a = asciiDigit(c)
        return a.isASCII && a.isNumber
    }

    /// End of the digit run starting at `i` (digits with inner `.`/`,` between digits), or nil.
    private func runEnd(_ a: [Character], from i: Int) -> Int? {
        guard a[i].isASCII, a[i].isNumber else { return nil }
        var j = i
        var dot = false
        while j < a.count {
            if a[j].isASCII && a[j].isNumber { j += 1; continue }
            if (a[j] == "." && !dot) || a[j] == ",", j + 1 < a.count, a[j + 1].isASCII, a[j + 1].isNumber, j > i {
                if a[j] == "." { dot = true }
                j += 1; continue
            }
            break
        }
        return j
    }

    /// A value is not followed by what makes a number part of prose or of a page footer glued into
    /// the text: 年, 月, 日, 号, %, 条, 岁, 页.
    static func valueFollows(_ c: Character?, unit: Bool) -> Bool {
        guard let c else { return true }
        return !"年月日号%％条岁时分秒:：页".contains(c)
    }

    /// The run, as a whole, is a value in the report's vocabulary.
    static func reads(_ digits: String) -> Bool {
        if case .number = CellValueParser.read(digits) { return true }
        return false
    }

    static func asciiDigit(_ c: Character) -> Character {
        if let v = c.unicodeScalars.first?.value, c.unicodeScalars.count == 1, (0xFF10...0xFF19).contains(v) {
            return Character(Unicode.Scalar(v - 0xFF10 + 0x30)!)
        }
        if c == "．" { return "." }
        return c
    }

    static func isCJK(_ c: Character) -> Bool {
        guard let v = c.unicodeScalars.first?.value else { return false }
        return (0x4E00...0x9FFF).contains(v)
    }

    private mutating func addText(_ s: ArraySlice<Character>, line: Int, column: Int) {
        let folded = LabelText.foldScalars(String(s))
        guard !folded.isEmpty else { return }
        tokens.append(.text(String(s), Span(line: line, column: column, length: s.count)))
        labelText += folded
        labelToken += Array(repeating: tokens.count - 1, count: folded.count)
    }

    /// The runs between two token indexes (half-open).
    public func runs(from: Int, to: Int) -> [Run] {
        guard from < to else { return [] }
        return tokens[max(0, from)..<min(to, tokens.count)].compactMap { if case .run(let r) = $0 { return r } else { return nil } }
    }

    /// Index of the token holding label scalar `offset`, or the end of the stream.
    public func token(atLabel offset: Int) -> Int {
        offset < labelToken.count ? labelToken[offset] : tokens.count
    }
}
