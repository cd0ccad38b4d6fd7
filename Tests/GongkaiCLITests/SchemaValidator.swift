import GongkaiKit

/// Checks a JSON document against the subset of JSON Schema (2020-12) that
/// docs/report.schema.json uses: type, properties, required, additionalProperties (false),
/// items, enum, const, pattern, minimum, minItems, maxItems and `$ref` to `#/$defs/…`. A
/// keyword outside that subset is itself reported, so the schema cannot quietly ask for
/// something this does not check.
struct SchemaValidator {
    let root: JSONValue

    /// Keywords that only describe.
    private static let annotations: Set<String> = ["$schema", "$id", "$defs", "title", "description"]

    /// Every violation, as "<JSON path>: <what is wrong>"; empty when `value` conforms.
    func violations(of value: JSONValue) -> [String] {
        var out: [String] = []
        check(value, against: root, at: "$", into: &out)
        return out
    }

    private func check(_ value: JSONValue, against schema: JSONValue, at path: String, into out: inout [String]) {
        guard case .object(let s) = schema else { out.append("\(path): schema is not an object"); return }
        for (keyword, argument) in s.sorted(by: { $0.key < $1.key }) where !Self.annotations.contains(keyword) {
            switch keyword {
            case "$ref": checkReference(value, argument, at: path, into: &out)
            case "type": if !matchesType(value, argument) { out.append("\(path): not of type \(argument.rendered(pretty: false))") }
            case "enum":
                if case .array(let options) = argument, !options.contains(value) { out.append("\(path): \(value.rendered(pretty: false)) not in enum") }
            case "const": if value != argument { out.append("\(path): is not \(argument.rendered(pretty: false))") }
            case "pattern": checkPattern(value, argument, at: path, into: &out)
            case "minimum":
                if case .number(let n) = value, case .number(let m) = argument, n.doubleValue < m.doubleValue { out.append("\(path): below \(m)") }
            case "minItems", "maxItems":
                if case .array(let items) = value, case .number(let m) = argument, let bound = m.intValue,
                   keyword == "minItems" ? items.count < bound : items.count > bound { out.append("\(path): \(items.count) items (\(keyword) \(bound))") }
            case "items":
                if case .array(let items) = value {
                    for (i, item) in items.enumerated() { check(item, against: argument, at: "\(path)[\(i)]", into: &out) }
                }
            case "properties", "required", "additionalProperties": checkObject(value, s, at: path, keyword: keyword, into: &out)
            default: out.append("\(path): unsupported schema keyword \(keyword)")
            }
        }
    }

    private func checkObject(_ value: JSONValue, _ s: [String: JSONValue], at path: String, keyword: String, into out: inout [String]) {
        guard case .object(let members) = value else { return }
        switch (keyword, s[keyword]) {
        case ("properties", .object(let properties)?):
            for (name, sub) in properties.sorted(by: { $0.key < $1.key }) {
                if let member = members[name] { check(member, against: sub, at: "\(path).\(name)", into: &out) }
            }
        case ("required", .array(let names)?):
            for case .string(let name) in names where members[name] == nil { out.append("\(path): missing \(name)") }
        case ("additionalProperties", .bool(false)?):
            guard case .object(let properties)? = s["properties"] else { return }
            for name in members.keys.sorted() where properties[name] == nil { out.append("\(path): unexpected key \(name)") }
        case ("additionalProperties", _):
            out.append("\(path): only additionalProperties false is supported")
        default:
            out.append("\(path): malformed \(keyword)")
        }
    }

    private func checkReference(_ value: JSONValue, _ argument: JSONValue, at path: String, into out: inout [String]) {
        guard case .string(let ref) = argument, ref.hasPrefix("#/$defs/"),
              let target = root["$defs"]?[String(ref.dropFirst("#/$defs/".count))] else {
            out.append("\(path): unresolvable $ref \(argument.rendered(pretty: false))"); return
        }
        check(value, against: target, at: path, into: &out)
    }

    private func checkPattern(_ value: JSONValue, _ argument: JSONValue, at path: String, into out: inout [String]) {
        guard case .string(let text) = value else { return }
        guard case .string(let pattern) = argument, let regex = try? Regex(pattern) else {
            out.append("\(path): bad pattern \(argument.rendered(pretty: false))"); return
        }
        if text.firstMatch(of: regex) == nil { out.append("\(path): \"\(text)\" does not match \(pattern)") }
    }

    private func matchesType(_ value: JSONValue, _ argument: JSONValue) -> Bool {
        let names: [String]
        switch argument {
        case .string(let n): names = [n]
        case .array(let a): names = a.compactMap { if case .string(let n) = $0 { return n } else { return nil } }
        default: return false
        }
        return names.contains { name in
            switch (name, value) {
            case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null), ("number", .number): return true
            case ("integer", .number(let n)): return n.intValue != nil
            default: return false
            }
        }
    }
}
