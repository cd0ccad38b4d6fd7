import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

/// Fault injection for the batch tests, by a hidden option of `batch` (`--debug-fault KIND:NAME`)
/// that the batch passes on to its workers: nothing in the environment turns it on, and
/// `extract` has no such hook. Unset in every normal run.
///
/// KIND `crash`, `hang`, `spin`, `hog`, `slow` or `orphan` makes the worker for a file named NAME
/// crash, hang (sleeping), spin (burning CPU), allocate without bound, take three seconds longer,
/// or crash leaving a process that holds its pipes; `disk_full:N` makes the batch's output take
/// N bytes, then fail every write with ENOSPC (a full disk).
struct TestFault: Equatable {
    enum Kind: String, CaseIterable { case crash, hang, spin, hog, slow, orphan, diskFull = "disk_full" }
    let kind: Kind
    /// The file name (worker faults) or byte count (`disk_full`).
    let argument: String

    init?(_ spec: String) {
        let parts = spec.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let kind = Kind(rawValue: parts[0]) else { return nil }
        if kind == .diskFull && Int(parts[1]) == nil { return nil }
        self.kind = kind
        argument = parts[1]
    }

    /// `disk_full:N`: the bytes the output takes.
    var outputCapacity: Int? { kind == .diskFull ? Int(argument) : nil }

    /// Strikes when `file` is the file named: called by the worker before each document.
    func strike(for file: String) {
        guard kind != .diskFull, file.hasSuffix("/" + argument) || file == argument else { return }
        switch kind {
        case .crash: abort()
        case .hang: while true { sleep(60) }
        case .spin: var x = 0; while true { x = x &+ 1; if x == 0 { print(x) } }
        case .hog:
            var hoard: [[UInt8]] = []
            while true { hoard.append([UInt8](repeating: 1, count: 64 << 20)); if hoard.count < 0 { print(hoard.count) } }
        case .slow: sleep(3)
        case .orphan:
            // Leaves a process behind that holds the worker's output pipes, then crashes.
            var pid: pid_t = 0
            let args: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/sleep"), strdup("987"), nil]
            posix_spawn(&pid, "/bin/sleep", nil, nil, args, environ)
            abort()
        case .diskFull: break
        }
    }
}

/// The hidden `--debug-fault` option (batch and its workers).
struct TestFaultOptions: ParsableArguments {
    @Option(name: .customLong("debug-fault"), help: ArgumentHelp("Tests only: inject a fault (KIND:NAME).", visibility: .private))
    var spec: String?

    var fault: TestFault? { spec.flatMap(TestFault.init) }

    func validate() throws {
        if let spec, TestFault(spec) == nil {
            throw ValidationError("--debug-fault takes KIND:NAME with KIND one of \(TestFault.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    /// `disk_full:N`: the bytes the batch's output takes (see `ResultSink`).
    var outputCapacity: Int? { fault?.outputCapacity }

    /// What the batch passes on to its workers (every fault but the output's).
    var workerArguments: [String] {
        guard let spec, let fault, fault.kind != .diskFull else { return [] }
        return ["--debug-fault", spec]
    }
}
