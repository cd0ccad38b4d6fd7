import TableLayout

/// What a table cell says, before it becomes a JSON value.
public enum CellReading: Equatable, Sendable {
    /// A number.
    case number(ReportNumber)
    /// A token the format uses for zero: —, －, 无, /, 0 written in words.
    case zeroToken(String)
    /// Nothing in the cell.
    case blank
    /// Text that is not a number (kept for the warning).
    case unreadable(String)
}

/// Reads cell text as a number: full-width digits, thousands separators, `+3`/`-2`, a unit suffix
/// (`TableTokens.units`: 元, 万元, 件, 次, %, …), stray spaces.
public enum CellValueParser {
    /// Most digits a cell's number may have. Counts and 万元 amounts have a dozen at most; a
    /// 40-digit number in a garbled cell is kept exactly (a big decimal), but hundreds or
    /// thousands of digits are not a value anyone printed, and JSON readers refuse them (Python
    /// stops at 4300 digits, JavaScript turns 309 into Infinity): such a cell is unreadable.
    public static let maxDigits = 100

    public static func read(_ raw: String) -> CellReading {
        let folded = LabelText.fold(raw)
        if folded.isEmpty { return .blank }
        // What is a value is decided once, in `TableTokens` (the layout paths ask it too): a zero
        // mark, or a number as tables print it with an optional unit. Only its digits are read here.
        if TableTokens.isZeroMark(folded) { return .zeroToken(folded) }
        guard var s = TableTokens.splitNumber(folded)?.number else { return .unreadable(raw) }
        var negative = false
        if let f = s.first, "+-−－＋".contains(f) {
            negative = f != "+" && f != "＋"
            s = s.dropFirst()
        }
        let body = s.filter { $0 != "," && $0 != "，" }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let intPart = parts.first, !intPart.isEmpty,
              intPart.allSatisfy({ $0.isASCII && $0.isNumber }),
              parts.count == 1 || (!parts[1].isEmpty && parts[1].allSatisfy({ $0.isASCII && $0.isNumber })) else {
            return .unreadable(raw)
        }
        if intPart.count + (parts.count == 2 ? parts[1].count : 0) > maxDigits { return .unreadable(raw) }
        return .number(ReportNumber.make(negative: negative, integer: String(intPart), fraction: parts.count == 2 ? String(parts[1]) : ""))
    }

    /// The values of a cell holding several, separated by spaces (`0 0 3`): what a text input
    /// gives for a row whose numbers could not be told apart into columns. nil for other cells.
    public static func packedValues(_ raw: String) -> [String]? {
        let parts = raw.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" || $0 == "\t" }).map(String.init)
        guard parts.count >= 2 else { return nil }
        if parts.count == 2, ["+", "-", "－", "−"].contains(parts[0]) { return nil }  // "- 2" is one signed number
        for p in parts {
            switch read(p) {
            case .number, .zeroToken: continue
            case .blank, .unreadable: return nil
            }
        }
        return parts
    }

    /// The unit written in a money cell or its header, if any.
    public static func unit(in text: String) -> String? {
        if text.contains("万元") { return "万元" }
        if text.contains("元") { return "元" }
        return nil
    }
}
