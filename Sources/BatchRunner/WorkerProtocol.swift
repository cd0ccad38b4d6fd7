import SystemPackage

/// What goes through the pipes between the pool and a worker, both ways.
///
/// A request is `<byte count>\n<path>` (the file name's bytes, not necessarily UTF-8); the answer
/// is `<status> <byte count>\n<payload>`: status 0 and the rendered record, or an extraction
/// failure's exit status and `<sha256>\n<one-line message>`.
public enum WorkerProtocol {
    /// The request for the document at `path`.
    public static func request(_ path: [UInt8]) -> [UInt8] {
        Array("\(path.count)\n".utf8) + path
    }

    /// The answer frame for one document.
    public static func answer(status: Int32, payload: [UInt8]) -> [UInt8] {
        Array("\(status) \(payload.count)\n".utf8) + payload
    }

    public enum Answer: Equatable {
        case answer(status: Int32, payload: [UInt8])
        /// More bytes are needed.
        case incomplete
        /// A header that is not `<status> <count>`: not our protocol.
        case garbled
    }

    /// Takes the first whole answer frame off `buffer`, if there is one.
    public static func takeAnswer(from buffer: inout [UInt8]) -> Answer {
        guard let nl = buffer.firstIndex(of: 0x0A) else { return .incomplete }
        let header = String(decoding: buffer[..<nl], as: UTF8.self).split(separator: " ")
        guard header.count == 2, let status = Int32(header[0]), let length = Int(header[1]), length >= 0 else { return .garbled }
        guard buffer.count - (nl + 1) >= length else { return .incomplete }
        let payload = Array(buffer[(nl + 1)..<(nl + 1 + length)])
        buffer.removeSubrange(0..<(nl + 1 + length))
        return .answer(status: status, payload: payload)
    }
}

/// Reads `<byte count>\n<bytes>` requests from a file descriptor (the worker's standard input).
public struct FrameReader {
    public let fd: Int32
    private var buffer: [UInt8] = []

    public init(fd: Int32) { self.fd = fd }

    /// Reads more; false at end of input or on an error.
    private mutating func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 1 << 14)
        let n = (try? chunk.withUnsafeMutableBytes { try FileDescriptor(rawValue: fd).read(into: $0) }) ?? 0
        guard n > 0 else { return false }
        buffer.append(contentsOf: chunk[0..<n])
        return true
    }

    /// The next request's bytes (a file name, not necessarily UTF-8); nil at end of input.
    public mutating func nextRequest() -> [UInt8]? {
        while true {
            if let nl = buffer.firstIndex(of: 0x0A), let count = Int(String(decoding: buffer[..<nl], as: UTF8.self)), count >= 0 {
                if buffer.count - (nl + 1) >= count {
                    let path = Array(buffer[(nl + 1)..<(nl + 1 + count)])
                    buffer.removeSubrange(0..<(nl + 1 + count))
                    return path
                }
            }
            if !fill() { return nil }
        }
    }
}
