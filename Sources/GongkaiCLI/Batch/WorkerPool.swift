#if canImport(Glibc)
import Glibc
#endif

/// Runs one `gongkai extract` process per input, up to `jobs` at a time, so that a crash, a hang
/// or runaway memory in the PDF library loses only that input. Output is collected through pipes
/// polled together (a worker can never block on a full pipe); a worker past its time limit is
/// killed.
///
/// Each worker is the leader of a process group of its own, and the whole group is killed when
/// the worker times out or exits: nothing a worker started (a crash reporter, a helper) outlives
/// it. A worker's end is seen by `waitid`, not by the end of its pipes, which such a leftover
/// process could hold open for ever. SIGINT, SIGTERM and SIGHUP to the batch reach the workers too.
final class WorkerPool {
    struct Outcome {
        enum Status: Equatable {
            case exited(Int32)
            case signalled(Int32)
            case timedOut
            case couldNotStart(String)
        }
        var index: Int
        var status: Status
        var stdout: [UInt8]
        var stderr: String
        var seconds: Double
        /// CPU time (user + system) the worker used.
        var cpuSeconds: Double = 0
    }

    private final class Running {
        let index: Int
        let pid: pid_t
        var outFD: Int32
        var errFD: Int32
        var out: [UInt8] = []
        var err: [UInt8] = []
        let started: Double
        var killed = false
        init(index: Int, pid: pid_t, outFD: Int32, errFD: Int32, started: Double) {
            self.index = index; self.pid = pid; self.outFD = outFD; self.errFD = errFD; self.started = started
        }
    }

    let jobs: Int
    let timeout: Double
    private var running: [Running] = []
    /// Bytes of a worker's standard error kept (its end).
    static let stderrKept = 64 << 10

