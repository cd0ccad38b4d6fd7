/// Turns a cell's text into the JSON value the contract asks for, warning about anything lossy:
/// zero tokens → 0, blank → null + warning, unreadable → null + warning.
enum CellInterpreter {
    static func interpret(_ text: String, path: String, page: Int, warnings: inout [ReportWarning]) -> ReportNumber? {
        if let packed = CellValueParser.packedValues(text) {
            warnings.append(.init(code: "unreadable_cell", message: "cell \(path) holds \(packed.count) numbers (\(text)); which one is its own is not known", path: path, page: page))
            return nil
        }
        switch CellValueParser.read(text) {
        case .number(let n): return n
        case .zeroToken: return ReportNumber(0)
        case .blank:
            warnings.append(.init(code: "blank_cell", message: "cell \(path) is blank", path: path, page: page))
            return nil
        case .unreadable(let raw):
            // The cell's text as far as it helps a reader (a garbled cell can hold megabytes).
            let shown = raw.count > 60 ? raw.prefix(60) + "… (\(raw.count) characters)" : raw
            warnings.append(.init(code: "unreadable_cell", message: "cell \(path) is not a number: \(shown)", path: path, page: page))
            return nil
        }
    }
}
