/// The two official table formats: 国办公开办函〔2019〕60号 and 国办公开办函〔2021〕30号.
public enum TemplateVersion: String, Sendable, Codable, Comparable {
    case v2019 = "2019"
    case v2021 = "2021"

    public static func < (a: TemplateVersion, b: TemplateVersion) -> Bool { a.rawValue < b.rawValue }
}

/// Which kind of number a column holds; decides parsing and the JSON type.
public enum ValueKind: Sendable {
    /// A non-negative count (integer).
    case count
    /// 本年增/减: a signed integer, possibly written `+3`.
    case signedCount
    /// Money: a decimal kept exactly as written.
    case money
}