    init(jobs: Int, timeout: Double) {
        self.jobs = max(1, jobs)
        self.timeout = timeout
    }

    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Runs `arguments(i)` for every index in `0..<count`, calling `done` as each finishes (in
    /// completion order) and `tick` about five times a second.
    func run(count: Int, arguments: (Int) -> [String], done: (Outcome) -> Void, tick: () -> Void) {
        WorkerGroups.installForwarding()
        var next = 0
        while next < count || !running.isEmpty {
            while running.count < jobs && next < count {
                let index = next
                next += 1
                switch start(index: index, arguments: arguments(index)) {
                case .success(let worker):
                    running.append(worker)
                    WorkerGroups.add(worker.pid)
                case .failure(let reason):
                    done(Outcome(index: index, status: .couldNotStart(reason.description), stdout: [], stderr: "", seconds: 0))
                }
            }
            pollOnce(milliseconds: 200)
            let now = Self.now()
            for worker in running where !worker.killed && timeout > 0 && now - worker.started > timeout {
                killpg(worker.pid, SIGKILL)
                worker.killed = true
            }
            var still: [Running] = []
            for worker in running {
                // Exited (or killed)? Look without reaping, so the group id cannot be reused yet.
                var info = siginfo_t()
                guard waitid(P_PID, id_t(worker.pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0, info._sifields._sigchld.si_pid == worker.pid else {
                    still.append(worker)
                    continue
                }
                killpg(worker.pid, SIGKILL)  // whatever the worker left running
                drain(worker)                // everything it wrote is in the pipes by now
                var status: Int32 = 0
                var usage = rusage()
                while wait4(worker.pid, &status, 0, &usage) < 0 && errno == EINTR {}
                WorkerGroups.remove(worker.pid)
                let exited = status & 0x7f == 0
                let outcome: Outcome.Status = worker.killed ? .timedOut
                    : exited ? .exited((status >> 8) & 0xff) : .signalled(status & 0x7f)
                let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
                done(Outcome(index: worker.index, status: outcome, stdout: worker.out,
                             stderr: String(decoding: worker.err, as: UTF8.self), seconds: Self.now() - worker.started, cpuSeconds: cpu))
            }
            running = still
            tick()
        }
    }

    private struct SpawnError: Error, CustomStringConvertible { let description: String }

    private func start(index: Int, arguments: [String]) -> Result<Running, SpawnError> {
        var outPipe: [Int32] = [0, 0], errPipe: [Int32] = [0, 0]
        guard pipe(&outPipe) == 0 else { return .failure(SpawnError(description: String(cString: strerror(errno)))) }
        guard pipe(&errPipe) == 0 else {
            close(outPipe[0]); close(outPipe[1])
            return .failure(SpawnError(description: String(cString: strerror(errno))))
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        for fd in [outPipe[0], outPipe[1], errPipe[0], errPipe[1]] { posix_spawn_file_actions_addclose(&actions, fd) }
        // A process group of its own, and default handling of the signals limits are enforced with
        // (an ignored SIGXCPU or SIGPIPE would be inherited through exec).
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setpgroup(&attributes, 0)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for s in [SIGXCPU, SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGSEGV, SIGABRT] { sigaddset(&defaults, s) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var noMask = sigset_t()
        sigemptyset(&noMask)
        posix_spawnattr_setsigmask(&attributes, &noMask)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let cArgs: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for p in cArgs { free(p) } }
        let cEnv = Self.workerEnvironment
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, arguments[0], &actions, &attributes, cArgs, cEnv)
        close(outPipe[1]); close(errPipe[1])
        guard rc == 0 else {
            close(outPipe[0]); close(errPipe[0])
            return .failure(SpawnError(description: String(cString: strerror(rc))))
        }
        for fd in [outPipe[0], errPipe[0]] { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        return .success(Running(index: index, pid: pid, outFD: outPipe[0], errFD: errPipe[0], started: Self.now()))
    }

    /// The batch's environment for workers, plus SWIFT_BACKTRACE=enable=no unless it is set: a
    /// worker's standard error goes to /dev/null, so a backtrace would only cost time (and its
    /// helper process would outlive the worker).
    nonisolated(unsafe) private static let workerEnvironment: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        var entries: [String] = []
        var p = environ
        while let entry = p.pointee {
            entries.append(String(cString: entry))
            p += 1
        }
        if !entries.contains(where: { $0.hasPrefix("SWIFT_BACKTRACE=") }) { entries.append("SWIFT_BACKTRACE=enable=no") }
        let out = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: entries.count + 1)
        for (i, e) in entries.enumerated() { out[i] = strdup(e) }
        out[entries.count] = nil
        return out
    }()

    /// Waits for output on any worker's pipes and drains what is there.
    private func pollOnce(milliseconds: Int32) {
        var fds: [pollfd] = []
        var owners: [(Running, Bool)] = []
        for w in running {
            if w.outFD >= 0 { fds.append(pollfd(fd: w.outFD, events: Int16(POLLIN), revents: 0)); owners.append((w, true)) }
            if w.errFD >= 0 { fds.append(pollfd(fd: w.errFD, events: Int16(POLLIN), revents: 0)); owners.append((w, false)) }
        }
        guard !fds.isEmpty else {
            // Every pipe is closed: only exits are left to see.
            if !running.isEmpty { usleep(UInt32(milliseconds) * 1000) }
            return
        }
        let ready = poll(&fds, nfds_t(fds.count), milliseconds)
        guard ready > 0 else { return }
        for (i, pfd) in fds.enumerated() where pfd.revents != 0 {
            let (worker, isOut) = owners[i]
            read(worker, stdout: isOut)
        }
    }

    /// Reads what a pipe holds now; closes it at its end (or on an error).
    private func read(_ worker: Running, stdout isOut: Bool) {
        let fd = isOut ? worker.outFD : worker.errFD
        guard fd >= 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n > 0 {
                if isOut {
                    worker.out.append(contentsOf: buffer[0..<n])
                } else {
                    // Standard error carries Poppler's complaints too (megabytes for a broken
                    // file): only the end matters, where the worker's own last words are.
                    worker.err.append(contentsOf: buffer[0..<n])
                    if worker.err.count > Self.stderrKept { worker.err.removeFirst(worker.err.count - Self.stderrKept / 2) }
                }
                continue
            }
            if n < 0 && errno == EINTR { continue }
            if n == 0 || errno != EAGAIN {
                close(fd)
                if isOut { worker.outFD = -1 } else { worker.errFD = -1 }
            }
            return
        }
    }

    /// After the worker exited: takes what is left in its pipes and closes them, even if another
    /// process still holds their other end.
    private func drain(_ worker: Running) {
        read(worker, stdout: true)
        read(worker, stdout: false)
        for fd in [worker.outFD, worker.errFD] where fd >= 0 { close(fd) }
        worker.outFD = -1
        worker.errFD = -1
    }
}

/// The process groups of running workers, for the signal handler that takes them down with the
/// batch (Ctrl-C, kill). Fixed storage: the handler may only read it and call killpg.
enum WorkerGroups {
    private static let capacity = 4096
    nonisolated(unsafe) private static let groups: UnsafeMutablePointer<pid_t> = {
        let p = UnsafeMutablePointer<pid_t>.allocate(capacity: capacity)
        p.initialize(repeating: 0, count: capacity)
        return p
    }()
    nonisolated(unsafe) private static var installed = false

    static func add(_ pid: pid_t) {
        for i in 0..<capacity where groups[i] == 0 { groups[i] = pid; return }
    }

    static func remove(_ pid: pid_t) {
        for i in 0..<capacity where groups[i] == pid { groups[i] = 0; return }
    }

    static func installForwarding() {
        guard !installed else { return }
        installed = true
        _ = groups
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signal in
                WorkerGroups.killAll()
                Glibc.signal(signal, SIG_DFL)
                raise(signal)
            }
            action.sa_flags = Int32(bitPattern: UInt32(SA_RESETHAND))
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, nil)
        }
    }

    static func killAll() {
        for i in 0..<capacity where groups[i] > 0 { killpg(groups[i], SIGKILL) }
    }
}
