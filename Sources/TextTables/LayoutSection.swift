import TableLayout

/// One header and the rows under it, in layout text → a `CellGrid`.
///
/// - Value columns: rows with the usual number of values set the columns (in order); a row with
///   fewer values places them by position, and when positions do not tell clearly the row's
///   values go into one cell across the columns (the report layer then decides, or leaves them
///   null) rather than being guessed into columns.
/// - Header: the words above the columns are stacked bottom-up into one cell per column (a header
///   word wrapped over lines: 社会/公益/组织); a word over several columns (申请人情况, 行政诉讼) is
///   a cell spanning them.
/// - Labels: a label line that does not start with list numbering continues the numbered label
///   above it (a wrapped 5.要求行政机关确认或重新出具 / 已获取信息, a group label 三、/本年/度办…),
///   so a group label becomes one cell spanning the rows it stands beside.
struct LayoutSection {
    let lines: [TextLineInfo]
    let header: [Int]
    let body: [Int]

    private struct Stack {
        var frags: [Fragment]
        var lo: Double
        var hi: Double
        var topRow: Int
        var bottomRow: Int
        var center: Double { (frags.map(\.pos).min()! + frags.map(\.posEnd).max()!) / 2 }
    }

    private struct Spanning {
        var frag: Fragment
        var row: Int
        var range: ClosedRange<Int>
        var whole = false
    }

    private struct LabelBlock {
        var frags: [Fragment]
        var headNumbered: Bool
        var isGroup = false
        var hasValueLine = false
        var firstLine: Int { frags.first!.line }
        var lastLine: Int { frags.last!.line }
        var start: Double { frags.first!.pos }
        var text: String { frags.map(\.text).joined() }
    }

