import TableLayout

/// A column's header words stacked bottom-up (社会/公益/组织).
struct HeaderStack {
    var frags: [Fragment]
    var lo: Double
    var hi: Double
    var topRow: Int
    var bottomRow: Int
    var center: Double { (frags.map(\.pos).min()! + frags.map(\.posEnd).max()!) / 2 }
}

/// A header word over several columns (申请人情况, 行政诉讼), its columns found later.
struct SpanningWord {
    var frag: Fragment
    var row: Int
    var range: ClosedRange<Int>
    /// A caption over every column.
    var whole = false
}

/// Stage 2 of the layout-text builder — header stack: the header words over the value columns
/// stacked bottom-up into one stack per column; words spanning columns set aside; words left of
/// the columns kept as header stubs.
struct LayoutHeaderStacks {
    let area: LayoutValueArea
    var stubs: [(row: Int, frag: Fragment)] = []
    var stacks: [HeaderStack] = []
    var spanning: [SpanningWord] = []

    init(_ area: LayoutValueArea) {
        self.area = area
        let lines = area.lines, header = area.header
        // Captions: the top header lines holding a single word over the columns (申请人情况,
        // 法人或其他组织, 第二十条第（一）项) span the columns below them.
        var captionRows = Set<Int>()
        for (row, li) in header.enumerated() where row < header.count - 1 {
            let words = Self.columnWords(lines[li].fragments, area)
            if words.count == 1 { captionRows.insert(row); continue }
            if words.isEmpty { continue }
            break
        }
        for (row, li) in header.enumerated().reversed() {
            let words = Self.columnWords(lines[li].fragments, area)
            for f in lines[li].fragments where !words.contains(where: { $0.charStart == f.charStart }) { stubs.append((row, f)) }
            if captionRows.contains(row) {
                for f in words { spanning.append(SpanningWord(frag: f, row: row, range: 0...0, whole: true)) }
                continue
            }
            stack(words, row: row)
        }
        setAsideStrayColumnWords()
        stacks.sort { $0.lo < $1.lo }
    }

    /// A header line's words over the value columns: those `inArea`, and a short word one space
    /// before one of them (自然人 商业: pdftotext packs a line of CJK column headers, so the first
    /// may start left of where the values start).
    static func columnWords(_ frags: [Fragment], _ area: LayoutValueArea) -> [Fragment] {
        let sorted = frags.sorted { $0.charStart < $1.charStart }
        let inside = sorted.map(area.inArea)
        return sorted.indices.filter { i in
            if inside[i] { return true }
            guard i + 1 < sorted.count, inside[i + 1], sorted[i].charCount <= area.settings.textMaxCentredHeaderLength else { return false }
            return sorted[i + 1].charStart - (sorted[i].charStart + sorted[i].charCount) <= 1
        }.map { sorted[$0] }
    }

    func overlap(_ f: Fragment, _ i: Int) -> Double { min(f.physEnd, stacks[i].hi) - max(f.pos, stacks[i].lo) }

    /// The median distance between the stacks' top words (`textDefaultPitch` with fewer than two).
    var pitch: Double {
        let centers = stacks.map { $0.frags[0].center }.sorted()
        return centers.count >= 2 ? median(zip(centers, centers.dropFirst()).map { $1 - $0 }) : area.settings.textDefaultPitch
    }

