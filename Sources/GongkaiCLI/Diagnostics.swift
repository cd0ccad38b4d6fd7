#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The CLI's own error channel. Poppler writes parser complaints ("Syntax Error …") straight to
/// file descriptor 2; to keep errors to one line per file, fd 2 is pointed at /dev/null once
/// (unless --verbose) and the CLI writes its messages to a saved copy of the original stderr.
enum Diagnostics {
    nonisolated(unsafe) private(set) static var channel: Int32 = 2

    static func silenceLibraryOutput() {
        let saved = dup(2)
        guard saved >= 0 else { return }
        let null = open("/dev/null", O_WRONLY)
        guard null >= 0 else { close(saved); return }
        dup2(null, 2)
        close(null)
        channel = saved
    }

    static func error(_ line: String) {
        write(line.hasSuffix("\n") ? line : line + "\n")
    }

    static func write(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.write(channel, $0.baseAddress! + offset, $0.count - offset) }
            if n <= 0 { break }
            offset += n
        }
    }

    static var isTerminal: Bool { isatty(channel) != 0 }
}
