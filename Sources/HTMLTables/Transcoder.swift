#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Converts a page to clean UTF-8 with the C library's iconv before libxml2 sees it.
///
/// libxml2 (2.9) stops reading a page at the first byte its iconv converter rejects — a GBK page
/// with one stray byte lost every table after it. Here every byte sequence that cannot be decoded
/// becomes U+FFFD and the rest of the page reads on; a UTF-8 page with stray bytes is cleaned the
/// same way, so every charset reads them alike.
enum Transcoder {
    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// `bytes` in `charset` as UTF-8, or nil when iconv does not know `charset`.
    static func utf8<C: Collection<UInt8>>(_ bytes: C, from charset: String) -> [UInt8]? {
        if charset == "UTF-8", HTMLCharset.isValidUTF8(bytes) { return Array(bytes) }
        let cd = iconv_open("UTF-8", charset)
        guard cd != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        var input = Array(bytes)
        var out: [UInt8] = []
        out.reserveCapacity(input.count + input.count / 2 + 16)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        input.withUnsafeMutableBytes { inBuffer in
            guard let base = inBuffer.baseAddress else { return }
            var inPtr: UnsafeMutablePointer<CChar>? = base.assumingMemoryBound(to: CChar.self)
            var inLeft = inBuffer.count
            while inLeft > 0 {
                var failure: Int32 = 0
                let written = chunk.withUnsafeMutableBytes { outBuffer -> Int in
                    var outPtr: UnsafeMutablePointer<CChar>? = outBuffer.baseAddress!.assumingMemoryBound(to: CChar.self)
                    var outLeft = outBuffer.count
                    if iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) == -1 { failure = errno }
                    return outBuffer.count - outLeft
                }
                out.append(contentsOf: chunk[0..<written])
                switch failure {
                case 0, E2BIG:
                    continue  // done, or the output chunk is full: go on
                case EILSEQ, EINVAL:
                    // A byte that starts no character here, or a character cut off at the end.
                    out.append(contentsOf: replacement)
                    inPtr = inPtr.map { $0 + 1 }
                    inLeft -= 1
                default:
                    inLeft = 0
                }
            }
        }
        return out
    }
}
