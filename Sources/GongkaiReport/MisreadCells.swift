/// Values read by OCR that break accounting identities the other cells satisfy, made null with a
/// warning.
///
/// Tesseract misreads a few cells at high confidence (3050 as 50, 2932 as 9, 0 as 9), past the
/// confidence threshold of `CellReader`; the identities catch them. A wrong number is worse than a
/// missing one, so such a value becomes null, its reading kept in `raw` and named in an
/// `ocr_identity_conflict` warning. It is not replaced by the value the identities give: inference
/// is for lost cells, and this one was read (`IdentityInference` never fills a cell with text).
/// Values of a text layer are never touched: there a broken total is the publisher's, and it is
/// reported as a failed check.
///
/// A value is taken as misread when it was read by OCR and is a whole number, no identity that
/// holds contains it (a satisfied identity vouches for it), and at least two failing identities
/// that contain it give it the same other value, a non-negative whole count. Two misreads in one
/// row leave each cell's column identities agreeing while the row's identity disagrees, so the
/// agreement of two is asked for, not of all. Candidates that share a failing identity they would
/// explain are rival readings of the same failures: none is nulled, and one
/// `ocr_identity_ambiguous` warning names them all.
///
/// One pass is enough: nulling a candidate only takes failing identities out of the evaluation
/// (no identity that holds contains it), so no other cell gains agreement from it.
public enum MisreadCells {
    typealias Equation = IdentityInference.Equation

    /// A value that the failing identities containing it agree is misread.
    struct Candidate {
        /// Index into the table's values.
        let index: Int
        /// The value the agreeing identities give the cell.
        let implied: Int
        /// Indexes of the failing identities that give `implied`.
        let equations: [Int]
    }

    /// Runs on tables 三 and 四 in place, with the identities `IdentityInference` fills cells by.
    public static func apply(to tables: inout ReportTables) {
        null(&tables.applications, table: "applications", equations: IdentityInference.applicationEquations(tables.applications),
             warnings: &tables.warnings)
        null(&tables.reviewLitigation, table: "review_litigation", equations: IdentityInference.reviewEquations(), warnings: &tables.warnings)
    }

    static func null(_ t: inout TableReading, table: String, equations: [Equation], warnings: inout [ReportWarning]) {
        guard t.found else { return }
        var index: [String: Int] = [:]
        for (i, v) in t.values.enumerated() { index[v.path.joined(separator: ".")] = i }
        let residuals = equations.map { residual($0, t, index) }
        let asRead = t
        let named = { (eqs: [Int]) in list(eqs.map { "\(equations[$0].rule) (\(equations[$0].at))" }) }
        let read = { (c: Candidate) in asRead.values[c.index].value!.literal }
        let dotted = { (c: Candidate) in "\(table).\(asRead.values[c.index].path.joined(separator: "."))" }
        for group in rivals(candidates(asRead, equations, residuals, index)) {
            if group.count == 1, let c = group.first {
                warnings.append(.init(code: "ocr_identity_conflict",
                                      message: "\(dotted(c)) is null: OCR read \(read(c)), which breaks \(named(c.equations)) that the other cells satisfy; they give \(c.implied)",
                                      path: dotted(c), page: asRead.values[c.index].page))
                t.values[c.index].value = nil
            } else {
                let each = group.map { "\(dotted($0)): OCR read \(read($0)), \(named($0.equations)) give \($0.implied)" }
                warnings.append(.init(code: "ocr_identity_ambiguous",
                                      message: "\(list(group.map(dotted))) are kept: each would explain the same failed identities (\(each.joined(separator: "; "))), so which is misread is not known",
                                      page: asRead.values[group[0].index].page))
            }
        }
    }

    /// Σ coefficient · value of an identity whose cells all hold whole numbers; nil where a cell
    /// is missing, null, a fraction or too large to add safely (the identity is not evaluated).
    static func residual(_ eq: Equation, _ t: TableReading, _ index: [String: Int]) -> Int? {
        var sum = 0
        for (path, coefficient) in eq.terms {
            guard let i = index[path], let n = t.values[i].value?.intValue, abs(n) < 1 << 52 else { return nil }
            sum += coefficient * n
        }
        return sum
    }

    /// The OCR values that no holding identity contains and that two failing ones agree on.
    static func candidates(_ t: TableReading, _ equations: [Equation], _ residuals: [Int?], _ index: [String: Int]) -> [Candidate] {
        var containing: [String: [(equation: Int, coefficient: Int)]] = [:]
        for (e, eq) in equations.enumerated() where residuals[e] != nil {
            for (path, coefficient) in eq.terms { containing[path, default: []].append((e, coefficient)) }
        }
        var out: [Candidate] = []
        for (path, memberships) in containing.sorted(by: { $0.key < $1.key }) {
            let i = index[path]!, v = t.values[i]
            guard v.cell?.ocrConfidence != nil, v.inferredBy == nil, let read = v.value?.intValue,
                  memberships.allSatisfy({ residuals[$0.equation] != 0 }) else { continue }
            // What each failing identity says the cell must be for it to hold.
            var byValue: [Int: [Int]] = [:]
            for (e, coefficient) in memberships where residuals[e]! % coefficient == 0 {
                byValue[read - residuals[e]! / coefficient, default: []].append(e)
            }
            let agreed = byValue.filter { $0.key >= 0 && $0.value.count >= 2 }
            guard agreed.count == 1, let (implied, agreeing) = agreed.first else { continue }
            out.append(Candidate(index: i, implied: implied, equations: agreeing))
        }
        return out
    }

    /// Candidates grouped where they share a failing identity they would explain (transitively);
    /// a group of one is a misread, a larger group rival readings.
    static func rivals(_ found: [Candidate]) -> [[Candidate]] {
        var groups: [[Candidate]] = []
        for c in found {
            let sharing = groups.indices.filter { g in groups[g].contains { !Set($0.equations).isDisjoint(with: c.equations) } }
            var merged = [c]
            for g in sharing.reversed() { merged = groups.remove(at: g) + merged }
            groups.append(merged.sorted { $0.index < $1.index })
        }
        return groups
    }

    /// `a`, `a and b`, `a, b and c`.
    static func list(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
}
