import Dispatch
import Synchronization

/// Runs `PageAnalyzer` over a document's pages on several threads.
///
/// Poppler documents are not thread-safe, so each worker gets its own `PDFDocument` opened from the
/// same bytes (opening is cheap next to rendering); the documents are opened one after another on
/// the calling thread because Poppler sets up its global state on first use. Pages are handed out
/// from a shared counter, so a worker that drew a costly table page does not hold the others up.
enum ParallelPages {
    /// Lets one worker own one document across the concurrent closure.
    private final class Owned: @unchecked Sendable {
        let document: PDFDocument
        init(_ document: PDFDocument) { self.document = document }
    }

    static func analyze(first: PDFDocument, open: () throws(PDFError) -> PDFDocument, pageCount: Int,
                        workers requested: Int, analyzer: PageAnalyzer) -> [PageAnalysis] {
        let workers = max(1, min(requested, pageCount))
        var documents = [Owned(first)]
        for _ in 1..<workers {
            guard let extra = try? open() else { break }
            documents.append(Owned(extra))
        }
        if documents.count == 1 {
            return (0..<pageCount).map { analyzer.analyze(first, page: $0) }
        }
        let next = Mutex(0)
        let results = Mutex([PageAnalysis?](repeating: nil, count: pageCount))
        let owned = documents
        DispatchQueue.concurrentPerform(iterations: owned.count) { w in
            while true {
                let index = next.withLock { n -> Int in defer { n += 1 }; return n }
                guard index < pageCount else { break }
                let page = analyzer.analyze(owned[w].document, page: index)
                results.withLock { $0[index] = page }
            }
        }
        return results.withLock { $0.compactMap { $0 } }
    }
}
