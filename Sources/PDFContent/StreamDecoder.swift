import CZlib

/// Decodes stream data through its filters. What page content and cross-reference streams use in
/// practice is supported — FlateDecode (with or without a PNG predictor), ASCII85, ASCIIHex and
/// RunLength; any other filter (LZW, image codecs) makes the stream undecodable (`nil`), and the
/// caller falls back to rendering.
enum StreamDecoder {
    /// Largest decoded stream, in bytes: a "zip bomb" stops here.
    static let maxDecodedBytes = 64 << 20

    static func decode(_ data: ArraySlice<UInt8>, dictionary: [String: PDFObject], resolve: (PDFObject) -> PDFObject) -> [UInt8]? {
        var filters: [String] = []
        var parameters: [[String: PDFObject]?] = []
        switch dictionary["Filter"].map(resolve) {
        case nil, .null?: break
        case .name(let n)?:
            filters = [n]
            parameters = [dictionary["DecodeParms"].map(resolve)?.dictionary]
        case .array(let items)?:
            filters = items.compactMap { resolve($0).name }
            guard filters.count == items.count else { return nil }
            let p = dictionary["DecodeParms"].map(resolve)?.array ?? []
            parameters = filters.indices.map { $0 < p.count ? resolve(p[$0]).dictionary : nil }
        default:
            return nil
        }
        var bytes = Array(data)
        for (filter, parms) in zip(filters, parameters) {
            switch filter {
            case "FlateDecode", "Fl":
                guard let inflated = inflate(bytes) else { return nil }
                bytes = inflated
                if let parms, let predictor = parms["Predictor"].map(resolve)?.int, predictor > 1 {
                    guard let p = unpredict(bytes, predictor: predictor,
                                            columns: parms["Columns"].map(resolve)?.int ?? 1,
                                            colors: parms["Colors"].map(resolve)?.int ?? 1,
                                            bitsPerComponent: parms["BitsPerComponent"].map(resolve)?.int ?? 8) else { return nil }
                    bytes = p
                }
            case "ASCII85Decode", "A85":
                guard let b = ascii85(bytes) else { return nil }
                bytes = b
            case "ASCIIHexDecode", "AHx":
                guard let b = asciiHex(bytes) else { return nil }
                bytes = b
            case "RunLengthDecode", "RL":
                guard let b = runLength(bytes) else { return nil }
                bytes = b
            default:
                return nil
            }
        }
        return bytes
    }

