import ArgumentParser
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

    func run() throws {
        Diagnostics.silenceLibraryOutput()
        limits.applyLimits()
        var options = ReportExtractor.Options()
        options.password = password
        options.threads = max(1, limits.threads ?? 1)
        bounds.apply(to: &options)
        let extractor = ReportExtractor(options: options)
        var input = FrameReader(fd: 0)
        while let path = input.nextRequest() {
            limits.limitCPU()
            WorkerOptions.injectFault(for: path)
            var status: Int32 = 0
            var payload: String
            do {
                payload = out.render(try extractor.extract(path: path))
            } catch {
                status = error.exitStatus
                let sha = (try? FileBytes.read(path: path)).map(SHA256.hex) ?? ""
                payload = sha + "\n" + error.message
            }
            let body = Array(payload.utf8)
            try? OutputTarget.writeAll(1, Array("\(status) \(body.count)\n".utf8) + body)
        }
    }
}

/// Reads `<byte count>\n<bytes>` requests from a file descriptor.
struct FrameReader {
    let fd: Int32
    private var buffer: [UInt8] = []

    init(fd: Int32) { self.fd = fd }

    private mutating func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 1 << 14)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return false }
            buffer.append(contentsOf: chunk[0..<n])
            return true
        }
    }

    mutating func nextRequest() -> String? {
        while true {
            if let nl = buffer.firstIndex(of: 0x0A), let count = Int(String(decoding: buffer[..<nl], as: UTF8.self)) {
                if buffer.count >= nl + 1 + count {
                    let path = String(decoding: buffer[(nl + 1)..<(nl + 1 + count)], as: UTF8.self)
                    buffer.removeSubrange(0..<(nl + 1 + count))
                    return path
                }
            }
            if !fill() { return nil }
        }
    }
}
