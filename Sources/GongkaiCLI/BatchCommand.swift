import ArgumentParser
import GongkaiKit
#if canImport(Glibc)
import Glibc
#endif

struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Convert many reports into one dataset (JSON Lines or long-form CSV).",
        discussion: """
        Inputs are files, folders (searched recursively for .pdf .txt .md .html) and glob patterns; \
        they are processed in sorted order and written in that order, one record per document. \
        Each document is parsed in its own worker process, so a crash, hang or runaway memory \
        loses only that file, which is recorded as {"source": …, "error": {"code": …, "message": …}}. \
        Records are written whole, so an interrupted run leaves a valid file; --resume skips \
        inputs already in the output (matched by content hash). The exit status is 0 when every \
        file converted, 1 when any failed.
        """
    )

    @Argument(help: "Files, folders or glob patterns.")
    var paths: [String]

    @Option(name: .shortAndLong, help: "Write here instead of standard output.")
    var output: String?

    @OptionGroup var out: OutputOptions

    @Option(help: "Documents converted at once (default: the number of cores).")
    var jobs: Int = ReportExtractor.Options.processorCount

    @Option(help: "Seconds one document may take before its worker is killed.")
    var timeout: Double = 60

    @Option(help: "Address-space limit of each worker, in MiB.")
    var maxMemoryMb: Int = 4096

    @Flag(help: "Skip inputs whose content hash is already in the output file; append the rest.")
    var resume = false

    @Option(help: "Process only shard I of N (e.g. 2/8): a deterministic part of the inputs.")
    var shard: String?

    @Option(help: "Password for encrypted PDFs.")
    var password: String?

    func validate() throws {
        if resume && (output == nil || output == "-") { throw ValidationError("--resume needs an output file (-o FILE)") }
        if let shard, parsedShard(shard) == nil { throw ValidationError("--shard takes I/N with 1 ≤ I ≤ N, e.g. 2/8") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    private func parsedShard(_ s: String) -> (Int, Int)? {
        let parts = s.split(separator: "/").compactMap { Int($0) }
        guard parts.count == 2, parts[1] >= 1, (1...parts[1]).contains(parts[0]) else { return nil }
        return (parts[0], parts[1])
    }

    func run() throws {
        Diagnostics.silenceLibraryOutput()
        var format = out
        if format.format == .json { format.format = .jsonl }
        let (found, missing) = InputCollector.collect(paths)
        var inputs = found + missing
        if let shard, let (i, n) = parsedShard(shard) { inputs = InputCollector.shard(inputs, index: i, count: n) }

        let csv = format.format == .csv
        let done = resume ? ResultSink.hashesInExistingOutput(output!, csv: csv) : []
        let sink: ResultSink
        do { sink = try ResultSink(path: output, append: resume) } catch {
            Diagnostics.error("gongkai batch: cannot write output: \(error)")
            throw ExitCode(ExitStatus.outputFailed)
        }
        if !resume || done.isEmpty && fileSize(output) == 0 { sink.writeNow(format.preamble) }

        // With --resume, hash every input first: resume matches by content. Otherwise the workers
        // hash what they read (the hash goes into every record, failures included).
        var progress = BatchProgress(total: inputs.count)
        var work: [(index: Int, path: String)] = []
        for (order, path) in inputs.enumerated() {
            if resume, let bytes = try? FileBytes.read(path: path), done.contains(SHA256.hex(bytes)) {
                sink.deliver(order, nil)
                progress.skipped += 1
            } else {
                work.append((order, path))
            }
        }
        progress = BatchProgress(total: work.count, carrying: progress)

        var workerArguments = [Self.executablePath(), "worker", "--format", format.format.rawValue, "--no-csv-header",
                               "--threads", "1", "--max-memory-mb", String(maxMemoryMb)]
        if format.provenance { workerArguments.append("--provenance") }
        if let password { workerArguments += ["--password", password] }
        let pool = WorkerPool(jobs: jobs, timeout: timeout, workerArguments: workerArguments)
        pool.run(count: work.count, path: { work[$0].path        }, done: { outcome in
            let item = work[outcome.index]
            if case .exited(0) = outcome.status {
                progress.converted += 1
                sink.deliver(item.index, String(decoding: outcome.stdout, as: UTF8.self))
                return
            }
            progress.failed += 1
            let (code, message, sha) = Self.describeFailure(outcome, path: item.path, timeout: timeout)
            sink.deliver(item.index, format.renderFailure(path: item.path, sha256: sha ?? Self.hash(item.path), code: code, message: message))
        }, tick: { progress.draw() })
        progress.finish()
        if progress.failed > 0 { throw ExitCode(1) }
    }

    /// Code, message and (when the worker sent it) content hash of a document that failed.
    static func describeFailure(_ outcome: WorkerPool.Outcome, path: String, timeout: Double) -> (code: String, message: String, sha256: String?) {
        switch outcome.status {
        case .exited(let status):
            if let code = ExtractionError.code(forExitStatus: status) {
                // A failure the worker reported: "<sha256>\n<message>".
                let parts = outcome.stderr.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
                let sha = parts.count == 2 && parts[0].count == 64 ? String(parts[0]) : nil
                return (code, String(parts.last ?? ""), sha)
            }
            // The worker process itself ended.
            let said = outcome.stderr.split(separator: "\n").last.map { ": " + $0 } ?? ""
            return ("crashed", "\(path): worker ended with status \(status)\(said)", nil)
        case .signalled(let signal):
            let name = signal == SIGKILL ? "SIGKILL (memory or CPU limit?)" : signal == SIGSEGV ? "SIGSEGV" : signal == SIGABRT ? "SIGABRT" : "signal \(signal)"
            return ("crashed", "\(path): worker crashed with \(name)", nil)
        case .timedOut:
            return ("timeout", "\(path): no result after \(Int(timeout)) s; worker killed", nil)
        case .couldNotStart(let reason):
            return ("worker_failed", "\(path): could not start a worker: \(reason)", nil)
        }
    }

    /// Content hash of a file, empty when it cannot be read.
    static func hash(_ path: String) -> String {
        (try? FileBytes.read(path: path)).map(SHA256.hex) ?? ""
    }

    static func executablePath() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        return n > 0 ? String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) : CommandLine.arguments[0]
    }

    private func fileSize(_ path: String?) -> Int {
        guard let path else { return 0 }
        var st = stat()
        return stat(path, &st) == 0 ? Int(st.st_size) : 0
    }
}
