/// RFC 4180 CSV: fields with a comma, quote, CR or LF are quoted, quotes doubled, rows end in CRLF.
///
/// Written out rather than taken from CSV.swift: that package needs Foundation, which the
/// extractor deliberately does not load (its per-document start-up is benchmarked against
/// pdftotext), and writing — unlike parsing — is this small. Tested in `CSVWriterTests`.
public enum CSVWriter {
    /// The UTF-8 byte order mark Excel needs to open UTF-8 CSV with Chinese text correctly.
    public static let byteOrderMark = "\u{FEFF}"

    public static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return s }
        var out = "\""
        for c in s { out += c == "\"" ? "\"\"" : String(c) }
        return out + "\""
    }

    /// One row; with `spreadsheetSafe`, text cells that a spreadsheet would run as a formula are
    /// neutralised first (see `neutralised`).
    public static func row(_ fields: [String], spreadsheetSafe: Bool) -> String {
        spreadsheetSafe ? row(fields.map(neutralised)) : row(fields)
    }

    public static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// `s` with a `'` in front when it starts like a formula (=, +, -, @, tab, CR) and is not a
    /// number: Excel and LibreOffice run such a cell — an agency name or a file name from an
    /// untrusted archive — as a formula (OWASP "CSV injection"). Numbers such as -3 stay numbers.
    public static func neutralised(_ s: String) -> String {
        guard let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return s }
        if Double(s) != nil, !s.contains(where: { $0.isLetter }) { return s }
        return "'" + s
    }
}
