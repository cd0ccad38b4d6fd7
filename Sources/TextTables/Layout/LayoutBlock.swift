import TableLayout

/// A run of table lines in layout text, cut into sections: a section is a header (lines without
/// numbers whose words reach into the value columns) and the rows under it. Table 二 of a report is
/// several sections (each 第二十条 block has its own columns); each section becomes one grid.
struct LayoutBlock {
    let lines: [TextLineInfo]
    let indices: [Int]
    var settings = LayoutSettings()

    struct Section {
        var header: [Int] = []
        var body: [Int] = []
    }

    func sections() -> [Section] {
        var sections: [Section] = []
        var pending: [Int] = []
        var stubRight: Double?
        let valueLines = indices.filter { lines[$0].hasValue }

        func valueStart(_ i: Int) -> Double {
            lines[i].fragments.filter(\.isValue).map(\.pos).min() ?? 0
        }
        func noteStub(_ i: Int) {
            let v = valueStart(i)
            let right = lines[i].fragments.filter { !$0.isValue && $0.pos < v }.map(\.posEnd).max()
            if let right { stubRight = max(stubRight ?? right, right) }
        }
        /// Hands a run of lines without numbers to the current section's rows or to new headers.
        func distribute(_ run: [Int], v: Double) {
            enum State { case body, header(complete: Bool) }
            var state: State
            if sections.isEmpty { sections.append(Section()); state = .header(complete: false) } else { state = .body }
            let threshold = min((stubRight ?? .infinity) + settings.textLabelClearance, v - settings.textHeaderLead)
            for (n, li) in run.enumerated() {
                let frags = lines[li].fragments
                // Over the values: reaching into them, or starting right of the labels and
                // centred near them (a wrapped label piece such as 形，不 stays a label).
                let inArea = frags.filter { $0.posEnd > v + settings.textValueReach || ($0.pos >= threshold && $0.center >= v - settings.textSectionHeaderLead) }
                var kind: Int = inArea.isEmpty ? 0 : (inArea.count == frags.count ? 1 : 2)  // 0 label, 1 value area, 2 both
                if kind == 0, case .body = state, sections[sections.count - 1].body.contains(where: { lines[$0].hasValue }),
                   isCaption(li, followedBy: n + 1 < run.count ? run[n + 1] : nil, threshold: threshold) { kind = 1 }
                switch state {
                case .body:
                    let current = sections[sections.count - 1]
                    if kind == 0 {
                        sections[sections.count - 1].body.append(li)
                    } else if kind == 1, lines[li].fragments.count >= 2, !current.header.isEmpty,
                              !current.body.contains(where: { lines[$0].hasValue }) {
                        // Column words after lines that held no numbers: the header went on (those
                        // lines were its stub note running over, 等于第三项加第四项之和）).
                        sections[sections.count - 1].header += current.body + [li]
                        sections[sections.count - 1].body = []
                        state = .header(complete: true)
                    } else {
                        sections.append(Section(header: [li]))
                        state = .header(complete: kind == 2)
                    }
                case .header(let complete):
                    if kind == 0 && complete {
                        sections[sections.count - 1].body.append(li)
                        state = .body
                    } else {
                        sections[sections.count - 1].header.append(li)
                        state = .header(complete: complete || kind == 2)
                    }
                }
            }
        }

        var lastV: Double?
        for li in indices {
            if lines[li].hasValue {
                if !pending.isEmpty {
                    let next = valueLines.filter { $0 >= li }.prefix(3).map(valueStart)
                    distribute(pending, v: next.min() ?? valueStart(li))
                    pending = []
                }
                if sections.isEmpty { sections.append(Section()) }
                sections[sections.count - 1].body.append(li)
                noteStub(li)
                lastV = min(lastV ?? valueStart(li), valueStart(li))
            } else {
                pending.append(li)
            }
        }
        if !pending.isEmpty {
            let fallback = pending.compactMap { lines[$0].fragments.count >= 2 ? lines[$0].fragments[1].pos : nil }.min() ?? 0
            distribute(pending, v: lastV ?? fallback)
        }
        return sections
    }

    /// A caption set far left of its section's numbers (第二十条第(五)项 over one wide column whose
    /// number stands at the cell's right edge): a single word right of the labels, followed by a
    /// line of words one of which also stands right of them (信息内容  本年处理决定数量) — a new
    /// section's header, not a row label.
    func isCaption(_ li: Int, followedBy next: Int?, threshold: Double) -> Bool {
        guard lines[li].fragments.count == 1, lines[li].fragments[0].pos >= threshold, let next else { return false }
        let words = lines[next].fragments
        return words.count >= 2 && !lines[next].hasValue && words.dropFirst().contains { $0.pos >= threshold }
    }

    func grids() -> [(line: Int, grid: CellGrid)] {
        var out: [(Int, CellGrid)] = []
        for s in sections() {
            guard let grid = LayoutSection(lines: lines, header: s.header, body: s.body, settings: settings).grid() else { continue }
            out.append((lines[(s.header + s.body).min()!].number, grid))
        }
        // A block without numbers in columns is prose or a title that looked like a table.
        let values = indices.reduce(0) { $0 + lines[$1].fragments.filter(\.isValue).count }
        let columned = indices.filter { lines[$0].hasWideGap }.count
        guard values >= settings.textMinTableValueCount, columned >= settings.textMinColumnedLines else { return [] }
        return out
    }
}
