import TableLayout

/// A label over one or more lines: its fragments top to bottom.
struct LabelBlock {
    var frags: [Fragment]
    var headNumbered: Bool
    /// A group label (labels stand to its right).
    var isGroup = false
    var hasValueLine = false
    var firstLine: Int { frags.first!.line }
    var lastLine: Int { frags.last!.line }
    var start: Double { frags.first!.pos }
    var text: String { frags.map(\.text).joined() }
}

/// Stage 5 of the layout-text builder — label attachment, first half: label fragments into
/// blocks. A label fragment that does not start with list numbering continues the numbered label
/// above it that it overlaps (a wrapped 5.要求行政机关确认或重新出具 / 已获取信息, a group label
/// 三、/本年/度办…) within `textLabelBlockReach` lines; a row's own label does not run into the
/// next row.
struct LayoutLabelBlocks {
    let area: LayoutValueArea

    func blocks() -> [LabelBlock] {
        let s = area.settings
        var blocks: [LabelBlock] = []
        for li in area.body {
            let isValueLine = !(area.tokens[li] ?? []).isEmpty
            let own = (area.stubs[li] ?? []).sorted { $0.pos < $1.pos }
            var touched: [Int] = []
            for (n, f) in own.enumerated() {
                let rightmost = n == own.count - 1
                var best: Int?
                for (bi, b) in blocks.enumerated() where b.lastLine < li && li - b.lastLine <= s.textLabelBlockReach {
                    let last = b.frags.last!
                    let o = min(f.posEnd, last.posEnd) - max(f.pos, last.pos)
                    guard o > 0 else { continue }
                    // Nearest in position, and in lines (a word or two of drift is noise).
                    func distance(_ x: LabelBlock) -> Double { abs(x.frags.last!.pos - f.pos) + s.textLineDriftCost * Double(li - x.lastLine) }
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
        return blocks
    }
}
