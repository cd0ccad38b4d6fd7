import GongkaiKit
#if canImport(Glibc)
import Glibc
#endif

/// What a document's outcome in the pool means for its record: a whole record to pass on, or the
/// error code and message of a failure (the batch record codes, see `gongkai batch --help`).
extension WorkerPool.Outcome {
    /// What a worker that answered 0 must have sent: one whole record (JSON Lines: one line;
    /// CSV: whole rows). Anything else is reported as `bad_output`, never passed on.
    public func isWholeRecord(csv: Bool) -> Bool {
        guard case .exited(0) = status, let last = stdout.last, last == 0x0A else { return false }
        if csv { return true }
        return stdout.firstIndex(of: 0x0A) == stdout.count - 1 && stdout.first == UInt8(ascii: "{")
    }

    /// Code, message and (when the worker sent it) content hash of a document that failed.
    public func failure(path: String, timeout: Double, cpuSeconds: Int = 0) -> (code: String, message: String, sha256: String?) {
        switch status {
        case .exited(0):
            return ("bad_output", "\(path): worker answered 0 but sent no whole record (\(stdout.count) bytes)", nil)
        case .exited(let status):
            if let code = ExtractionError.code(forExitStatus: status) {
                // A failure the worker reported: "<sha256>\n<message>".
                let parts = stderr.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
                let sha = parts.count == 2 && parts[0].count == 64 ? String(parts[0]) : nil
                return (code, String(parts.last ?? ""), sha)
            }
            // The worker process itself ended.
            let said = stderr.split(separator: "\n").last.map { ": " + $0 } ?? ""
            return ("crashed", "\(path): worker ended with status \(status)\(said)", nil)
        case .signalled(let signal) where signal == SIGXCPU:
            // The worker's CPU-time limit for the document (`gongkai worker --max-cpu-seconds`).
            return ("timeout", "\(path): no result within the CPU-time limit of \(cpuSeconds) s; worker stopped", nil)
        case .signalled(let signal):
            let said = stderr.split(separator: "\n").last.map(String.init) ?? ""
            if said.contains("out of memory") {
                return ("out_of_memory", "\(path): out of memory (the worker's address space reached its limit; raise --max-memory-mb)", nil)
            }
            let name = signal == SIGKILL ? "SIGKILL (memory or CPU limit?)" : Self.signalName(signal)
            return ("crashed", "\(path): worker crashed with \(name)", nil)
        case .timedOut:
            return ("timeout", "\(path): no result after \(Int(timeout)) s; worker killed", nil)
        case .couldNotStart(let reason):
            return ("worker_failed", "\(path): could not start a worker: \(reason)", nil)
        }
    }

    public static func signalName(_ signal: Int32) -> String {
        let names: [Int32: String] = [SIGSEGV: "SIGSEGV", SIGABRT: "SIGABRT", SIGBUS: "SIGBUS", SIGILL: "SIGILL (a Swift runtime trap)",
                                      SIGTRAP: "SIGTRAP (a Swift runtime trap)", SIGFPE: "SIGFPE", SIGXCPU: "SIGXCPU"]
        return names[signal] ?? "signal \(signal)"
    }
}
