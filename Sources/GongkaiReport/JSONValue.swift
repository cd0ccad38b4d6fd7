/// A JSON tree with exact number literals.
///
/// Hand-written rather than `JSONEncoder` because the output must keep money literals exact
/// (`0.386`, not a binary double), sort keys at every level and leave Chinese text unescaped so
/// that diffs of extracted documents stay readable.
public indirect enum JSONValue: Equatable, Sendable {
    case object([String: JSONValue])
    case array([JSONValue])
    case string(String)
    case number(ReportNumber)
    case bool(Bool)
    case null

    public subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    /// Renders the tree. `pretty` indents by two spaces; otherwise one line.
    public func rendered(pretty: Bool = true) -> String {
        var out = ""
        write(into: &out, pretty: pretty, indent: 0)
        return out
    }

    private func write(into out: inout String, pretty: Bool, indent: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n.literal
        case .string(let s): JSONValue.writeString(s, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                if pretty { out += "\n" + String(repeating: "  ", count: indent + 1) }
                item.write(into: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { out += "\n" + String(repeating: "  ", count: indent) }
            out += "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{"
            for (i, key) in members.keys.sorted().enumerated() {
                if i > 0 { out += "," }
                if pretty { out += "\n" + String(repeating: "  ", count: indent + 1) }
                JSONValue.writeString(key, into: &out)
                out += pretty ? ": " : ":"
                members[key]!.write(into: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { out += "\n" + String(repeating: "  ", count: indent) }
            out += "}"
        }
    }

    static func writeString(_ s: String, into out: inout String) {
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where u.value < 0x20 || u.value == 0x2028 || u.value == 0x2029:
                let hex = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(u)
            }
        }
        out += "\""
    }
}

extension JSONValue {
    /// Sets `value` at a dotted `path` below this object, creating objects on the way.
    mutating func set(_ value: JSONValue, at path: [String]) {
        guard let head = path.first else { self = value; return }
        var members: [String: JSONValue]
        if case .object(let o) = self { members = o } else { members = [:] }
        var child = members[head] ?? .object([:])
        child.set(value, at: Array(path.dropFirst()))
        members[head] = child
        self = .object(members)
    }

    /// The numeric and null leaves as dotted paths (booleans and strings are not cells).
    public func flattenedCells(prefix: String = "") -> [(path: String, value: ReportNumber?)] {
        switch self {
        case .object(let o):
            return o.keys.sorted().flatMap { k in o[k]!.flattenedCells(prefix: prefix.isEmpty ? k : prefix + "." + k) }
        case .number(let n): return [(prefix, n)]
        case .null: return [(prefix, nil)]
        default: return []
        }
    }
}
