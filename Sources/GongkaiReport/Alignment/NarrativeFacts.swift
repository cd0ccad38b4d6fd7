/// Counts the report states in its prose about a row of table 二 (`集中公开现行有效行政规范性文件698件，
/// 动态更新本年度制发的规范性文件88件`): evidence for choosing among the splits of a glued digit run.
///
/// A fact counts only when one clause names exactly one column (制发/废止/现行有效) and the row's
/// words stand right before the number and its 件. A fact no split agrees with is set aside (the
/// prose may count something else); it never creates a value.
struct NarrativeFacts: Sendable {
    struct Fact: Equatable, Sendable {
        var row: String
        var column: String
        var value: String
    }

    /// Words that name a row and a column of table 二 in prose (the template's labels, shortened
    /// as prose writes them).
    static let rowWords: [(key: String, word: String)] = [("normative_documents", "规范性文件"), ("rules", "规章")]
    static let columnWords: [(key: String, word: String)] = [("issued", "制发"), ("repealed", "废止"), ("in_force", "现行有效")]

    private(set) var facts: [Fact] = []

    /// Scalars that end a clause. Split by scalar, not by `Character`, so that a `\r\n` ends a
    /// clause at its `\n` as well.
    static let clauseEnds: Set<Unicode.Scalar> = Set("，。；;！？\n,".unicodeScalars)

    init(_ text: String) {
        let clauses = text.unicodeScalars.split(omittingEmptySubsequences: false) { Self.clauseEnds.contains($0) }
        for scalars in clauses {
            let clause = String(String.UnicodeScalarView(scalars))
            if clause.count < 200, let fact = Self.fact(in: clause) { facts.append(fact) }
        }
    }

    /// The one fact a clause states, if it states one.
    static func fact(in clause: String) -> Fact? {
        let columns = columnWords.filter { clause.contains($0.word) }
        guard columns.count == 1 else { return nil }
        for (key, word) in rowWords {
            guard let r = clause.firstRange(of: word) else { continue }
            guard clause[..<r.lowerBound].contains(columns[0].word) else { continue }
            let digits = clause[r.upperBound...].prefix { $0.isASCII && $0.isNumber }
            let after = clause[r.upperBound...].dropFirst(digits.count)
            guard !digits.isEmpty, after.first == "件", digits == "0" || digits.first != "0" else { continue }
            return Fact(row: key, column: columns[0].key, value: String(digits))
        }
        return nil
    }

    /// Keeps the splits the row's facts agree with, fact by fact; a fact no split agrees with is skipped.
    func narrow(_ splits: [RunSplitter.Split], row: String, columns: [String]) -> [RunSplitter.Split] {
        var kept = splits
        for fact in facts where fact.row == row {
            guard let c = columns.firstIndex(of: fact.column) else { continue }
            let agreeing = kept.filter { $0.values[c] == fact.value }
            if !agreeing.isEmpty { kept = agreeing }
        }
        return kept
    }
}
