/// Finds a template label in a stretch of folded text: exactly if it is there, else the closest
/// approximate occurrence (Sellers' edit-distance search) within an edit budget, so OCR typos
/// (`沐阳`, `行政法复议`), a dropped or doubled character and a wrapped label still match.
enum LabelFinder {
    struct Match: Equatable {
        var start: Int
        var end: Int
        var edits: Int
    }

    /// The pattern a label is searched by: the folded label without its list numbering, first 14
    /// scalars (a long label is often cut short in print); short cores keep their numbering
    /// (`3.其他`) to stay distinctive.
    static func pattern(for label: String) -> [UInt32] {
        let folded = LabelText.foldScalars(label)
        let core = Array(LabelText.stripNumbering(folded))
        var chosen = core.count <= 3 ? folded : core
        // A parenthetical (（区分处理的，…）, （单位：万元）) is what converters scramble first.
        if let open = chosen.firstIndex(of: 0x28), open >= 4 { chosen = Array(chosen[..<open]) }
        return Array(chosen.prefix(14))
    }

    /// Edits allowed for a pattern of this length: none for short labels, a fifth for long ones.
    static func budget(_ length: Int) -> Int { length <= 4 ? 0 : length / 5 }

    /// Edits allowed where the label's neighbours were found exactly on both sides, so it can
    /// stand nowhere else: a quarter of a label of eight or more characters.
    static func boundedBudget(_ length: Int) -> Int { length < 8 ? budget(length) : length / 4 }

    /// First occurrence of `pattern` in `text[from..<to]`: exact first, else the best approximate one.
    static func find(_ pattern: [UInt32], in text: [UInt32], from: Int, to: Int, budget: (Int) -> Int = budget) -> Match? {
        let to = min(to, text.count)
        guard !pattern.isEmpty, from < to else { return nil }
        if let s = exact(pattern, in: text, from: from, to: to) { return Match(start: s, end: s + pattern.count, edits: 0) }
        let k = budget(pattern.count)
        return k == 0 ? nil : approximate(pattern, in: text, from: from, to: to, budget: k)
    }

    /// The first exact occurrence of any variant; else the approximate one with the fewest edits.
    static func find(anyOf patterns: [[UInt32]], in text: [UInt32], from: Int, to: Int, budget: (Int) -> Int = budget) -> Match? {
        let to = min(to, text.count)
        let exacts = patterns.compactMap { p in exact(p, in: text, from: from, to: to).map { Match(start: $0, end: $0 + p.count, edits: 0) } }
        if let e = exacts.min(by: { $0.start < $1.start }) { return e }
        return patterns.compactMap { find($0, in: text, from: from, to: to, budget: budget) }.min { ($0.edits, $0.start) < ($1.edits, $1.start) }
    }

    static func exact(_ p: [UInt32], in t: [UInt32], from: Int, to: Int) -> Int? {
        guard to - from >= p.count else { return nil }
        var i = from
        while i + p.count <= to {
            if t[i] == p[0] {
                var j = 1
                while j < p.count && t[i + j] == p[j] { j += 1 }
                if j == p.count { return i }
            }
            i += 1
        }
        return nil
    }

    /// Sellers: edit distance of the pattern to the best substring ending at each text position;
    /// the first position where it is within budget, refined to the lowest distance nearby.
    static func approximate(_ p: [UInt32], in t: [UInt32], from: Int, to: Int, budget: Int) -> Match? {
        let m = p.count
        var column = Array(0...m)
        var starts = Array(repeating: from, count: m + 1)
        var best: Match?
        for i in from..<to {
            var previousDiagonal = column[0], previousStart = starts[0]
            column[0] = 0; starts[0] = i + 1
            for j in 1...m {
                let substitution = previousDiagonal + (p[j - 1] == t[i] ? 0 : 1)
                let deletion = column[j] + 1, insertion = column[j - 1] + 1
                let diagonalStart = previousStart
                previousDiagonal = column[j]; previousStart = starts[j]
                if substitution <= deletion && substitution <= insertion {
                    column[j] = substitution; starts[j] = j == 1 ? i : diagonalStart
                } else if deletion <= insertion {
                    column[j] = deletion
                } else {
                    column[j] = insertion; starts[j] = starts[j - 1]
                }
            }
            if column[m] <= budget {
                if let b = best, column[m] >= b.edits { return b }
                best = Match(start: starts[m], end: i + 1, edits: column[m])
                if column[m] == 0 { return best }
            } else if let b = best { return b }
        }
        return best
    }
}
