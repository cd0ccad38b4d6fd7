import Foundation

/// Runs the built `gongkai` executable (the one SwiftPM built beside this test bundle).
enum CLI {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var executable: URL {
        let exe = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
        var dir = exe.deletingLastPathComponent()
        // On Linux the test binary is <build>/<config>/gongkaiPackageTests.xctest.
        for _ in 0..<3 {
            let candidate = dir.appendingPathComponent("gongkai")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return root.appendingPathComponent(".build/debug/gongkai")
    }

    struct Result {
        var status: Int32
        var stdout: Data
        var stderr: String
        var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: stdout)) as? [String: Any] }
    }

    /// Runs `gongkai` (or `executable`, e.g. a shell for pipelines and odd file names).
    static func run(_ arguments: [String], environment: [String: String] = [:], executable: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable.map { URL(fileURLWithPath: $0) } ?? Self.executable
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.currentDirectoryURL = root
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: stdout, stderr: String(decoding: stderr, as: UTF8.self))
    }
}

/// Numeric leaves of a JSON document's tables as dotted paths (Double, or NSNull for null), as the scorer does.
func cells(_ document: [String: Any]) -> [String: Any] {
    var out: [String: Any] = [:]
    func walk(_ node: Any, _ prefix: String) {
        if let dict = node as? [String: Any] {
            for (k, v) in dict { walk(v, prefix.isEmpty ? k : prefix + "." + k) }
        } else if let n = node as? NSNumber {
            out[prefix] = n.doubleValue
        } else if node is NSNull {
            out[prefix] = NSNull()
        }
    }
    for table in ["proactive", "applications", "review_litigation"] {
        if let t = document[table] { walk(t, table) }
    }
    return out
}
