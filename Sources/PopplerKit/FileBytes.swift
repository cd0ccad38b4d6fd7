#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole file with POSIX calls: no Foundation (and its start-up cost) in the pipeline.
public enum FileBytes {
    public struct ReadError: Error, CustomStringConvertible { public let description: String }

    /// Everything on standard input (a pipe, a file or a terminal) until end of file.
    public static func readStandardInput() throws(ReadError) -> [UInt8] {
        try readAll(fd: 0, sizeHint: 1 << 16)
    }

    public static func read(path: String) throws(ReadError) -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw ReadError(description: String(cString: strerror(errno))) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw ReadError(description: String(cString: strerror(errno))) }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw ReadError(description: "is a directory") }
        return try readAll(fd: fd, sizeHint: Int(st.st_size))
    }

    private static func readAll(fd: Int32, sizeHint: Int) throws(ReadError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(sizeHint)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw ReadError(description: String(cString: strerror(errno)))
            }
            if n == 0 { break }
            out.append(contentsOf: chunk[0..<n])
        }
        return out
    }
}
