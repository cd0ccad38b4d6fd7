/// Where the document came from (filled in by the pipeline, not by the report parser).
public struct SourceInfo: Sendable, Equatable {
    public var path: String
    public var sha256: String
    public var kind: String
    public var pages: Int
    /// Whether any page was read by OCR (a scan).
    public var ocr = false

    public init(path: String, sha256: String, kind: String, pages: Int) {
        self.path = path; self.sha256 = sha256; self.kind = kind; self.pages = pages
    }
}

/// A parsed report: the contract's document before it is rendered as JSON.
public struct ReportDocument: Sendable {
    public static let schemaVersion = 1

    public var source: SourceInfo?
    public var title: TitleReader.Title?
    public var template: String
    public var tableVersions: [ReportTableKind: TemplateVersion]
    public var tables: ReportTables
    public var checks: [CheckResult]
    /// What the extractor decided along the way (input decoding, label matches, inferences), for
    /// `--verbose`; not part of the JSON.
    public var notes: [String] = []

    public var warnings: [ReportWarning] { tables.warnings }

    /// The JSON document of `spec/report-schema.md`. `provenance` adds page, box and raw text of every value.
    public func json(provenance: Bool = false) -> JSONValue {
        var root: [String: JSONValue] = ["schema_version": .number(ReportNumber(Self.schemaVersion))]
        if let source {
            root["source"] = .object([
                "path": .string(source.path), "sha256": .string(source.sha256),
                "kind": .string(source.kind), "pages": .number(ReportNumber(source.pages)),
            ])
            if source.ocr, case .object(var fields)? = root["source"] {
                fields["ocr"] = .bool(true)  // only scans say so: text-layer reports keep their documented shape
                root["source"] = .object(fields)
            }
        }
        var report: [String: JSONValue] = ["template": .string(template)]
        report["title"] = title.map { .string($0.title) } ?? .null
        report["agency"] = title?.agency.map { .string($0) } ?? .null
        report["year"] = title?.year.map { .number(ReportNumber($0)) } ?? .null
        var versions: [String: JSONValue] = [:]
        for (kind, key) in [(ReportTableKind.proactive, "proactive"), (.applications, "applications"), (.reviewLitigation, "review_litigation")] {
            if let v = tableVersions[kind] { versions[key] = .string(v.rawValue) }
        }
        report["tables"] = .object(versions)
        root["report"] = .object(report)

        var inferred: [JSONValue] = []
        var sources: [JSONValue] = []
        for (key, reading) in [("proactive", tables.proactive), ("applications", tables.applications), ("review_litigation", tables.reviewLitigation)] {
            var table = JSONValue.object([:])
            for v in reading.values {
                table.set(v.value.map(JSONValue.number) ?? .null, at: v.path)
                let dotted = key + "." + v.path.joined(separator: ".")
                if let rule = v.inferredBy {
                    inferred.append(.object(["path": .string(dotted), "rule": .string(rule)]))
                }
                if provenance { sources.append(Self.provenance(of: v, path: dotted)) }
            }
            for (path, s) in reading.strings { table.set(.string(s), at: path.split(separator: ".").map(String.init)) }
            root[key] = table
        }
        root["inferred"] = .array(inferred)
        if provenance { root["provenance"] = .array(sources) }
        root["checks"] = .array(checks.map { c in
            var o: [String: JSONValue] = ["rule": .string(c.rule), "ok": .bool(c.ok)]
            if !c.failures.isEmpty {
                o["failures"] = .array(c.failures.map { f in
                    .object(["at": .string(f.at), "expected": .number(f.expected), "actual": .number(f.actual)])
                })
            }
            if !c.notCheckable.isEmpty { o["not_checkable"] = .array(c.notCheckable.map(JSONValue.string)) }
            return .object(o)
        })
        root["warnings"] = .array(warnings.map { w in
            var o: [String: JSONValue] = ["code": .string(w.code), "message": .string(w.message)]
            if let p = w.path { o["path"] = .string(p) }
            if let p = w.page { o["page"] = .number(ReportNumber(p)) }
            return .object(o)
        })
        return .object(root)
    }

    /// One `provenance` entry: page, box (PDF points, top-left origin), raw text, the grid cell
    /// (`null` when the row had no cell in that column: the box is then where it should be; and
    /// for values read by aligning the template to the text, which have no grid), and for text
    /// inputs the line and column where the cell's text starts.
    static func provenance(of v: ExtractedValue, path: String) -> JSONValue {
        var o: [String: JSONValue] = [
            "path": .string(path), "page": .number(ReportNumber(v.page)), "raw": .string(v.raw),
            "box": .array([v.box.x0, v.box.y0, v.box.x1, v.box.y1].map { .number(Self.points($0)) }),
        ]
        if let c = v.cell, c.grid < 0 {
            o["cell"] = .null
            if let t = c.textPosition {
                o["line"] = .number(ReportNumber(t.line))
                o["column"] = .number(ReportNumber(t.column))
            }
        } else if let c = v.cell {
            o["cell"] = .object([
                "grid": .number(ReportNumber(c.grid)), "row": .number(ReportNumber(c.row)), "column": .number(ReportNumber(c.column)),
                "row_span": .number(ReportNumber(c.rowSpan)), "column_span": .number(ReportNumber(c.columnSpan)),
            ])
            if let confidence = c.ocrConfidence { o["ocr_confidence"] = .number(ReportNumber(confidence)) }
            if let t = c.textPosition {
                o["line"] = .number(ReportNumber(t.line))
                o["column"] = .number(ReportNumber(t.column))
            }
        } else {
            o["cell"] = .null
        }
        if let rule = v.inferredBy { o["inferred_by"] = .string(rule) }
        return .object(o)
    }

    private static func points(_ v: Double) -> ReportNumber {
        ReportNumber(literal: String(format2(v))) ?? ReportNumber(0)
    }

    /// A coordinate in points with at most two decimals, as `--provenance` writes it.
    static func format2(_ v: Double) -> String {
        // Boxes of hostile PDFs can lie anywhere; beyond ±1e15 pt (or not finite) say 0.
        guard v.isFinite, abs(v) < 1e15 else { return "0" }
        let scaled = (v * 100).rounded() / 100
        return scaled == scaled.rounded() ? String(Int(scaled)) : String(scaled)
    }
}
