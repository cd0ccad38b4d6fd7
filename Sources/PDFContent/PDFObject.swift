/// A PDF object (ISO 32000-1 §7.3), as far as reading page content needs.
///
/// Strings are kept as bytes (content is never decoded as text here); streams keep their
/// dictionary and where their data lies in the file, and are decoded on demand.
public enum PDFObject: Sendable {
    case null
    case boolean(Bool)
    case number(Double)
    case string([UInt8])
    case name(String)
    indirect case array([PDFObject])
    indirect case dictionary([String: PDFObject])
    case reference(number: Int, generation: Int)
    indirect case stream(dictionary: [String: PDFObject], data: Range<Int>)

    var number: Double? { if case .number(let v) = self { return v } else { return nil } }
    var int: Int? {
        guard case .number(let v) = self, v.isFinite, abs(v) < 1e15 else { return nil }
        return Int(v)
    }
    var name: String? { if case .name(let n) = self { return n } else { return nil } }
    var array: [PDFObject]? { if case .array(let a) = self { return a } else { return nil } }
    /// The dictionary of a dictionary or of a stream.
    var dictionary: [String: PDFObject]? {
        switch self {
        case .dictionary(let d): return d
        case .stream(let d, _): return d
        default: return nil
        }
    }
}
