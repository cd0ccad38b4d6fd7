/// Why a file could not be opened as a PDF. Each case maps to its own exit status in the CLI.
public enum PDFError: Error, Equatable, Sendable {
    /// The file is empty (0 bytes).
    case emptyFile
    /// The bytes do not start like a PDF; `looksLike` names what they seem to be instead (e.g. "HTML").
    case notPDF(looksLike: String)
    /// It starts like a PDF but Poppler cannot parse it (truncated, corrupt xref, …).
    case damaged(detail: String)
    /// It is encrypted and the password (if any) did not open it.
    case encrypted
    /// It is encrypted and the password given opens it neither as user nor as owner.
    case wrongPassword
    /// The file could not be read at all.
    case unreadable(detail: String)
}

extension PDFError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .emptyFile: return "empty file (0 bytes)"
        case .notPDF(let kind): return "not a PDF (looks like \(kind))"
        case .damaged(let detail): return "damaged PDF: \(detail)"
        case .encrypted: return "encrypted PDF: a password is needed (--password)"
        case .wrongPassword: return "encrypted PDF: the password given does not open it"
        case .unreadable(let detail): return "cannot read file: \(detail)"
        }
    }
}
