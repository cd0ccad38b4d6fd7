import GongkaiReport
import TableLayout

/// Chooses between the grid readers and the template alignment over the text (`AlignedReader`)
/// for one document: text and markdown whose grids give no tables or leave cells null, web
/// pages without `<table>`s, and PDFs whose table grid was lost or not matched to the template
/// (their table pages' lines in reading order are the text).
struct AlignedFallback {
    var source: TableSource
    /// Take from the alignment only the tables no grid held and the cells no grid produced (PDFs):
    /// a PDF grid's null cells are blank cells read as such, and the alignment over reading-order
    /// lines would fill them with a neighbouring cell's number.
    var onlyMissingTables = false

    /// - Parameter text: the document's text for the alignment, asked for only when the alignment
    ///   runs (a PDF builds it from its table pages); nil where it does not apply.
    func report(tables: TableDocument, text: () -> String?, path: String) throws(ExtractionError) -> ReportDocument {
        let headLines = tables.leadingLines.map { TitleReader.HeadLine(text: $0.text, height: $0.height) }
        let lossy = Set(tables.grids.indices.filter { tables.grids[$0].blankCellsMayBeLost })
        guard source != .grids else { return try gridReport(tables, headLines: headLines, path: path) }
        if source == .text {
            guard let text = text() else { return try gridReport(tables, headLines: headLines, path: path) }
            let aligned = AlignedReader().read(text)
            guard aligned.foundAny else {
                throw .noReportTables(path: path, detail: "no report tables found: the template's row labels were not found in the text")
            }
            return ReportParser().assemble(aligned, warnings: [], title: TitleReader.read(lines: headLines), lossyGrids: [])
        }
        let grid: ReportDocument
        do { grid = try gridReport(tables, headLines: headLines, path: path) } catch {
            guard case .noReportTables = error, let text = text() else { throw error }
            let aligned = AlignedReader().read(text)
            guard aligned.foundAny else { throw error }
            var report = ReportParser().assemble(aligned, warnings: [], title: TitleReader.read(lines: headLines), lossyGrids: [])
            report.notes.insert("no grid held a report table: tables read by aligning the template to the text", at: 0)
            return report
        }
        // PDFs: the alignment only where the grids lost something (it costs as much as the grids).
        if onlyMissingTables, !grid.tables.warnings.contains(where: { Self.lossCodes.contains($0.code) }) { return grid }
        guard let text = text() else { return grid }
        let aligned = AlignedReader().read(text)
        guard aligned.foundAny else { return grid }
        var merged = ReaderMerge.merge(grid: grid.tables, aligned: aligned, fillNulls: !onlyMissingTables)
        merged.warnings.removeAll { $0.code == "table_missing" || $0.code == "title_missing" }
        for kind in [\ReportTables.proactive, \.applications, \.reviewLitigation] { merged[keyPath: kind].notes = [] }
        var report = ReportParser().assemble(merged, warnings: [], title: grid.title, lossyGrids: lossy, fullText: tables.fullText)
        report.notes = grid.notes + merged.notes.filter { !grid.notes.contains($0) }
        return report
    }

    /// Warnings saying a grid lost a table, a row or a cell: what the alignment can give back.
    static let lossCodes: Set<String> = ["table_missing", "table_unmatched", "row_missing", "cell_missing"]

    private func gridReport(_ tables: TableDocument, headLines: [TitleReader.HeadLine], path: String) throws(ExtractionError) -> ReportDocument {
        do { return try ReportParser().parse(grids: tables.grids, headLines: headLines, fullText: tables.fullText) } catch {
            throw ExtractionError(error, path: path)
        }
    }
}
