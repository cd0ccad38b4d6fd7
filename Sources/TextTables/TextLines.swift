import TableLayout

/// A run of non-space characters on one line of text, with its position under both column
/// metrics. `pos`/`posEnd` are in the metric chosen for the document; `physEnd` is where the text
/// ends when CJK characters are counted two columns wide (their real extent next to digits).
struct Fragment {
    let text: String
    let line: Int
    let charStart: Int
    let charCount: Int
    let dispStart: Int
    let dispWidth: Int
    let isValue: Bool
    let numbered: Bool
    var pos: Double = 0
    var posEnd: Double = 0
    var physEnd: Double = 0
    var mergedFromLetters = false

    var center: Double { (pos + posEnd) / 2 }
    var physCenter: Double { (pos + physEnd) / 2 }

    mutating func apply(_ metric: TextTableReader.Metric) {
        switch metric {
        case .characters:
            pos = Double(charStart); posEnd = Double(charStart + charCount); physEnd = Double(charStart + max(dispWidth, charCount))
        case .displayWidth:
            pos = Double(dispStart); posEnd = Double(dispStart + dispWidth); physEnd = posEnd
        }
    }
}

/// One line of the input with its fragments and what kind of line it is.
struct TextLineInfo {
    /// `delimited`: cells separated by tabs (a web table copied or crawled, a word processor's
    /// table saved as text): the tabs are cell boundaries, not columns of a layout, so no layout
    /// grid is built from it; the template alignment reads it, a blank between two tabs a blank cell.
    enum Kind { case blank, pageNumber, heading, prose, table, pipe, delimited }

    let index: Int
    /// 1-based line number in the input (the y coordinate of grids).
    let number: Int
    let text: String
    var fragments: [Fragment]
    /// Whether two fragments are separated by two or more spaces somewhere (a column gap).
    let hasWideGap: Bool
    /// The page the line is on (form feeds separate pages).
    let page: Int
    var kind: Kind = .table

    /// The text without leading and trailing spaces. Found by index from each end: dropping one
    /// character at a time from a Substring's end counts the whole string each time, and a fuzzed
    /// line of 200 000 trailing spaces took minutes.
    var trimmed: Substring {
        let isText: (Character) -> Bool = { !TextTokens.isSpace($0.unicodeScalars.first!) }
        guard let first = text.firstIndex(where: isText), let last = text.lastIndex(where: isText) else { return text[text.endIndex...] }
        return text[first...last]
    }
    var hasValue: Bool { fragments.contains(where: \.isValue) }

    /// Cells one space apart: at least `textSpacedCellsMinCount` pieces, all numbers (after a label
    /// or not), or all CJK words of two to `textMaxCentredHeaderLength` characters — a row or a
    /// header line that pdftotext packed (`— — — …`, `1.本机关不掌握相关政府信 — — — …`,
    /// `维持 纠正 结果 审结 总计 …`), not prose, however long.
    func isSpacedCells(_ settings: LayoutSettings) -> Bool {
        guard fragments.count >= settings.textSpacedCellsMinCount else { return false }
        if fragments.suffix(settings.textSpacedCellsMinCount).allSatisfy(\.isValue) { return true }
        return fragments.allSatisfy { f in
            (2...settings.textMaxCentredHeaderLength).contains(f.charCount) && f.text.unicodeScalars.allSatisfy(TextTokens.isCJK)
        }
    }
    var isBlank: Bool { fragments.isEmpty }

