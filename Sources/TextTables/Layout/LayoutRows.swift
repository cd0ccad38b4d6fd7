import TableLayout

/// Stage 6 of the layout-text builder — rows, and label attachment's second half: one row per
/// line of values, one per label block beside none; each label block goes with the rows it
/// stands beside (a group label with several).
struct LayoutRows {
    let area: LayoutValueArea
    let blocks: [LabelBlock]
    /// The lines that anchor rows, top to bottom.
    private(set) var rowLines: [Int]
    /// The anchor lines of each block's rows.
    private(set) var blockRows: [[Int]]

    init(_ area: LayoutValueArea, blocks: [LabelBlock]) {
        self.area = area
        self.blocks = blocks
        let rowLines = area.bodyValueLines.filter { !(area.tokens[$0] ?? []).isEmpty }
        self.rowLines = rowLines
        blockRows = blocks.map { b in rowLines.filter { $0 >= b.firstLine && $0 <= b.lastLine } }
        let numbersAboveLabels = self.numbersAboveLabels
        for (bi, b) in blocks.enumerated() where blockRows[bi].isEmpty { blockRows[bi] = rows(of: bi, b, numbersAboveLabels: numbersAboveLabels) }
        self.rowLines.sort()
    }

    /// A line of numbers with no label of its own belongs to a label-only block next to it (not
    /// a line of an unread staircase: which row it is cannot be told).
    func isOrphan(_ line: Int) -> Bool { (area.stubs[line] ?? []).isEmpty && !area.unreadSteps.contains(line) }

    func labelsBetween(_ a: Int, _ b: Int) -> Bool { blocks.contains { $0.frags.contains { $0.line > a && $0.line < b } } }

    /// A label right above such a line is that row's (numbers set lower, beside a label's end).
    func orphanBelow(_ b: LabelBlock) -> Int? {
        guard let next = rowLines.first(where: { $0 > b.lastLine }), next - b.lastLine <= area.settings.textOrphanReach, isOrphan(next),
              !blockRows.contains(where: { $0.contains(next) }), !labelsBetween(b.lastLine, next + 1) else { return nil }
        return next
    }

    /// A label right below one is that row's (numbers at the top of a tall row, the label lower).
    func orphanAbove(_ b: LabelBlock) -> Int? {
        guard let previous = rowLines.last(where: { $0 < b.firstLine }), b.firstLine - previous <= area.settings.textOrphanReach, isOrphan(previous),
              !blockRows.contains(where: { $0.contains(previous) }), !labelsBetween(previous, b.firstLine) else { return nil }
        return previous
    }

    /// With numbers above labels, a line whose only label is a group label's piece further left is
    /// the row of the label right below it: a wrapped piece ending left of it (（三）不予公 / 开
    /// beside the numbers), or a group label's first line that goes on beside and below it
    /// (（四）无法提 beside the numbers, 1、本机关不掌握… below, 供 further down).
    func groupLineAbove(_ b: LabelBlock) -> Int? {
        let indent = area.settings.textGroupIndent
        func groupPiece(_ f: Fragment) -> Bool {
            if f.posEnd < b.start - indent { return true }
            guard f.pos < b.start - indent else { return false }
            return blocks.contains { o in o.lastLine > b.firstLine && o.frags.contains { $0.line == f.line && $0.pos == f.pos } }
        }
        guard let previous = rowLines.last(where: { $0 < b.firstLine }), b.firstLine - previous == 1,
              let stubs = area.stubs[previous], !stubs.isEmpty, stubs.allSatisfy(groupPiece),
              !blocks.indices.contains(where: { blockRows[$0].contains(previous) && blocks[$0].start >= b.start - indent })
        else { return nil }
        return previous
    }

    /// Whether the nearest label at `b`'s level ending above `line` has a row of its own (so the
    /// line of numbers cannot be its).
    func rowLabelAboveHasRow(_ line: Int, _ b: LabelBlock) -> Bool {
        let level = blocks.indices.filter { blocks[$0].lastLine < line && blocks[$0].start >= b.start - area.settings.textGroupIndent }
        guard let above = level.max(by: { blocks[$0].lastLine < blocks[$1].lastLine }) else { return false }
        return !blockRows[above].isEmpty
    }

