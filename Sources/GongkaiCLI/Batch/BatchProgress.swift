import BatchRunner
#if canImport(Glibc)
import Glibc
#endif

/// Progress on stderr while the batch runs — only when stderr is a terminal — and the closing
/// summary line, always.
struct BatchProgress {
    let total: Int
    let started = WorkerPool.now()
    var converted = 0
    var failed = 0
    var skipped = 0
    /// Records that could not be written to the output.
    var notWritten = 0
    private var lastDraw = 0.0
    private let live = Diagnostics.isTerminal

    init(total: Int) { self.total = total }

    /// A fresh progress over `total` documents that keeps the counts already made.
    init(total: Int, carrying earlier: BatchProgress) {
        self.total = total
        converted = earlier.converted; failed = earlier.failed; skipped = earlier.skipped
    }

    var done: Int { converted + failed }

    mutating func draw(force: Bool = false) {
        guard live else { return }
        let now = WorkerPool.now()
        guard force || now - lastDraw >= 0.2 else { return }
        lastDraw = now
        let elapsed = max(now - started, 1e-3)
        let rate = Double(done) / elapsed
        let eta = rate > 0 ? Double(total - done) / rate : 0
        Diagnostics.write("\r\u{1B}[K\(done)/\(total) done, \(failed) failed, \(format(rate)) docs/s, ETA \(Int(eta.rounded())) s")
    }

    func summary() -> String {
        let elapsed = WorkerPool.now() - started
        let unwritten = notWritten > 0 ? ", \(notWritten) not written (see the errors above; --resume adds them)" : ""
        return "\(converted) converted, \(failed) failed, \(skipped) skipped\(unwritten) in \(format(elapsed)) s"
    }

    mutating func finish() {
        if live { Diagnostics.write("\r\u{1B}[K") }
        Diagnostics.error("gongkai batch: " + summary())
    }

    private func format(_ v: Double) -> String {
        let scaled = (v * 10).rounded() / 10
        return String(scaled)
    }
}