    /// One header line's words onto the stacks.
    mutating func stack(_ words: [Fragment], row: Int) {
        let s = area.settings, pitch = self.pitch
        // Words spanning columns: wider than the columns they stand over, with no neighbour a
        // column away on their line (行政复议 … 行政诉讼; a column's own header has neighbours).
        var spans = [Bool](repeating: false, count: words.count)
        for (n, f) in words.enumerated() {
            let touched = stacks.indices.filter { overlap(f, $0) > 0 }
            guard !touched.isEmpty else { continue }
            let nearest = words.filter { $0.pos != f.pos }.map { abs($0.pos - f.pos) }.min()
            let isolated = nearest == nil || nearest! > s.textSpanIsolation * pitch
            let wide = touched.count >= 2 || (f.physEnd - f.pos) >= s.textSpanWidth * pitch
            spans[n] = isolated && wide
        }
        let matched = match(words, columnWords: words.indices.filter { !spans[$0] }, pitch: pitch)
        let joined = Set(matched.map(\.word))
        for (w, st) in matched {
            let f = words[w]
            stacks[st].frags.insert(f, at: 0)
            stacks[st].lo = min(stacks[st].lo, f.pos); stacks[st].hi = max(stacks[st].hi, f.physEnd)
            stacks[st].topRow = row
        }
        for (n, f) in words.enumerated() where !joined.contains(n) {
            if spans[n] {
                spanning.append(SpanningWord(frag: f, row: row, range: 0...0))
            } else {
                stacks.append(HeaderStack(frags: [f], lo: f.pos, hi: f.physEnd, topRow: row, bottomRow: row))
            }
        }
    }

    /// An order-keeping match of a line's column words to the stacks' top words by centre, only
    /// where their extents meet (a dynamic programme; leaving a word or stack out costs `gap`).
    func match(_ area: [Fragment], columnWords words: [Int], pitch: Double) -> [(word: Int, stack: Int)] {
        let s = self.area.settings
        let order = stacks.indices.sorted { stacks[$0].frags[0].center < stacks[$1].frags[0].center }
        let gap = max(s.textMinUnmatchedCost, s.textUnmatchedCostShare * pitch)
        func cost(_ w: Int, _ st: Int) -> Double? {
            let f = area[w], top = stacks[st].frags[0]
            let o = overlap(f, st)
            guard o >= s.textOverlapShare * min(f.physEnd - f.pos, stacks[st].hi - stacks[st].lo) && o > 0 || min(f.posEnd, top.posEnd) > max(f.pos, top.pos) else { return nil }
            let d = abs(f.center - top.center)
            return d <= s.textMatchReach * gap ? d : nil
        }
        let nw = words.count, ns = order.count
        var dp = [[Double]](repeating: [Double](repeating: 0, count: ns + 1), count: nw + 1)
        var move = [[UInt8]](repeating: [UInt8](repeating: 0, count: ns + 1), count: nw + 1)  // 1 word alone, 2 column alone, 3 match
        for i in 0...nw {
            for j in 0...ns {
                if i == 0 && j == 0 { continue }
                var best = Double.infinity, how: UInt8 = 0
                if i > 0, dp[i - 1][j] + gap < best { best = dp[i - 1][j] + gap; how = 1 }
                if j > 0, dp[i][j - 1] + gap < best { best = dp[i][j - 1] + gap; how = 2 }
                if i > 0, j > 0, let c = cost(words[i - 1], order[j - 1]), dp[i - 1][j - 1] + c < best { best = dp[i - 1][j - 1] + c; how = 3 }
                dp[i][j] = best; move[i][j] = how
            }
        }
        var matched: [(word: Int, stack: Int)] = []
        var i = nw, j = ns
        while i > 0 || j > 0 {
            switch move[i][j] {
            case 3: matched.append((words[i - 1], order[j - 1])); i -= 1; j -= 1
            case 1: i -= 1
            default: j -= 1
            }
        }
        return matched
    }

    /// A column word standing only on a line of spanning words, above every real column, is a
    /// spanning word whose columns it did not reach (行政诉讼 placed far right of its columns).
    mutating func setAsideStrayColumnWords() {
        guard stacks.count >= 2 else { return }
        let spanningRows = Set(spanning.map(\.row))
        let lowest = stacks.map(\.bottomRow)
        for i in stacks.indices.reversed() where stacks[i].frags.count == 1 && spanningRows.contains(stacks[i].bottomRow) {
            let others = lowest.enumerated().filter { $0.offset != i }.map(\.element)
            if let deepest = others.min(), stacks[i].bottomRow < deepest {
                spanning.append(SpanningWord(frag: stacks[i].frags[0], row: stacks[i].bottomRow, range: 0...0))
                stacks.remove(at: i)
            }
        }
    }
}
