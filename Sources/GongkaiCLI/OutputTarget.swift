#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a command's result goes: stdout, or a file — a regular file written atomically (a
/// temporary file in the same folder, then rename), anything else written through (see `Kind`).
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
            switch try Self.kind(of: path) {
            case .replaceAtomically(let target): try Self.replace(target, with: bytes)
            case .writeThrough: try Self.writeThrough(path, bytes)
            }
        }
    }

    /// How a path is written: a regular file (or a new one) is replaced atomically — through the
    /// symbolic link, so the link stays a link; anything else (a device such as /dev/null or
    /// /dev/stdout, a named pipe) is opened and written in place: renaming over it would replace
    /// the device node or pipe itself.
    private enum Kind { case replaceAtomically(String), writeThrough }

    private static func kind(of path: String) throws(WriteError) -> Kind {
        var st = stat()
        guard stat(path, &st) == 0 else {
            // Nothing there (or a dangling link): a new regular file. Other errors surface at open.
            return .replaceAtomically(path)
        }
        switch st.st_mode & S_IFMT {
        case S_IFREG:
            var link = stat()
            guard lstat(path, &link) == 0, (link.st_mode & S_IFMT) == S_IFLNK else { return .replaceAtomically(path) }
            guard let resolved = realpath(path, nil) else { return .writeThrough }
            defer { free(resolved) }
            return .replaceAtomically(String(cString: resolved))
        case S_IFDIR:
            throw WriteError(description: "is a directory")
        default:
            return .writeThrough
        }
    }

    /// A temporary file in the same folder, then rename: an interrupted run never leaves a
    /// half-written result behind.
    private static func replace(_ path: String, with bytes: [UInt8]) throws(WriteError) {
        let temporary = path + ".part-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WriteError(description: String(cString: strerror(errno))) }
        do throws(WriteError) {
            try writeAll(fd, bytes)
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

    /// Writes into what is at `path` (a device, a pipe), every write checked.
    private static func writeThrough(_ path: String, _ bytes: [UInt8]) throws(WriteError) {
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw WriteError(description: String(cString: strerror(errno))) }
        defer { close(fd) }
        try writeAll(fd, bytes)
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
