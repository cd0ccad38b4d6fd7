import Foundation

/// Where a command's result goes: stdout, or a file written atomically (temp file + rename), so an
/// interrupted run never leaves a half-written result behind.
enum OutputTarget {
    case standardOutput
    case file(String)

    init(_ path: String?) {
        if let path, path != "-" { self = .file(path) } else { self = .standardOutput }
    }

    func write(_ text: String) throws {
        switch self {
        case .standardOutput:
            FileHandle.standardOutput.write(Data(text.utf8))
        case .file(let path):
            let url = URL(fileURLWithPath: path)
            try Data(text.utf8).write(to: url, options: .atomic)
        }
    }
}