    init(index: Int, number: Int, text: String, page: Int) {
        self.index = index; self.number = number; self.text = text; self.page = page
        var frags: [Fragment] = []
        var charCol = 0, dispCol = 0
        var current = "", curChar = 0, curDisp = 0, curCount = 0, curWidth = 0
        var spaces = 0, wide = false
        func flush() {
            guard !current.isEmpty else { return }
            let sub = Substring(current)
            frags.append(Fragment(text: current, line: index, charStart: curChar, charCount: curCount, dispStart: curDisp, dispWidth: curWidth,
                                  isValue: TextTokens.isValue(sub), numbered: TextTokens.startsWithNumbering(sub)))
            current = ""; curCount = 0; curWidth = 0
        }
        let chars = Array(text)
        for (i, ch) in chars.enumerated() {
            let scalar = ch.unicodeScalars.first!
            if ch == "\t" {
                flush()
                let n = 8 - charCol % 8
                charCol += n; dispCol += 8 - dispCol % 8; spaces += n
                continue
            }
            if TextTokens.isSpace(scalar) {
                flush()
                charCol += 1; dispCol += TextTokens.displayWidth(scalar); spaces += 1
                continue
            }
            if Self.startsGluedNumbering(chars, at: i, after: current.last) { flush() }
            if current.isEmpty {
                if !frags.isEmpty && spaces >= 2 { wide = true }
                spaces = 0; curChar = charCol; curDisp = dispCol
            }
            let w = max(1, ch.unicodeScalars.reduce(0) { $0 + TextTokens.displayWidth($1) })
            current.append(ch); curCount += 1; curWidth += w
            charCol += 1; dispCol += w
        }
        flush()
        fragments = frags
        hasWideGap = wide
    }

    /// Two labels pdftotext ran together without a space (息2.没有现成信息…, 无法提供1.本机关…): list
    /// numbering (1. 2、) right after an ideograph and before one starts a label of its own.
    static func startsGluedNumbering(_ chars: [Character], at i: Int, after previous: Character?) -> Bool {
        guard let previous, i + 2 < chars.count, chars[i].isASCII, ("1"..."9").contains(chars[i]), "、.．".contains(chars[i + 1]) else { return false }
        func ideograph(_ c: Character) -> Bool { c.unicodeScalars.count == 1 && TextTokens.isCJK(c.unicodeScalars.first!) }
        return ideograph(previous) && ideograph(chars[i + 2])
    }
}

/// Lines that belong to the page, not to its content.
public enum PageFurniture {
    /// Whether `line` is a page number (`TextLineInfo.isPageNumber`): the readers of running text
    /// drop such lines, whose digits would otherwise be read as a table value.
    public static func isPageNumber(_ line: String, atPageEdge: Bool) -> Bool {
        let trimmed = line.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()
        return TextLineInfo.isPageNumber(Substring(String(trimmed)), atPageEdge: atPageEdge)
    }
}

extension TextLineInfo {
    private static let dashes: Set<Character> = Set("-—–－_~·一 ")

    /// `— 3 —`, `- 3 -`, `第 3 页`, `第3页 共5页`, `3 / 5`; a bare number only at a page edge.
    static func isPageNumber(_ t: Substring, atPageEdge: Bool) -> Bool {
        guard !t.isEmpty, t.count <= 16 else { return false }
        let digits = t.filter { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 6 else { return false }
        let rest = t.filter { !($0.isASCII && $0.isNumber) }
        if rest.allSatisfy({ dashes.contains($0) }) {
            let hasDash = rest.contains { $0 != " " }
            return (hasDash && digits.count <= 4) || (atPageEdge && digits.count <= 3 && !t.contains(" "))
        }
        if t.hasPrefix("第") && t.contains("页") && rest.allSatisfy({ "第页共 ".contains($0) }) { return true }
        if rest.allSatisfy({ "/ ".contains($0) }) && rest.contains("/") && t.split(separator: "/").count == 2 { return true }
        return false
    }

    /// Text on both sides of a tab: cells of a delimited row. (`pdftotext -layout` writes spaces
    /// only; a tab that merely indents a line is no cell boundary.)
    static func isTabDelimited(_ t: Substring) -> Bool {
        guard let tab = t.firstIndex(of: "\t") else { return false }
        return t[tab...].contains { $0 != "\t" && !TextTokens.isSpace($0.unicodeScalars.first!) }
    }

    private static let headingNumerals: Set<Character> = Set("一二三四五六七八九十")

    /// A section heading of the document: `二、主动公开政府信息情况`, or a markdown `#` heading.
    static func isHeading(_ t: Substring) -> Bool {
        if t.hasPrefix("#") { return true }
        let c = Array(t)
        var i = 0
        while i < c.count, headingNumerals.contains(c[i]) { i += 1 }
        guard i > 0, i < c.count, c[i] == "、" || c[i] == "．" || c[i] == "." else { return false }
        return c.count - i - 1 >= 5
    }
}