    /// Which way orphans go in this table, by what most of them show (the layout sets all rows
    /// alike): a line of numbers right below a row label that has numbers of its own, or with a
    /// row label right below it and none right above, belongs to the label below; the mirror
    /// case to the label above. Group labels (labels to their right) say nothing.
    var numbersAboveLabels: Bool {
        let rowLabels = blocks.indices.filter { !blocks[$0].isGroup }
        var votesAbove = 0, votesBelow = 0
        for line in rowLines where isOrphan(line) {
            let up = rowLabels.filter { blocks[$0].lastLine < line }.max { blocks[$0].lastLine < blocks[$1].lastLine }
            let down = rowLabels.filter { blocks[$0].firstLine > line }.min { blocks[$0].firstLine < blocks[$1].firstLine }
            let upNear = up.map { line - blocks[$0].lastLine <= 1 } ?? false
            let downNear = down.map { blocks[$0].firstLine - line <= 1 } ?? false
            let upOwn = upNear && !blockRows[up!].isEmpty, downOwn = downNear && !blockRows[down!].isEmpty
            if (upOwn && !downOwn) || (downNear && !upNear) { votesAbove += 1 }
            if (downOwn && !upOwn) || (upNear && !downNear) { votesBelow += 1 }
        }
        return votesAbove > votesBelow
    }

    /// The rows of a block beside no line of values.
    mutating func rows(of bi: Int, _ b: LabelBlock, numbersAboveLabels: Bool) -> [Int] {
        // A label standing between the lines of a label that has a row (（六）其 / 他处理 beside
        // 2、申请人逾期未按收费通知要 … ) is that row's group label.
        let beside = blocks.indices.filter { oi in
            oi != bi && !blockRows[oi].isEmpty && blocks[oi].start > b.start
                && blocks[oi].firstLine <= b.lastLine && blocks[oi].lastLine >= b.firstLine
        }
        let rows = Set(beside.flatMap { blockRows[$0] })
        if !rows.isEmpty { return rows.sorted() }
        // The layout sets all rows alike: with numbers above labels, a line of numbers below a
        // label is the next row's, never this one's.
        if numbersAboveLabels, let line = orphanAbove(b) ?? groupLineAbove(b) { return [line] }
        if !numbersAboveLabels, let line = orphanBelow(b) ?? orphanAbove(b) { return [line] }
        // Numbers on their labels' lines, but this label set lower than its numbers, beside a group
        // label's pieces (度 / 开): the line is this row's when the row label above has its own.
        if !numbersAboveLabels, let line = groupLineAbove(b), rowLabelAboveHasRow(line, b) { return [line] }
        // A group label on a line of its own (（三）不予公开, 三、本年度办理结果) between rows
        // whose labels stand further right: it is theirs.
        let previous = rowLines.last { $0 < b.firstLine }, following = rowLines.first { $0 > b.lastLine }
        func deeper(_ line: Int?) -> Bool {
            guard let line, let own = (area.stubs[line] ?? []).map(\.pos).min() else { return false }
            return own > b.start + area.settings.textGroupIndent
        }
        let neighbours = [previous, following].compactMap { $0 }.filter { deeper($0) }
        if !neighbours.isEmpty, deeper(following) { return neighbours }
        // Kept in order: the orphan searches look for the nearest line above or below.
        if !rowLines.contains(b.firstLine) { rowLines.insert(b.firstLine, at: rowLines.firstIndex { $0 > b.firstLine } ?? rowLines.endIndex) }
        return [b.firstLine]
    }

    /// Each row's first line and the line after its last (its label block's lines included).
    func extents() -> (top: [Int], bottom: [Int]) {
        let rowIndex = self.rowIndex
        var top = rowLines, bottom = rowLines.map { $0 + 1 }
        for (bi, b) in blocks.enumerated() where blockRows[bi].count == 1 {
            let r = rowIndex[blockRows[bi][0]]!
            top[r] = min(top[r], b.firstLine); bottom[r] = max(bottom[r], b.lastLine + 1)
        }
        return (top, bottom)
    }

    var rowIndex: [Int: Int] { Dictionary(uniqueKeysWithValues: rowLines.enumerated().map { ($1, $0) }) }
}
