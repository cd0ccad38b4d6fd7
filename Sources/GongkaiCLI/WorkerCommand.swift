import ArgumentParser
import BatchRunner
import GongkaiKit
#if canImport(Glibc)
import Glibc
#endif

/// The long-lived worker process that `batch` and `corpus` run (hidden from --help).
///
/// It reads requests from standard input — `<byte count>\n<path>` — and answers each on standard
/// output with a frame `<status> <byte count>\n<payload>`: status 0 and the rendered record, or an
/// extraction failure's exit status and `<sha256>\n<one-line message>` (the hash, empty when the
/// file cannot be read, lets `--resume` recognise failed files too). One process serves many documents,
/// so the per-document cost is the extraction, not the process start-up; a crash or hang still
/// loses only the document at hand (the parent sees the pipe close or the time run out, reports
/// that document and starts a new worker).
struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "worker", shouldDisplay: false)

    @OptionGroup var out: OutputOptions
    @OptionGroup var limits: WorkerOptions
    @OptionGroup var bounds: LimitOptions

    @Option(help: "Password for encrypted PDFs.")
    var password: String?

    @OptionGroup var faults: TestFaultOptions

    func run() throws {
        Diagnostics.silenceLibraryOutput()
        limits.applyLimits()
        var options = ReportExtractor.Options()
        options.password = password
        options.threads = max(1, limits.threads ?? 1)
        bounds.apply(to: &options)
        let extractor = ReportExtractor(options: options)
        let fault = faults.fault
        var input = FrameReader(fd: 0)
        while let pathBytes = input.nextRequest() {
            let path = InputPath(bytes: pathBytes)
            limits.limitCPU()
            WorkerOptions.nameSanitizerReports(after: path.display)
            fault?.strike(for: path.display)
            var status: Int32 = 0
            var payload: String
            // The file is read once, here: its hash goes into failure records too, and a device
            // such as /dev/zero is read only up to the size limit, never a second time to hash it.
            var sha = ""
            do throws(ExtractionError) {
                let bytes = try Self.read(path, limit: options.maxBytes)
                sha = SHA256.hex(bytes)
                payload = out.render(try extractor.extract(bytes: bytes, path: path.display))
            } catch {
                status = error.exitStatus
                payload = sha + "\n" + error.message
            }
            try? OutputTarget.writeAll(1, WorkerProtocol.answer(status: status, payload: Array(payload.utf8)))
        }
    }
}

extension WorkerCommand {
    /// The input's bytes, at most `limit` of them.
    static func read(_ path: InputPath, limit: Int) throws(ExtractionError) -> [UInt8] {
        do throws(FileBytes.ReadError) { return try FileBytes.read(pathBytes: path.bytes, limit: limit) } catch {
            if let size = error.tooLarge { throw .tooLarge(path: path.display, bytes: size, limit: limit) }
            throw .unreadable(path: path.display, detail: error.description)
        }
    }
}