    func grid() -> CellGrid? {
        let bodyValueLines = body.filter { lines[$0].hasValue }
        // Where values start; without any, where the header's second word starts.
        var v: Double
        if let m = bodyValueLines.flatMap({ lines[$0].fragments.filter(\.isValue).map(\.pos) }).min() {
            v = m
        } else if let m = header.compactMap({ lines[$0].fragments.count >= 2 ? lines[$0].fragments[1].pos : nil }).min() {
            v = m
        } else {
            return nil
        }
        let stubRight = bodyValueLines.flatMap { li in lines[li].fragments.filter { !$0.isValue && $0.pos < v }.map(\.posEnd) }.max()
        let headerThreshold = min((stubRight ?? .infinity) + 1, v - 2)

        // Body: label fragments left of the values, cell tokens from there on.
        var tokens: [Int: [Fragment]] = [:]
        var stubs: [Int: [Fragment]] = [:]
        for li in body {
            for f in lines[li].fragments {
                if !f.isValue && f.pos < v - 0.5 { stubs[li, default: []].append(f) } else { tokens[li, default: []].append(f) }
            }
        }
        // A label letter-spaced over its line (三 、本 年 度办 理 结果): short CJK pieces one space
        // apart are one label.
        for (li, frags) in stubs where frags.count >= 3 {
            func short(_ f: Fragment) -> Bool { f.charCount <= 2 && f.text.unicodeScalars.allSatisfy { TextTokens.isCJK($0) || (0x3000...0x303F).contains($0.value) || (0xFF00...0xFF65).contains($0.value) } }
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
            stubs[li] = merged
        }

        // Header: stub words and words over the value columns.
        var headerStubs: [(row: Int, frag: Fragment)] = []
        var stacks: [Stack] = []
        var spanning: [Spanning] = []
        // A header word stands over the value columns when it starts right of the labels, reaches
        // into the values, or is a short word centred over them (CJK column headers start left of
        // the numbers under them in pdftotext output).
        func inArea(_ f: Fragment) -> Bool {
            f.pos >= headerThreshold || f.posEnd > v + 1 || (f.charCount <= 8 && f.physCenter >= v - 2)
        }
        // Captions: the top header lines holding a single word over the columns (申请人情况,
        // 法人或其他组织, 第二十条第（一）项) span the columns below them.
        var captionRows = Set<Int>()
        for (row, li) in header.enumerated() where row < header.count - 1 {
            let area = lines[li].fragments.filter(inArea)
            if area.count == 1 { captionRows.insert(row); continue }
            if area.isEmpty { continue }
            break
        }
        for (row, li) in header.enumerated().reversed() {
            let area = lines[li].fragments.filter(inArea)
            for f in lines[li].fragments where !inArea(f) { headerStubs.append((row, f)) }
            if captionRows.contains(row) {
                for f in area { spanning.append(Spanning(frag: f, row: row, range: 0...0, whole: true)) }
                continue
            }
            func overlap(_ f: Fragment, _ i: Int) -> Double { min(f.physEnd, stacks[i].hi) - max(f.pos, stacks[i].lo) }
            let pitch: Double = {
                let centers = stacks.map { $0.frags[0].center }.sorted()
                return centers.count >= 2 ? median(zip(centers, centers.dropFirst()).map { $1 - $0 }) : 4
            }()
            // Words spanning columns: wider than the columns they stand over, with no neighbour a
            // column away on their line (行政复议 … 行政诉讼; a column's own header has neighbours).
            var spans = [Bool](repeating: false, count: area.count)
            for (n, f) in area.enumerated() {
                let touched = stacks.indices.filter { overlap(f, $0) > 0 }
                guard !touched.isEmpty else { continue }
                let nearest = area.filter { $0.pos != f.pos }.map { abs($0.pos - f.pos) }.min()
                let isolated = nearest == nil || nearest! > 1.6 * pitch
                let wide = touched.count >= 2 || (f.physEnd - f.pos) >= 1.5 * pitch
                spans[n] = isolated && wide
            }
            // The other words join the column under them: an order-keeping match of this line's
            // words to the columns' top words by centre, only where their extents meet.
            let words = area.indices.filter { !spans[$0] }
            let order = stacks.indices.sorted { stacks[$0].frags[0].center < stacks[$1].frags[0].center }
            let gap = max(2.0, 0.8 * pitch)
            func cost(_ w: Int, _ st: Int) -> Double? {
                let f = area[w], top = stacks[st].frags[0]
                let o = overlap(f, st)
                guard o >= 0.4 * min(f.physEnd - f.pos, stacks[st].hi - stacks[st].lo) && o > 0 || min(f.posEnd, top.posEnd) > max(f.pos, top.pos) else { return nil }
                let d = abs(f.center - top.center)
                return d <= 2 * gap ? d : nil
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
            let joined = Set(matched.map(\.word))
            for (w, st) in matched {
                let f = area[w]
                stacks[st].frags.insert(f, at: 0)
                stacks[st].lo = min(stacks[st].lo, f.pos); stacks[st].hi = max(stacks[st].hi, f.physEnd)
                stacks[st].topRow = row
            }
            for (n, f) in area.enumerated() where !joined.contains(n) {
                if spans[n] {
                    spanning.append(Spanning(frag: f, row: row, range: 0...0))
                } else {
                    stacks.append(Stack(frags: [f], lo: f.pos, hi: f.physEnd, topRow: row, bottomRow: row))
                }
            }
        }
        // A column word standing only on a line of spanning words, above every real column, is a
        // spanning word whose columns it did not reach (行政诉讼 placed far right of its columns).
        if stacks.count >= 2 {
            let spanningRows = Set(spanning.map(\.row))
            let lowest = stacks.map(\.bottomRow)
            for i in stacks.indices.reversed() where stacks[i].frags.count == 1 && spanningRows.contains(stacks[i].bottomRow) {
                let others = lowest.enumerated().filter { $0.offset != i }.map(\.element)
                if let deepest = others.min(), stacks[i].bottomRow < deepest {
                    spanning.append(Spanning(frag: stacks[i].frags[0], row: stacks[i].bottomRow, range: 0...0))
                    stacks.remove(at: i)
                }
            }
        }
        stacks.sort { $0.lo < $1.lo }

        // Value columns.
        var counts: [Int: Int] = [:]
        for li in bodyValueLines { if let n = tokens[li]?.count, n > 0 { counts[n, default: 0] += 1 } }
        let mode = counts.max { ($0.value, $0.key) < ($1.value, $1.key) }?.key ?? 0
        // More header columns than numbers in a row: a word letter-spaced on one header line (结 果)
        // made two columns of one; a column holding nothing but a neighbour's second half is merged.
        if mode > 0 {
            var i = 0
            while stacks.count > mode, i + 1 < stacks.count {
                let a = stacks[i], b = stacks[i + 1]
                func halves(_ x: Stack, _ y: Stack) -> Bool {
                    guard y.frags.count == 1, let f = y.frags.first,
                          let g = x.frags.first(where: { $0.line == f.line }) else { return false }
                    return abs((g.charStart + g.charCount + 1) - f.charStart) == 0 || abs((f.charStart + f.charCount + 1) - g.charStart) == 0
                }
                if halves(a, b) || halves(b, a) {
                    let (keep, part) = halves(a, b) ? (a, b) : (b, a)
                    var merged = keep
                    let f = part.frags[0]
                    if let gi = merged.frags.firstIndex(where: { $0.line == f.line }) {
                        let g = merged.frags[gi]
                        let (first, second) = g.charStart < f.charStart ? (g, f) : (f, g)
                        var m = Fragment(text: first.text + second.text, line: g.line, charStart: first.charStart, charCount: second.charStart + second.charCount - first.charStart,
                                         dispStart: first.dispStart, dispWidth: second.dispStart + second.dispWidth - first.dispStart, isValue: false, numbered: false)
                        m.pos = first.pos; m.posEnd = second.posEnd; m.physEnd = second.physEnd
                        merged.frags[gi] = m
                    }
                    merged.lo = min(a.lo, b.lo); merged.hi = max(a.hi, b.hi)
                    stacks[i] = merged
                    stacks.remove(at: i + 1)
                } else {
                    i += 1
                }
            }
        }
        let k = max(mode, stacks.count)
        guard k > 0 else { return nil }
        var centers: [Double]
        let full = body.filter { tokens[$0]?.count == k }
        if !full.isEmpty {
            centers = (0..<k).map { j in median(full.map { tokens[$0]![j].center }) }
        } else {
            centers = stacks.map(\.center)
        }
        for j in 1..<max(1, centers.count) where centers[j] <= centers[j - 1] { centers[j] = centers[j - 1] + 1 }

        // Header stacks onto columns: in order when they are as many, else by position.
        var stackColumn: [Int] = []
        if stacks.count == k {
            stackColumn = Array(0..<k)
        } else if !stacks.isEmpty {
            stackColumn = Self.align(stacks.map(\.center), to: centers).map { $0 ?? -1 }
        }

        // Spanning header words: the columns of the stacks they cover, widened to their parent.
        let stackCenters: [Double] = (0..<k).map { j in
            if let s = stackColumn.firstIndex(of: j) { return stacks[s].center } else { return centers[j] }
        }
        let stackLeft: [Double] = (0..<k).map { j in
            if let s = stackColumn.firstIndex(of: j) { return stacks[s].frags.map(\.pos).min()! } else { return centers[j] - 1 }
        }
        let stackRight: [Double] = (0..<k).map { j in
            if let s = stackColumn.firstIndex(of: j) { return stacks[s].frags.map(\.posEnd).max()! } else { return centers[j] + 1 }
        }
        for i in spanning.indices {
            let f = spanning[i].frag
            let cols = stacks.indices.filter { s in
                let o = min(f.physEnd, stacks[s].hi) - max(f.pos, stacks[s].lo)
                return stackColumn[s] >= 0 && o > 0 && o >= 0.4 * min(f.physEnd - f.pos, stacks[s].hi - stacks[s].lo)
            }.map { stackColumn[$0] }
            spanning[i].range = spanning[i].whole || cols.isEmpty ? 0...(k - 1) : cols.min()!...cols.max()!
        }
        spanning.sort { ($0.row, $0.frag.pos) < ($1.row, $1.frag.pos) }
        for row in Set(spanning.map(\.row)).sorted() {
            let idx = spanning.indices.filter { spanning[$0].row == row }
            // Parent: the spanning cell above that overlaps most.
            func parent(of r: ClosedRange<Int>) -> ClosedRange<Int> {
                var best: ClosedRange<Int> = 0...(k - 1)
                var bestOverlap = 0
                for p in spanning where p.row < row {
                    let o = min(r.upperBound, p.range.upperBound) - max(r.lowerBound, p.range.lowerBound) + 1
                    if o > bestOverlap { bestOverlap = o; best = p.range }
                }
                return best
            }
            var groups: [ClosedRange<Int>: [Int]] = [:]
            for i in idx { groups[parent(of: spanning[i].range), default: []].append(i) }
            for (p, members) in groups {
                let sorted = members.sorted { spanning[$0].frag.pos < spanning[$1].frag.pos }
                spanning[sorted.first!].range = min(p.lowerBound, spanning[sorted.first!].range.lowerBound)...spanning[sorted.first!].range.upperBound
                spanning[sorted.last!].range = spanning[sorted.last!].range.lowerBound...max(p.upperBound, spanning[sorted.last!].range.upperBound)
                // Neighbours split the columns between them where each is centred over its own
                // columns: A over [left, b), B over [b, right) give b ≈ 2·cA − left ≈ 2·cB − right.
                for (a, b) in zip(sorted, sorted.dropFirst()) {
                    let ra = spanning[a].range, rb = spanning[b].range
                    let left = stackLeft[ra.lowerBound], right = stackRight[rb.upperBound]
                    let fa = spanning[a].frag, fb = spanning[b].frag
                    let boundary = ((2 * fa.center - left) + (2 * fb.center - right)) / 2
                    var cut = ra.lowerBound
                    while cut < rb.upperBound, stackCenters[cut] <= boundary { cut += 1 }
                    cut = max(ra.lowerBound + 1, cut)
                    spanning[a].range = ra.lowerBound...max(ra.lowerBound, cut - 1)
                    spanning[b].range = min(cut, rb.upperBound)...rb.upperBound
                }
            }
        }

        // Labels into blocks.
        var blocks: [LabelBlock] = []
        for li in body {
            let isValueLine = !(tokens[li] ?? []).isEmpty
            let own = (stubs[li] ?? []).sorted { $0.pos < $1.pos }
            var touched: [Int] = []
            for (n, f) in own.enumerated() {
                let rightmost = n == own.count - 1
                var best: Int?
                for (bi, b) in blocks.enumerated() where b.lastLine < li && li - b.lastLine <= 3 {
                    let last = b.frags.last!
                    let o = min(f.posEnd, last.posEnd) - max(f.pos, last.pos)
                    guard o > 0 else { continue }
                    // Nearest in position, and in lines (a word or two of drift is noise).
                    func distance(_ x: LabelBlock) -> Double { abs(x.frags.last!.pos - f.pos) + 1.5 * Double(li - x.lastLine) }
                    if let cur = best, distance(blocks[cur]) <= distance(b) { continue }
                    best = bi
                }
                // A group label (one with labels to its right) runs on beside several rows; a row's
                // own label does not run into the next row.
                if let b = best, !f.numbered, blocks[b].headNumbered,
                   !(isValueLine && rightmost && blocks[b].hasValueLine && !blocks[b].isGroup) {
                    blocks[b].frags.append(f)
                    if !rightmost { blocks[b].isGroup = true }
                    touched.append(b)
                } else {
                    blocks.append(LabelBlock(frags: [f], headNumbered: f.numbered, isGroup: !rightmost))
                    touched.append(blocks.count - 1)
                }
            }
            if isValueLine { for b in touched { blocks[b].hasValueLine = true } }
        }

        // Rows: one per line of values, one per label block beside none.
        var rowLines: [Int] = bodyValueLines.filter { !(tokens[$0] ?? []).isEmpty }
        var blockRows: [[Int]] = []  // anchor lines per block
        for b in blocks {
            let anchors = rowLines.filter { $0 >= b.firstLine && $0 <= b.lastLine }
            blockRows.append(anchors)
        }
        // A line of numbers with no label of its own belongs to a label-only block next to it.
        func isOrphan(_ line: Int) -> Bool { (stubs[line] ?? []).isEmpty }
        func labelsBetween(_ a: Int, _ b: Int) -> Bool { blocks.contains { $0.frags.contains { $0.line > a && $0.line < b } } }
        /// A label right above such a line is that row's (numbers set lower, beside a label's end).
        func orphanBelow(_ b: LabelBlock) -> Int? {
            guard let next = rowLines.first(where: { $0 > b.lastLine }), next - b.lastLine <= 2, isOrphan(next),
                  !blockRows.contains(where: { $0.contains(next) }), !labelsBetween(b.lastLine, next + 1) else { return nil }
            return next
        }
        /// A label right below one is that row's (numbers at the top of a tall row, the label lower).
        func orphanAbove(_ b: LabelBlock) -> Int? {
            guard let previous = rowLines.last(where: { $0 < b.firstLine }), b.firstLine - previous <= 2, isOrphan(previous),
                  !blockRows.contains(where: { $0.contains(previous) }), !labelsBetween(previous, b.firstLine) else { return nil }
            return previous
        }
        // Which way they go in this table: the first such line right below a label that has its own
        // numbers can only belong to the label below it, and the layout sets all rows alike.
        let numbersAboveLabels: Bool = {
            guard let first = rowLines.first(where: isOrphan),
                  let above = blocks.indices.last(where: { blocks[$0].lastLine < first }), first - blocks[above].lastLine <= 1 else { return false }
            return !blockRows[above].isEmpty
        }()
        for (bi, b) in blocks.enumerated() where blockRows[bi].isEmpty {
            // A label standing between the lines of a label that has a row (（六）其 / 他处理 beside
            // 2、申请人逾期未按收费通知要 … ) is that row's group label.
            let beside = blocks.indices.filter { oi in
                oi != bi && !blockRows[oi].isEmpty && blocks[oi].start > b.start
                    && blocks[oi].firstLine <= b.lastLine && blocks[oi].lastLine >= b.firstLine
            }
            let rows = Set(beside.flatMap { blockRows[$0] })
            if !rows.isEmpty { blockRows[bi] = rows.sorted(); continue }
            if numbersAboveLabels, let line = orphanAbove(b) { blockRows[bi] = [line]; continue }
            if let line = orphanBelow(b) { blockRows[bi] = [line]; continue }
            if let line = orphanAbove(b) { blockRows[bi] = [line]; continue }
            // A group label on a line of its own (（三）不予公开, 三、本年度办理结果) between rows
            // whose labels stand further right: it is theirs.
            let previous = rowLines.last { $0 < b.firstLine }, following = rowLines.first { $0 > b.lastLine }
            func deeper(_ line: Int?) -> Bool {
                guard let line, let own = (stubs[line] ?? []).map(\.pos).min() else { return false }
                return own > b.start + 2
            }
            let neighbours = [previous, following].compactMap { $0 }.filter { deeper($0) }
            if !neighbours.isEmpty, deeper(following) { blockRows[bi] = neighbours; continue }
            if !rowLines.contains(b.firstLine) { rowLines.append(b.firstLine) }
            blockRows[bi] = [b.firstLine]
        }
        rowLines.sort()
        guard !rowLines.isEmpty || !header.isEmpty else { return nil }
        let rowIndex = Dictionary(uniqueKeysWithValues: rowLines.enumerated().map { ($1, $0) })
        var top = rowLines, bottom = rowLines.map { $0 + 1 }
        for (bi, b) in blocks.enumerated() where blockRows[bi].count == 1 {
            let r = rowIndex[blockRows[bi][0]]!
            top[r] = min(top[r], b.firstLine); bottom[r] = max(bottom[r], b.lastLine + 1)
        }

        // Stub columns from where labels start.
        var stubStarts: [Double] = headerStubs.map(\.frag.pos) + blocks.map(\.start)
        stubStarts.sort()
        var clusters: [Double] = []
        for s in stubStarts where clusters.isEmpty || s - clusters.last! > 1.5 { clusters.append(s) }
        let pitch: Double = k > 1 ? median(zip(centers, centers.dropFirst()).map { $1 - $0 }) : max(4, (tokens.values.flatMap { $0 }.map { $0.posEnd - $0.pos }.max() ?? 2) + 2)
        var left0 = centers[0] - pitch / 2
        clusters = clusters.filter { $0 < left0 - 0.5 }
        if let last = clusters.last, left0 <= last { left0 = last + 1 }
        if clusters.isEmpty && !stubStarts.isEmpty { clusters = [min(stubStarts.min()!, left0 - 1)] }
        func stubColumn(_ x: Double) -> Int {
            var c = 0
            for (i, s) in clusters.enumerated() where x >= s - 0.75 { c = i }
            return c
        }
        let s = clusters.count
        var columnEdges = clusters + [left0]
        for j in 1..<max(1, k) { columnEdges.append((centers[j - 1] + centers[j]) / 2) }
        columnEdges.append(centers[k - 1] + pitch / 2)
        for i in 1..<columnEdges.count where columnEdges[i] <= columnEdges[i - 1] { columnEdges[i] = columnEdges[i - 1] + 0.5 }

        // Rows: header lines, then the body rows.
        let headerRows = header.count
        var rowEdges: [Double] = header.map { Double(lines[$0].number) }
        var bodyTops: [Double] = []
        for r in rowLines.indices {
            var t = Double(lines[top[r]].number)
            if let previous = bodyTops.last, t <= previous { t = previous + 0.5 }
            if r == 0, let h = rowEdges.last, t <= h { t = h + 1 }
            bodyTops.append(t)
        }
        rowEdges += bodyTops
        var end = Double(lines[(bottom.last ?? (header.last.map { $0 + 1 } ?? 1)) - 1].number + 1)
        if let last = rowEdges.last, end <= last { end = last + 1 }
        rowEdges.append(end)
        if rowEdges.count < 2 { return nil }

        var grid = GridAssembler(rowEdges: rowEdges, columnEdges: columnEdges, page: lines[(header + body).min()!].page)

        // Values.
        for (r, li) in rowLines.enumerated() {
            guard let toks = tokens[li], !toks.isEmpty else { continue }
            let row = headerRows + r
            let sorted = toks.sorted { $0.pos < $1.pos }
            switch Self.place(sorted.map(\.center), in: centers) {
            case .columns(let cols):
                var texts: [Int: [String]] = [:]
                for (f, c) in zip(sorted, cols) { texts[c, default: []].append(f.text) }
                for (c, t) in texts { grid.add(rows: row...row, columns: (s + c)...(s + c), text: t.joined(separator: " ")) }
            case .ambiguous:
                grid.add(rows: row...row, columns: s...(s + k - 1), text: sorted.map(\.text).joined(separator: " "))
            }
        }
        // Header stacks, down to the last header row, up to the spanning cell above.
        for (i, st) in stacks.enumerated() where stackColumn[i] >= 0 {
            let c = stackColumn[i]
            let above = spanning.filter { $0.range.contains(c) && $0.row < st.topRow }.map(\.row).max()
            let topRow = min(st.topRow, (above ?? -1) + 1)
            grid.add(rows: topRow...(headerRows - 1), columns: (s + c)...(s + c), text: st.frags.map(\.text).joined())
        }
        for sp in spanning {
            grid.add(rows: sp.row...sp.row, columns: (s + sp.range.lowerBound)...(s + sp.range.upperBound), text: sp.frag.text)
        }
        // Stub words of the header; labels.
        if s > 0 {
            for (row, f) in headerStubs.sorted(by: { ($0.row, $0.frag.pos) < ($1.row, $1.frag.pos) }) {
                let c = stubColumn(f.pos)
                let next = headerStubs.filter { $0.row == row && $0.frag.pos > f.pos }.map { stubColumn($0.frag.pos) }.min()
                grid.add(rows: row...row, columns: c...max(c, (next ?? s) - 1), text: f.text)
            }
            for (bi, b) in blocks.enumerated() {
                let rows = blockRows[bi].compactMap { rowIndex[$0] }
                guard let r0 = rows.min(), let r1 = rows.max() else { continue }
                let c = stubColumn(b.start)
                var last = s - 1
                for (oi, o) in blocks.enumerated() where oi != bi {
                    let orows = blockRows[oi].compactMap { rowIndex[$0] }
                    guard orows.contains(where: { (r0...r1).contains($0) }) else { continue }
                    let oc = stubColumn(o.start)
                    if oc > c { last = min(last, oc - 1) }
                }
                grid.add(rows: (headerRows + r0)...(headerRows + r1), columns: c...max(c, last), text: b.text)
            }
        }
        return grid.build()
    }

    // MARK: placement

    enum Placement { case columns([Int]), ambiguous }

    /// Columns for a row's tokens: in order when there are as many as columns; else by position
    /// (order kept), unless moving a token to a neighbouring column costs almost nothing.
    static func place(_ xs: [Double], in centers: [Double]) -> Placement {
        let n = xs.count, k = centers.count
        if n == k { return .columns(Array(0..<k)) }
        if n > k {
            return .columns(xs.map { x in centers.indices.min { abs(centers[$0] - x) < abs(centers[$1] - x) }! })
        }
        let best = align(xs, to: centers)
        guard best.allSatisfy({ $0 != nil }) else { return .ambiguous }
        let cols = best.map { $0! }
        let cost = zip(xs, cols).reduce(0.0) { $0 + abs($1.0 - centers[$1.1]) }
        let pitch = k > 1 ? median(zip(centers, centers.dropFirst()).map { $1 - $0 }) : 4
        // Every alternative that moves one token one column over.
        for i in 0..<n {
            for d in [-1, 1] {
                let c = cols[i] + d
                guard c >= 0, c < k, (i == 0 || cols[i - 1] < c), (i == n - 1 || cols[i + 1] > c) else { continue }
                let alt = cost - abs(xs[i] - centers[cols[i]]) + abs(xs[i] - centers[c])
                if alt - cost < 0.25 * pitch { return .ambiguous }
            }
        }
        return .columns(cols)
    }

    /// Order-preserving assignment of points to centers minimising the total distance (each
    /// center used at most once). Returns, per point, its center index (nil if more points than centers).
    static func align(_ xs: [Double], to centers: [Double]) -> [Int?] {
        let n = xs.count, k = centers.count
        guard n > 0 else { return [] }
        guard n <= k else {
            // More points than centers: each center takes its nearest point.
            var out = [Int?](repeating: nil, count: n)
            var used = Set<Int>()
            for (j, c) in centers.enumerated() {
                if let i = xs.indices.filter({ !used.contains($0) }).min(by: { abs(xs[$0] - c) < abs(xs[$1] - c) }) { out[i] = j; used.insert(i) }
            }
            return out
        }
        let inf = Double.infinity
        var dp = [[Double]](repeating: [Double](repeating: inf, count: k + 1), count: n + 1)
        var take = [[Bool]](repeating: [Bool](repeating: false, count: k + 1), count: n + 1)
        for j in 0...k { dp[0][j] = 0 }
        for i in 1...n {
            for j in 1...k {
                let skip = dp[i][j - 1]
                let use = dp[i - 1][j - 1] + abs(xs[i - 1] - centers[j - 1])
                if use <= skip { dp[i][j] = use; take[i][j] = true } else { dp[i][j] = skip }
            }
        }
        var out = [Int?](repeating: nil, count: n)
        var i = n, j = k
        while i > 0 && j > 0 {
            if take[i][j] { out[i - 1] = j - 1; i -= 1; j -= 1 } else { j -= 1 }
        }
        return out
    }
}

func median(_ xs: [Double]) -> Double {
    guard !xs.isEmpty else { return 0 }
    let s = xs.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}
