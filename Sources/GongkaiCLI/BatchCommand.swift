import ArgumentParser
import BatchRunner
import GongkaiKit
#if canImport(Glibc)
import Glibc
#endif

struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Convert many reports into one dataset (JSON Lines or long-form CSV).",
        discussion: """
        Inputs are files, folders (searched recursively for .pdf .txt .md .html .docx, and .doc .wps .ofd to report them) and glob patterns; \
        they are processed in sorted order and written in that order, one record per document. \
        Each document is parsed in its own worker process, so a crash, hang or runaway memory \
        loses only that file, which is recorded as {"source": …, "error": {"code": …, "message": …}}: \
        the codes of `gongkai extract` failures, and "crashed", "timeout" (wall-clock --timeout or \
        CPU --max-cpu-seconds), "out_of_memory" (--max-memory-mb) for workers that were stopped. \
        Files over --max-bytes are recorded as "too_large" without being read. \
        Records are written whole, so an interrupted run leaves a valid file; --resume skips \
        inputs already in the output (matched by content hash, by path for inputs that cannot be \
        read), after cutting away a record left incomplete. Every write is checked: a record that \
        cannot be written is reported and counted, and the run exits 73 (run again with --resume \
        once there is room). The output file is locked while a batch writes it and is never taken \
        as an input. The exit status is 0 when every file converted, 1 when any failed, 73 when \
        the output could not be written.
        """
    )

    @Argument(help: "Files, folders or glob patterns.")
    var paths: [String]

    @Option(name: .shortAndLong, help: "Write here instead of standard output.")
    var output: String?

    @OptionGroup var out: OutputOptions

    @Option(help: "Documents converted at once (default: the number of cores).")
    var jobs: Int = ReportExtractor.Options.processorCount

    @Option(help: "Seconds one document may take before its worker is killed, whatever its pages: a scan read by OCR takes about 1–1.5 s of CPU a page, so give long scans more.")
    var timeout: Double = 60

    @Option(help: "Address-space limit of each worker, in MiB.")
    var maxMemoryMb: Int = 4096

    @Option(help: "CPU seconds one document may use before its worker is stopped (default: --timeout; 0: no limit).")
    var maxCpuSeconds: Int?

    @OptionGroup var limits: LimitOptions

    @Flag(help: "Skip inputs whose content hash is already in the output file; append the rest.")
    var resume = false

    @Option(help: "Process only shard I of N (e.g. 2/8): a deterministic part of the inputs.")
    var shard: String?

    @Option(help: "Password for encrypted PDFs.")
    var password: String?

    @OptionGroup var faults: TestFaultOptions

    func validate() throws {
        if resume && (output == nil || output == "-") { throw ValidationError("--resume needs an output file (-o FILE)") }
        if let shard, parsedShard(shard) == nil { throw ValidationError("--shard takes I/N with 1 ≤ I ≤ N, e.g. 2/8") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if maxMemoryMb < 0 || (maxCpuSeconds ?? 0) < 0 || timeout < 0 { throw ValidationError("limits cannot be negative") }
    }

    /// The CPU-time limit passed to workers: --max-cpu-seconds, else the wall-clock timeout.
    var cpuSeconds: Int { maxCpuSeconds ?? (timeout > 0 ? Int(timeout.rounded(.up)) : 0) }

    private func parsedShard(_ s: String) -> (Int, Int)? {
        let parts = s.split(separator: "/").compactMap { Int($0) }
        guard parts.count == 2, parts[1] >= 1, (1...parts[1]).contains(parts[0]) else { return nil }
        return (parts[0], parts[1])
    }

    func run() throws {
        Diagnostics.silenceLibraryOutput()
        var format = out
        if format.format == .json { format.format = .jsonl }
        signal(SIGPIPE, SIG_IGN)  // a closed output (batch … | head) is a write error to report, not a silent death
        let csv = format.format == .csv
        let sink: ResultSink
        do { sink = try ResultSink(path: output, resume: resume, csv: csv, capacity: faults.outputCapacity, warn: Diagnostics.error) } catch {
            Diagnostics.error("gongkai batch: cannot write output: \(error)")
            throw ExitCode(ExitStatus.outputFailed)
        }
        let collected = InputCollector.collect(paths, excluding: sink.identity)
        for warning in collected.warnings { Diagnostics.error("gongkai batch: warning: " + warning) }
        var inputs = collected.files + collected.missing
        if let shard, let (i, n) = parsedShard(shard) { inputs = InputCollector.shard(inputs, index: i, count: n) }
        if !resume || sink.isEmpty { sink.writeNow(format.preamble) }

        // With --resume, hash every input first: resume matches by content (by path for inputs
        // that cannot be read). Otherwise the workers hash what they read (the hash goes into
        // every record, failures included).
        var progress = BatchProgress(total: inputs.count)
        var work: [(index: Int, path: InputPath)] = []
        let maxBytes = limits.maxBytes.value
        for (order, path) in inputs.enumerated() {
            if resume, sink.existing.contains(path: path.display, sha256: Self.resumeHash(path, limit: maxBytes)) {
                sink.deliver(order, nil, source: path.display)
                progress.skipped += 1
                continue
            }
            // A giant file is never read whole, here or in a worker: it is recorded without a hash.
            if let size = FileBytes.regularFileSize(pathBytes: path.bytes), size > maxBytes {
                let failure = ExtractionError.tooLarge(path: path.display, bytes: size, limit: maxBytes)
                sink.deliver(order, format.renderFailure(path: path.display, sha256: "", code: failure.code, message: failure.message), source: path.display)
                progress.failed += 1
                continue
            }
            work.append((order, path))
        }
        progress = BatchProgress(total: work.count, carrying: progress)
        InterruptSummary.update(progress)

        var workerArguments = [Self.executablePath(), "worker", "--format", format.format.rawValue, "--no-csv-header",
                               "--threads", "1", "--max-memory-mb", String(maxMemoryMb), "--max-cpu-seconds", String(cpuSeconds)]
        workerArguments += limits.workerArguments
        if format.provenance { workerArguments.append("--provenance") }
        if format.csvSafe { workerArguments.append("--csv-safe") }
        if let password { workerArguments += ["--password", password] }
        workerArguments += faults.workerArguments
        let pool = WorkerPool(jobs: jobs, timeout: timeout, workerArguments: workerArguments,
                              onSignal: { InterruptSummary.writeFromSignalHandler($0) })
        pool.run(count: work.count, path: { work[$0].path.bytes }, done: { outcome in
            let item = work[outcome.index]
            if outcome.isWholeRecord(csv: csv) {
                progress.converted += 1
                sink.deliver(item.index, String(decoding: outcome.stdout, as: UTF8.self), source: item.path.display)
                InterruptSummary.update(progress)
                return
            }
            progress.failed += 1
            let (code, message, sha) = outcome.failure(path: item.path.display, timeout: timeout, cpuSeconds: cpuSeconds)
            sink.deliver(item.index, format.renderFailure(path: item.path.display, sha256: sha ?? Self.hash(item.path, limit: maxBytes), code: code, message: message),
                         source: item.path.display)
            InterruptSummary.update(progress)
        }, tick: { progress.draw() })
        let flushed = sink.finish()
        progress.notWritten = sink.writeFailures
        progress.finish()
        if sink.writeFailures > 0 || !flushed { throw ExitCode(ExitStatus.outputFailed) }
        if progress.failed > 0 { throw ExitCode(1) }
    }

    /// Content hash of an input for `--resume`, nil when it cannot be read (missing, unreadable,
    /// over the size limit): such inputs are matched by path.
    static func resumeHash(_ path: InputPath, limit: Int) -> String? {
        if let size = FileBytes.regularFileSize(pathBytes: path.bytes), size > limit { return nil }
        return (try? FileBytes.read(pathBytes: path.bytes, limit: limit)).map(SHA256.hex)
    }

    /// Content hash of a file, empty when it cannot be read (or is over the size limit).
    static func hash(_ path: InputPath, limit: Int = Int.max) -> String {
        (try? FileBytes.read(pathBytes: path.bytes, limit: limit)).map(SHA256.hex) ?? ""
    }

    static func executablePath() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        return n > 0 ? String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) : CommandLine.arguments[0]
    }
}
