import CPoppler

/// SHA-256 of a byte buffer, for `source.sha256` and batch resume matching: GLib's `GChecksum`
/// (GLib is linked already for Poppler; swift-crypto would bring Foundation and BoringSSL and
/// milliseconds of start-up to every `gongkai extract`).
public enum SHA256 {
    /// Lower-case hex digest.
    public static func hex(_ bytes: [UInt8]) -> String {
        let checksum = g_checksum_new(G_CHECKSUM_SHA256)
        defer { g_checksum_free(checksum) }
        bytes.withUnsafeBufferPointer { buffer in
            // g_checksum_update takes a gssize; feed very large buffers in pieces.
            var offset = 0
            repeat {
                let count = min(buffer.count - offset, Int(Int32.max))
                g_checksum_update(checksum, buffer.baseAddress.map { $0 + offset }, gssize(count))
                offset += count
            } while offset < buffer.count
        }
        return String(cString: g_checksum_get_string(checksum))
    }
}

/// Base64 (RFC 4648, with padding), for images embedded in HTML as data URIs: GLib's
/// `g_base64_encode`.
public enum Base64 {
    public static func encode(_ bytes: [UInt8]) -> String {
        guard !bytes.isEmpty else { return "" }
        let encoded = bytes.withUnsafeBufferPointer { g_base64_encode($0.baseAddress, gsize($0.count)) }
        guard let encoded else { return "" }
        defer { g_free(encoded) }
        return String(cString: encoded)
    }
}
