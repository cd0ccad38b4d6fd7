#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a command's result goes: stdout, or a file written atomically (a temporary file in the
/// same folder, then rename), so an interrupted run never leaves a half-written result behind.
enum OutputTarget {
    case standardOutput
    case file(String)

    struct WriteError: Error, CustomStringConvertible { let description: String }

    init(_ path: String?) {
        if let path, path != "-" { self = .file(path) } else { self = .standardOutput }
    }

    func write(_ text: String) throws(WriteError) {
        try write(bytes: Array(text.utf8))
    }

    func write(bytes: [UInt8]) throws(WriteError) {
        switch self {
        case .standardOutput:
            try Self.writeAll(1, bytes)
        case .file(let path):
            let temporary = path + ".part-\(getpid())"
            let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard fd >= 0 else { throw WriteError(description: String(cString: strerror(errno))) }
            do throws(WriteError) {
                try Self.writeAll(fd, bytes)
                guard fsync(fd) == 0 || errno == EINVAL else { throw WriteError(description: String(cString: strerror(errno))) }
            } catch {
                close(fd); unlink(temporary)
                throw error
            }
            close(fd)
            guard rename(temporary, path) == 0 else {
                let reason = String(cString: strerror(errno))
                unlink(temporary)
                throw WriteError(description: reason)
            }
        }
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) throws(WriteError) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw WriteError(description: String(cString: strerror(errno)))
            }
            offset += n
        }
    }
}
