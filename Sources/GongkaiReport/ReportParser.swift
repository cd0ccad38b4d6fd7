import TableLayout

/// Grids and text of a document → `ReportDocument`. Knows the report format, not the input format:
/// PDF, text and HTML inputs all arrive here as `CellGrid`s plus the document's leading text lines.
public struct ReportParser: Sendable {
    public init() {}

    /// - Parameters:
    ///   - grids: every table of the document, in reading order.
    ///   - headLines: the text lines of the first page(s) outside tables, top to bottom (for the title).
    ///   - fullText: all text, for diagnosing documents that are not reports.
    public func parse(grids: [CellGrid], headLines: [TitleReader.HeadLine], fullText: String = "") throws(ReportError) -> ReportDocument {
        let byKind = TableClassifier.classify(grids.enumerated().map { KeyedGrid($1, index: $0) })
        var tables = ReportTables()
        for (kind, keyed) in byKind { for g in keyed { tables.gridKinds[g.index] = kind } }
        var warnings: [ReportWarning] = []
        tables.proactive = ProactiveReader().read(byKind[.proactive] ?? [], into: &warnings)
        tables.applications = ApplicationsReader().read(byKind[.applications] ?? [], into: &warnings)
        tables.reviewLitigation = ReviewLitigationReader().read(byKind[.reviewLitigation] ?? [], into: &warnings)
        let title = TitleReader.read(lines: headLines)

        guard tables.foundAny else {
            throw diagnoseMissingTables(title: title, grids: grids, fullText: fullText)
        }
        return assemble(tables, warnings: warnings, title: title, lossyGrids: Set(grids.indices.filter { grids[$0].blankCellsMayBeLost }),
                        candidateGrids: byKind, fullText: fullText)
    }

    /// Read tables → the report: missing-table warnings, inferred cells, versions, checks. Shared by
    /// the grid readers and the text alignment (`AlignedReader`). `candidateGrids` are the grids
    /// classified as each table, so that a table whose grid was found but not matched says so.
    /// `fullText`: the document's text, where a table not read is looked for by its heading.
    public func assemble(_ tables: ReportTables, warnings: [ReportWarning], title: TitleReader.Title?, lossyGrids: Set<Int>,
                         fullText: String = "") -> ReportDocument {
        assemble(tables, warnings: warnings, title: title, lossyGrids: lossyGrids, candidateGrids: [:], fullText: fullText)
    }

    func assemble(_ tables: ReportTables, warnings: [ReportWarning], title: TitleReader.Title?, lossyGrids: Set<Int>,
                  candidateGrids: [ReportTableKind: [KeyedGrid]], fullText: String = "") -> ReportDocument {
        var tables = tables, warnings = warnings
        for (reading, name, kind) in [(tables.proactive, "二 主动公开", ReportTableKind.proactive), (tables.applications, "三 申请", .applications),
                                      (tables.reviewLitigation, "四 复议诉讼", .reviewLitigation)] where !reading.found {
            warnings.append(UnmatchedTables.warning(table: name, grids: candidateGrids[kind] ?? [])
                            ?? MissingTable.warning(table: name, kind: kind, fullText: fullText))
        }
        if title == nil { warnings.append(.init(code: "title_missing", message: "report title not found on the first page")) }
        tables.warnings += warnings
        tables.notes += tables.proactive.notes + tables.applications.notes + tables.reviewLitigation.notes
        // Rows of a converter's grid that lost a cell and were shifted, placed by the identities.
        ShiftedRowPlacement.apply(to: &tables.applications, lost: { v in v.cell.map { lossyGrids.contains($0.grid) && v.raw.allSatisfy(\.isWhitespace) } ?? false },
                                  warnings: &tables.warnings, notes: &tables.notes)
        // OCR values that break identities the other cells satisfy: null, with a warning.
        MisreadCells.apply(to: &tables)
        // Cells the source lost, where the identities determine them (marked inferred).
        IdentityInference.apply(to: &tables, lossyGrids: lossyGrids)

        // Versions: each table's own; table 四 is the same in both formats and follows the others.
        var versions: [ReportTableKind: TemplateVersion] = [:]
        versions[.proactive] = tables.proactive.version
        versions[.applications] = tables.applications.version
        let known = Set(versions.values)
        let fallback: TemplateVersion = known.count == 1 ? known.first! : (title?.year).map { $0 <= 2020 ? .v2019 : .v2021 } ?? .v2021
        for (kind, reading) in [(ReportTableKind.proactive, tables.proactive), (.applications, tables.applications), (.reviewLitigation, tables.reviewLitigation)]
        where reading.found && versions[kind] == nil {
            versions[kind] = kind == .reviewLitigation ? (versions[.proactive] ?? fallback) : fallback
        }
        for kind in [ReportTableKind.proactive, .applications, .reviewLitigation] where versions[kind] != nil {
            let found = kind == .proactive ? tables.proactive.found : kind == .applications ? tables.applications.found : tables.reviewLitigation.found
            if !found { versions[kind] = nil }
        }
        let distinct = Set(versions.values)
        let template = distinct.count == 1 ? distinct.first!.rawValue : (distinct.isEmpty ? fallback.rawValue : "mixed")

        let checks = AccountingChecks.run(applications: tables.applications, review: tables.reviewLitigation)
        return ReportDocument(source: nil, title: title, template: template, tableVersions: versions, tables: tables, checks: checks, notes: tables.notes)
    }

    private func diagnoseMissingTables(title: TitleReader.Title?, grids: [CellGrid], fullText: String) -> ReportError {
        let folded = LabelText.fold(fullText)
        if let year = title?.year, year < 2019 {
            return .unknownTemplate(detail: "a \(year) report: formats before 2019 (国办公开办函〔2019〕60号) are not supported")
        }
        if folded.contains("政府信息公开") && (folded.contains("年度报告") || folded.contains("工作报告")) {
            if folded.contains("主动公开") && !folded.contains("信息内容") && !folded.contains("申请人情况") {
                return .unknownTemplate(detail: "a 政府信息公开 report whose tables follow neither the 2019 nor the 2021 format")
            }
            return .noReportTables(detail: "a 政府信息公开 report, but none of tables 二/三/四 could be read (\(grids.count) tables on its pages)")
        }
        return .noReportTables(detail: "not a 政府信息公开工作年度报告 (\(grids.count) tables, none of them 二/三/四)")
    }
}