    /// ASCII base-85 (`<~ … ~>`, `z` for four zero bytes).
    static func ascii85(_ input: [UInt8]) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(input.count * 4 / 5 + 4)
        var group: UInt64 = 0
        var count = 0
        var i = 0
        if input.count >= 2, input[0] == 0x3C, input[1] == 0x7E { i = 2 }
        while i < input.count {
            let c = input[i]
            i += 1
            if c == 0x7E { break }  // "~>"
            if ObjectParser.isWhitespace(c) { continue }
            if c == 0x7A, count == 0 { out += [0, 0, 0, 0]; continue }
            guard c >= 0x21, c <= 0x75 else { return nil }
            group = group * 85 + UInt64(c - 0x21)
            count += 1
            if count == 5 {
                guard group <= 0xFFFF_FFFF else { return nil }
                out += [UInt8(group >> 24 & 0xFF), UInt8(group >> 16 & 0xFF), UInt8(group >> 8 & 0xFF), UInt8(group & 0xFF)]
                group = 0
                count = 0
            }
        }
        if count > 1 {
            for _ in count..<5 { group = group * 85 + 84 }
            guard group <= 0xFFFF_FFFF else { return nil }
            let all = [UInt8(group >> 24 & 0xFF), UInt8(group >> 16 & 0xFF), UInt8(group >> 8 & 0xFF), UInt8(group & 0xFF)]
            out += all[0..<(count - 1)]
        }
        return out
    }

    static func asciiHex(_ input: [UInt8]) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(input.count / 2)
        var high: UInt8?
        for c in input {
            if c == 0x3E { break }
            if ObjectParser.isWhitespace(c) { continue }
            guard let v = ObjectParser.hex(c) else { return nil }
            if let h = high { out.append(h << 4 | v); high = nil } else { high = v }
        }
        if let h = high { out.append(h << 4) }
        return out
    }

    static func runLength(_ input: [UInt8]) -> [UInt8]? {
        var out: [UInt8] = []
        var i = 0
        while i < input.count {
            let n = Int(input[i])
            i += 1
            if n == 128 { break }
            if n < 128 {
                let end = min(input.count, i + n + 1)
                out += input[i..<end]
                i = end
            } else if i < input.count {
                out += repeatElement(input[i], count: 257 - n)
                i += 1
            }
            guard out.count <= maxDecodedBytes else { return nil }
        }
        return out
    }

    /// zlib inflate. A stream cut short keeps what was decoded (Poppler does the same); a stream
    /// that is not zlib data at all is nil.
    static func inflate(_ input: [UInt8]) -> [UInt8]? {
        guard !input.isEmpty else { return [] }
        var stream = z_stream()
        guard inflateInit_(&stream, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        output.reserveCapacity(min(input.count * 4, maxDecodedBytes))
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        var status: Int32 = Z_OK
        var failed = false
        input.withUnsafeBufferPointer { inBuffer in
            stream.next_in = UnsafeMutablePointer(mutating: inBuffer.baseAddress)
            stream.avail_in = uInt(inBuffer.count)
            chunk.withUnsafeMutableBufferPointer { out in
                while true {
                    stream.next_out = out.baseAddress
                    stream.avail_out = uInt(out.count)
                    status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    let produced = out.count - Int(stream.avail_out)
                    if produced > 0 {
                        guard output.count + produced <= maxDecodedBytes else { failed = true; return }
                        output.append(contentsOf: out[0..<produced])
                    }
                    if status == Z_STREAM_END { return }
                    if status != Z_OK {
                        // Z_BUF_ERROR with no input left: the stream was cut short.
                        if output.isEmpty && status != Z_BUF_ERROR { failed = true }
                        return
                    }
                    if stream.avail_in == 0 && produced == 0 { return }
                }
            }
        }
        return failed ? nil : output
    }

    /// Undoes a PNG predictor (10…15: one filter-type byte per row) of FlateDecode parameters.
    static func unpredict(_ data: [UInt8], predictor: Int, columns: Int, colors: Int, bitsPerComponent: Int) -> [UInt8]? {
        guard predictor >= 10, (1...1 << 16).contains(columns), (1...32).contains(colors), [1, 2, 4, 8, 16].contains(bitsPerComponent) else {
            return nil  // TIFF predictor 2 and odd parameters are not used by content streams
        }
        let bpp = max(1, (colors * bitsPerComponent + 7) / 8)
        let rowLength = (columns * colors * bitsPerComponent + 7) / 8
        var out: [UInt8] = []
        out.reserveCapacity(data.count)
        var previous = [UInt8](repeating: 0, count: rowLength)
        var row = [UInt8](repeating: 0, count: rowLength)
        var i = 0
        while i < data.count {
            let type = data[i]
            i += 1
            let n = min(rowLength, data.count - i)
            for k in 0..<rowLength { row[k] = k < n ? data[i + k] : 0 }
            i += n
            for k in 0..<rowLength {
                let left = k >= bpp ? Int(row[k - bpp]) : 0
                let up = Int(previous[k])
                let upLeft = k >= bpp ? Int(previous[k - bpp]) : 0
                let x = Int(row[k])
                switch type {
                case 1: row[k] = UInt8(truncatingIfNeeded: x + left)
                case 2: row[k] = UInt8(truncatingIfNeeded: x + up)
                case 3: row[k] = UInt8(truncatingIfNeeded: x + (left + up) / 2)
                case 4:
                    let p = left + up - upLeft
                    let pa = abs(p - left), pb = abs(p - up), pc = abs(p - upLeft)
                    let predicted = pa <= pb && pa <= pc ? left : (pb <= pc ? up : upLeft)
                    row[k] = UInt8(truncatingIfNeeded: x + predicted)
                default: break
                }
            }
            out.append(contentsOf: row[0..<n])
            swap(&previous, &row)
            for k in 0..<rowLength { row[k] = 0 }
        }
        return out
    }
}
