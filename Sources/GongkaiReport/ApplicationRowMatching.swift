/// Which candidate row of table 三 reads as which template row, and how it was decided.
struct RowMatch {
    private(set) var pairs: [(row: Int, template: Int)] = []
    private(set) var how: [Int: String] = [:]
    private(set) var rowTaken = Set<Int>()
    private(set) var templateTaken = Set<Int>()

    mutating func assign(row: Int, template: Int, how: String) {
        rowTaken.insert(row); templateTaken.insert(template)
        pairs.append((row, template))
        self.how[row] = how
    }
}

extension ApplicationsReader {
    /// Scores every (row, template row) pair and assigns greedily, best first, each at most once.
    func matchByLabel(_ candidates: [CandidateRow], into match: inout RowMatch) {
        var scored: [(Double, Int, Int)] = []
        for (ci, c) in candidates.enumerated() {
            let whole = LabelKey(scalars: c.label.flatMap(\.scalars))
            for (ti, t) in Self.templateSegments.enumerated() {
                let s = Self.score(row: c.label, rowWhole: whole, template: t, templateWhole: Self.templateWholes[ti])
                if s >= minRowScore { scored.append((s, ci, ti)) }
            }
        }
        scored.sort { ($0.0, -$0.1) > ($1.0, -$1.1) }
        for (score, ci, ti) in scored where !match.rowTaken.contains(ci) && !match.templateTaken.contains(ti) {
            match.assign(row: ci, template: ti, how: Self.format2(score))
        }
    }

    /// Rows whose labels are too garbled to match (OCR: (七)总ì, (一)予以): between two matched
    /// rows, as many unmatched rows with numbers as unmatched template rows of the table's version
    /// take them in order; else a row whose numbering (（七）) only one of the templates between has.
    func matchByPosition(_ candidates: [CandidateRow], into match: inout RowMatch, warnings: inout [ReportWarning]) {
        let templates = ReportTemplates.applicationRows
        let majority = Self.majorityVersion(of: match)
        let byLabel = match.pairs.sorted { $0.row < $1.row }
        let hasNumbers = { (ci: Int) in candidates[ci].values.contains(where: { !$0.text.isEmpty }) }
        var ci = 0
        while ci < candidates.count {
            guard !match.rowTaken.contains(ci), hasNumbers(ci) else { ci += 1; continue }
            let previous = byLabel.last { $0.row < ci }, next = byLabel.first { $0.row > ci }
            let lower = previous?.template ?? -1, upper = next?.template ?? templates.count
            let rowsBetween = ((previous?.row ?? -1) + 1..<(next?.row ?? candidates.count)).filter { !match.rowTaken.contains($0) && hasNumbers($0) }
            let templatesBetween = lower + 1 < upper ? (lower + 1..<upper).filter {
                !match.templateTaken.contains($0) && (templates[$0].version == nil || majority == nil || templates[$0].version == majority)
            } : []
            for (r, ti) in Self.positionalPairs(rowsBetween, templatesBetween, candidates) {
                match.assign(row: r, template: ti, how: "by position")
                warnings.append(.init(code: "row_matched_by_position", message: "table 三 row '\(candidates[r].labelText)' matches no template label; it stands where \(templates[ti].labels.last ?? templates[ti].path) belongs and is read as it", path: "applications." + templates[ti].path, page: candidates[r].row.page))
            }
            ci = (rowsBetween.last ?? ci) + 1
        }
    }

    /// The template version most label-matched rows belong to.
    static func majorityVersion(of match: RowMatch) -> TemplateVersion? {
        var votes: [TemplateVersion: Int] = [:]
        for p in match.pairs { if let v = ReportTemplates.applicationRows[p.template].version { votes[v, default: 0] += 1 } }
        return votes.max(by: { ($0.value, $0.key) < ($1.value, $1.key) })?.key
    }

    /// As many rows as templates: in order. Else each row whose numbering only one of the templates
    /// has, keeping the order of the rows.
    static func positionalPairs(_ rows: [Int], _ templates: [Int], _ candidates: [CandidateRow]) -> [(Int, Int)] {
        if !rows.isEmpty, rows.count == templates.count { return Array(zip(rows, templates)) }
        var pairs: [(Int, Int)] = []
        for r in rows {
            guard let n = candidates[r].numbering else { continue }
            let same = templates.filter { templateNumbering[$0] == n }
            if same.count == 1, !pairs.contains(where: { $0.1 == same[0] }) { pairs.append((r, same[0])) }
        }
        return pairs.enumerated().filter { i, p in pairs.prefix(i).allSatisfy { $0.0 < p.0 && $0.1 < p.1 } }.map(\.element)
    }
}
