import SystemPackage
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

    /// Why the result could not be written: what the system said, or that the path is a folder.
    enum WriteError: Error, CustomStringConvertible {
        case system(Errno)
        case isDirectory

        var description: String {
            switch self {
            case .system(let errno): return errno.description
            case .isDirectory: return "is a directory"
            }
        }

        /// The error `errno` holds now.
        static var current: WriteError { .system(Errno(rawValue: errno)) }
    }

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
            throw .isDirectory
        default:
            return .writeThrough
        }
    }

    /// A temporary file in the same folder, then rename: an interrupted run never leaves a
    /// half-written result behind.
    private static func replace(_ path: String, with bytes: [UInt8]) throws(WriteError) {
        let temporary = path + ".part-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .current }
        do throws(WriteError) {
            try writeAll(fd, bytes)
            guard fsync(fd) == 0 || errno == EINVAL else { throw .current }
        } catch {
            close(fd); unlink(temporary)
            throw error
        }
        close(fd)
        guard rename(temporary, path) == 0 else {
            let failure = WriteError.current
            unlink(temporary)
            throw failure
        }
    }

    /// Writes into what is at `path` (a device, a pipe), every write checked.
    private static func writeThrough(_ path: String, _ bytes: [UInt8]) throws(WriteError) {
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .current }
        defer { close(fd) }
        try writeAll(fd, bytes)
    }

    /// Writes all of `bytes` to `fd`, retrying interrupted and short writes.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) throws(WriteError) {
        do { _ = try FileDescriptor(rawValue: fd).writeAll(bytes) } catch { throw .system(error as? Errno ?? .ioError) }
    }
}
