import GongkaiReport
#if canImport(Glibc)
import Glibc
#endif

/// What an earlier batch run already wrote to the output file, for `--resume`: the content hashes
/// of its records, and the paths of records that have no hash (an input that was missing or
/// unreadable), so neither kind is converted and written a second time.
///
/// Only whole records count. A cut-off last record (kill -9, a full disk) is cut away, and a record
/// that is not whole JSON (a line from an older run that glued a record onto a cut one) is dropped,
/// so after the resumed run the file is valid JSON Lines (or CSV) with every input once.
public struct ExistingOutput {
    public var hashes: Set<String> = []
    public var pathsWithoutHash: Set<String> = []
    /// Records dropped because they were not whole.
    public var dropped = 0

    public init() {}

    /// Whether input `path`, whose content hash is `sha256` (nil: it cannot be read), is already in the output.
    public func contains(path: String, sha256: String?) -> Bool {
        if let sha256 { return hashes.contains(sha256) }
        return pathsWithoutHash.contains(path)
    }

    /// The records in `bytes` (an output file's content) and the bytes to keep: the whole
    /// records, cut and broken ones left out (the sink truncates or rewrites the file to them).
    public static func parse(_ bytes: [UInt8], csv: Bool) -> (output: ExistingOutput, kept: [UInt8]) {
        var result = ExistingOutput()
        var kept: [UInt8] = []
        let records = csv ? csvRecords(bytes) : jsonLines(bytes)
        for (index, record) in records.enumerated() {
            guard let (sourcePath, sha) = csv ? csvSource(record, first: index == 0) : jsonSource(record) else {
                // A CSV header is kept; anything else that does not parse is dropped.
                if csv && index == 0 { kept += record } else { result.dropped += 1 }
                continue
            }
            if sha.count == 64 { result.hashes.insert(sha) } else { result.pathsWithoutHash.insert(sourcePath) }
            kept += record
        }
        return (result, kept)
    }

    /// JSON Lines records: each line with its newline; a last line without one is a cut record and left out.
    public static func jsonLines(_ bytes: [UInt8]) -> [[UInt8]] {
        var records: [[UInt8]] = []
        var start = 0
        for (i, b) in bytes.enumerated() where b == 0x0A {
            records.append(Array(bytes[start...i]))
            start = i + 1
        }
        return records
    }

    /// CSV records: rows ending in a line break outside quotes (a quoted path may hold newlines);
    /// a last row without its line break is a cut record and left out.
    public static func csvRecords(_ bytes: [UInt8]) -> [[UInt8]] {
        var records: [[UInt8]] = []
        var start = 0
        var quoted = false
        for (i, b) in bytes.enumerated() {
            if b == UInt8(ascii: "\"") { quoted.toggle() }
            if b == 0x0A && !quoted {
                records.append(Array(bytes[start...i]))
                start = i + 1
            }
        }
        return records
    }

    /// Source path and hash of a JSON Lines record, nil when the line is not one whole record.
    private static func jsonSource(_ line: [UInt8]) -> (String, String)? {
        guard let value = try? JSONParser.parse(String(decoding: line, as: UTF8.self)),
              case .string(let path)? = value["source"]?["path"], case .string(let sha)? = value["source"]?["sha256"] else { return nil }
        return (path, sha)
    }

    /// Source path (first field) and hash (second) of a CSV row; nil for the header or a broken row.
    private static func csvSource(_ row: [UInt8], first: Bool) -> (String, String)? {
        var text = String(decoding: row, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let fields = csvFields(text)
        guard fields.count >= 2, !(first && fields[0] == "source" && fields[1] == "sha256") else { return nil }
        return (fields[0], fields[1])
    }

    /// The fields of one CSV row (RFC 4180 quoting), without its line break.
    public static func csvFields(_ row: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var chars = Array(row.unicodeScalars)
        while let last = chars.last, last == "\n" || last == "\r" { chars.removeLast() }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < chars.count && chars[i + 1] == "\"" { current.unicodeScalars.append("\""); i += 1 } else { quoted = false }
                } else { current.unicodeScalars.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { fields.append(current); current = "" }
            else { current.unicodeScalars.append(c) }
            i += 1
        }
        fields.append(current)
        return fields
    }
}
