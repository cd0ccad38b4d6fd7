import ArgumentParser
import GongkaiKit

/// Draws what was extracted over the PDF's pages, from the same extraction `extract` runs.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Draw what was extracted over the PDF's pages: ruling lines, grid cells, each value's cell.",
        discussion: """
        Each value's cell is outlined and labelled with its short key (withheld.state_secret.np = \
        applications.results.withheld.state_secret.natural_person): green for values used, orange \
        for inferred values, red for null values and the cells of failed checks; a dashed red \
        outline marks a number in a report table that no value came from. Blue lines are the ruling \
        lines found, dashed purple boxes the grid's cells.

        -o out.png writes one PNG per page (out-2.png, out-3.png … named by page number) unless a \
        single --page is given; -o out.pdf writes one multi-page PDF; --html (or -o *.html) one \
        self-contained page with the images beside the values. Default pages: those with tables.
        """
    )

    @Argument(help: "The report PDF.")
    var file: String

    @Option(name: .shortAndLong, help: "Output: FILE.png (one per page), FILE.pdf or FILE.html.")
    var output: String

    @Option(name: .customLong("page"), help: "Page to draw (1-based; repeat for several). Default: every page with a table.")
    var pages: [Int] = []

    @Flag(help: "Write one HTML page: images with the overlay beside the extracted values.")
    var html = false

    @Option(help: "Pixels per point of the PNG images (2 = 144 dpi).")
    var scale: Double = 2

    @Flag(help: "Crop PNG images to the page's tables (with a small margin).")
    var crop = false

    @Flag(name: .customLong("lines"), inversion: .prefixedNo, help: "Draw the ruling lines found.")
    var showLines = true

    @Flag(name: .customLong("grid"), inversion: .prefixedNo, help: "Draw the grid's cells.")
    var showGrid = true

    @Flag(name: .customLong("labels"), inversion: .prefixedNo, help: "Write each value's key in its cell.")
    var showLabels = true

    @Option(help: "Password for an encrypted PDF.")
    var password: String?

    @Flag(help: "Let the PDF library's own diagnostics through to standard error.")
    var verbose = false

    enum Kind { case png, pdf, html }

    var kind: Kind {
        let lower = output.lowercased()
        if html || lower.hasSuffix(".html") || lower.hasSuffix(".htm") { return .html }
        return lower.hasSuffix(".pdf") ? .pdf : .png
    }

    func validate() throws {
        if !(0.25...8).contains(scale) { throw ValidationError("--scale must be between 0.25 and 8") }
        if pages.contains(where: { $0 < 1 }) { throw ValidationError("--page numbers start at 1") }
        if kind == .png && output == "-" && pages.count != 1 { throw ValidationError("-o - (standard output) needs one --page for PNG") }
    }

    func run() throws {
        if !verbose { Diagnostics.silenceLibraryOutput() }
        let bytes: [UInt8]
        do { bytes = try FileBytes.read(path: file) } catch {
            let failure = ExtractionError.unreadable(path: file, detail: error.description)
            Diagnostics.error("gongkai: " + failure.message)
            throw ExitCode(failure.exitStatus)
        }
        let format = InputFormat.detect(bytes: bytes, path: file)
        guard format == .pdf else {
            Diagnostics.error("gongkai: \(file): inspect draws PDF pages; this input is \(format.rawValue) (use extract --provenance)")
            throw ExitCode(ExtractionError.unsupportedFormat(path: file, format: format.rawValue).exitStatus)
        }
        var options = ReportExtractor.Options()
        options.password = password
        let layout: ExtractionLayout
        let document: PDFDocument
        do throws(ExtractionError) {
            layout = try ReportExtractor(options: options).extractWithLayout(bytes: bytes, path: file, format: .pdf)
            do { document = try PDFDocument(bytes: bytes, password: password) } catch { throw ExtractionError.damaged(path: file, detail: error.description) }
        } catch {
            Diagnostics.error("gongkai: " + error.message)
            throw ExitCode(error.exitStatus)
        }

        let chosen: [Int]
        if pages.isEmpty {
            chosen = layout.pagesWithTables.map(\.number)
        } else {
            if let bad = pages.first(where: { layout.page($0) == nil }) {
                Diagnostics.error("gongkai: \(file): no page \(bad) (the document has \(document.pageCount))")
                throw ExitCode(ExitStatus.usage)
            }
            chosen = pages
        }
        let inspection = Inspection(layout)
        func overlay(_ page: Int) -> [OverlayShape] {
            inspection.overlay(page: page, rulingLines: showLines, grid: showGrid, labels: showLabels)
        }
        /// The page's tables and marks with a margin, within the page (nil: no tables, whole page).
        func tableArea(_ page: Int) -> Rect? {
            guard let p = layout.page(page) else { return nil }
            let boxes = (p.grids.map { layout.tables.grids[$0].box } + inspection.marks(onPage: page).map(\.box)).map(p.displayed)
            guard let first = boxes.first else { return nil }
            let all = boxes.dropFirst().reduce(first) { $0.union($1) }
            return Rect(x0: max(0, all.x0 - 8), y0: max(0, all.y0 - 8), x1: min(p.width, all.x1 + 8), y1: min(p.height, all.y1 + 8))
        }
        /// One line per page on standard error: where it went and what its marks say.
        func report(_ page: Int, _ path: String) {
            let n = inspection.counts(onPage: page)
            let counts = Inspection.Status.allCases.map { "\(n[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
            Diagnostics.write("page \(page) → \(path): \(counts)\n")
        }
        func png(_ page: Int) throws -> [UInt8] {
            guard let image = document.renderPage(page - 1, scale: scale, overlay: overlay(page), region: crop ? tableArea(page) : nil) else {
                Diagnostics.error("gongkai: \(file): page \(page) could not be rendered")
                throw ExitCode(ExitStatus.outputFailed)
            }
            do { return try image.pngData() } catch {
                Diagnostics.error("gongkai: \(file): page \(page): \(error)")
                throw ExitCode(ExitStatus.outputFailed)
            }
        }

        switch kind {
        case .png:
            let single = pages.count == 1
            for page in chosen {
                let path = single ? output : Self.numbered(output, page)
                try write(png(page), to: path)
                report(page, path)
            }
        case .pdf:
            let data: [UInt8]
            do { data = try document.overlaidPDF(chosen.map { (index: $0 - 1, overlay: overlay($0)) }) } catch {
                Diagnostics.error("gongkai: \(output): cannot make the PDF: \(error)")
                throw ExitCode(ExitStatus.outputFailed)
            }
            try write(data, to: output)
            for page in chosen { report(page, output) }
        case .html:
            let images = try chosen.map { InspectionHTML.Page(number: $0, png: try png($0)) }
            try write(Array(InspectionHTML.render(inspection, pages: images).utf8), to: output)
            for page in chosen { report(page, output) }
        }
    }

    private func write(_ bytes: [UInt8], to path: String) throws {
        do { try OutputTarget(path).write(bytes: bytes) } catch {
            Diagnostics.error("gongkai: \(path): cannot write output: \(error)")
            throw ExitCode(ExitStatus.outputFailed)
        }
    }

    /// `out.png` → `out-3.png` for page 3 (a name without an extension gets `-3` at its end).
    static func numbered(_ path: String, _ page: Int) -> String {
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        if let dot = path[slash...].lastIndex(of: "."), dot > slash {
            return String(path[..<dot]) + "-\(page)" + String(path[dot...])
        }
        return path + "-\(page)"
    }
}
