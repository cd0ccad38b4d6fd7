import TableLayout

/// Stage 1 of the layout-text builder — lines: where a section's values start, and each body
/// line cut into label fragments (left of the values) and cell tokens (from there on).
struct LayoutValueArea {
    let lines: [TextLineInfo]
    let header: [Int]
    let body: [Int]
    let settings: LayoutSettings
    /// Where values start; without any, where the header's second word starts.
    let v: Double
    /// Header words starting at or right of this stand over the value columns.
    let headerThreshold: Double
    /// Body lines holding a value (`LayoutStaircase` may move a line's values to another line).
    var bodyValueLines: [Int]
    /// Cell tokens per body line.
    var tokens: [Int: [Fragment]]
    /// Label fragments per body line.
    let stubs: [Int: [Fragment]]
    /// Lines of a staircase that could not be read (`LayoutStaircase`): never a nearby label's.
    var unreadSteps: Set<Int> = []

    init?(lines: [TextLineInfo], header: [Int], body: [Int], settings: LayoutSettings) {
        self.lines = lines; self.header = header; self.body = body; self.settings = settings
        let bodyValueLines = body.filter { lines[$0].hasValue }
        self.bodyValueLines = bodyValueLines
        var v: Double
        if let m = bodyValueLines.flatMap({ lines[$0].fragments.filter(\.isValue).map(\.pos) }).min() {
            v = m
        } else if let m = header.compactMap({ lines[$0].fragments.count >= 2 ? lines[$0].fragments[1].pos : nil }).min() {
            v = m
        } else {
            return nil
        }
        self.v = v
        // Where the labels end, from the rows on the header's page: pdftotext lays out each page on
        // its own character grid, so rows continued on the next page may sit columns further left
        // or right, and their labels say nothing about where the header's columns begin.
        let headerPage = header.first.map { lines[$0].page }
        let stubRight = bodyValueLines.filter { headerPage == nil || lines[$0].page == headerPage }
            .flatMap { li in lines[li].fragments.filter { !$0.isValue && $0.pos < v }.map(\.posEnd) }.max()
        headerThreshold = min((stubRight ?? .infinity) + settings.textLabelClearance, v - settings.textHeaderLead)
        var tokens: [Int: [Fragment]] = [:]
        var stubs: [Int: [Fragment]] = [:]
        for li in body {
            for f in lines[li].fragments {
                if !f.isValue && f.pos < v - settings.textLabelMargin { stubs[li, default: []].append(f) } else { tokens[li, default: []].append(f) }
            }
        }
        for (li, frags) in stubs where frags.count >= 3 { stubs[li] = Self.joinLetterSpaced(frags, line: li, settings: settings) }
        self.tokens = tokens
        self.stubs = stubs
    }

    /// A label letter-spaced over its line (三 、本 年 度办 理 结果): short CJK pieces one space
    /// apart are one label.
    static func joinLetterSpaced(_ frags: [Fragment], line li: Int, settings: LayoutSettings) -> [Fragment] {
        func short(_ f: Fragment) -> Bool {
            f.charCount <= settings.textLetterSpacedPieceLength
                && f.text.unicodeScalars.allSatisfy { TextTokens.isCJK($0) || (0x3000...0x303F).contains($0.value) || (0xFF00...0xFF65).contains($0.value) }
        }
        var merged: [Fragment] = []
        for f in frags {
            if let last = merged.last, short(f), last.charStart + last.charCount + 1 == f.charStart,
               last.mergedFromLetters || short(last) {
                var m = Fragment(text: last.text + f.text, line: li, charStart: last.charStart, charCount: f.charStart + f.charCount - last.charStart,
                                 dispStart: last.dispStart, dispWidth: f.dispStart + f.dispWidth - last.dispStart, isValue: false,
                                 numbered: TextTokens.startsWithNumbering(Substring(last.text + f.text)))
                m.mergedFromLetters = true
                m.pos = last.pos; m.posEnd = f.posEnd; m.physEnd = f.physEnd
                merged[merged.count - 1] = m
            } else {
                merged.append(f)
            }
        }
        return merged
    }

    /// A header word stands over the value columns when it starts right of the labels, reaches
    /// into the values, or is a short word centred over them (CJK column headers start left of
    /// the numbers under them in pdftotext output).
    func inArea(_ f: Fragment) -> Bool {
        f.pos >= headerThreshold || f.posEnd > v + settings.textValueReach
            || (f.charCount <= settings.textMaxCentredHeaderLength && f.physCenter >= v - settings.textHeaderLead)
    }
}
