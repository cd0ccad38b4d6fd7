import SystemPackage
#if canImport(Glibc)
import Glibc
#endif

/// Runs documents through long-lived `gongkai worker` processes, up to `jobs` at a time.
///
/// A worker serves many documents (so the per-document cost is extraction, not process start-up),
/// yet a crash, a hang or runaway memory in the PDF library loses only the document at hand: the
/// pool sees the worker's pipe close (crash, memory limit) or the time limit pass (then it kills
/// it), reports that document, and starts a fresh worker for the rest. Workers are also retired
/// after `recycleAfter` documents, which bounds what a slow leak in a C library can accumulate.
/// All pipes are polled together, so no worker ever blocks on a full pipe.
///
/// Each worker leads a process group of its own, and the whole group is killed when the worker
/// times out or ends: nothing a worker started outlives it. A worker's end is seen by `waitid`
/// as well as by its pipes closing (a leftover process could hold the pipes open). SIGINT,
/// SIGTERM and SIGHUP to the batch take the workers down too.
public final class WorkerPool {
    public struct Outcome {
        public enum Status: Equatable, Sendable {
            /// The worker answered: 0 for a record, else the extraction failure's exit status.
            case exited(Int32)
            case signalled(Int32)
            case timedOut
            case couldNotStart(String)
        }
        public var index: Int
        public var status: Status
        /// The record on success.
        public var stdout: [UInt8]
        /// The failure's one-line message (or what the worker wrote to stderr before dying).
        public var stderr: String
        public var seconds: Double

        public init(index: Int, status: Status, stdout: [UInt8], stderr: String, seconds: Double) {
            self.index = index; self.status = status; self.stdout = stdout; self.stderr = stderr; self.seconds = seconds
        }
    }

    private final class Worker {
        let pid: pid_t
        var inFD: Int32
        var outFD: Int32
        var errFD: Int32
        var out: [UInt8] = []
        var err: [UInt8] = []
        var job: (index: Int, started: Double)?
        var served = 0
        var killedForTimeout = false
        init(pid: pid_t, inFD: Int32, outFD: Int32, errFD: Int32) {
            self.pid = pid; self.inFD = inFD; self.outFD = outFD; self.errFD = errFD
        }
        var isIdle: Bool { job == nil && inFD >= 0 && !killedForTimeout }
    }

    public let jobs: Int
    public let timeout: Double
    /// The worker's command line: an executable path, then its arguments.
    public let workerArguments: [String]
    public let recycleAfter: Int
    /// Runs in the signal handler after the workers are killed (SIGINT, SIGTERM, SIGHUP), before
    /// the batch dies of the signal: async-signal-safe code only (the batch's summary line).
    private let onSignal: WorkerGroups.SignalHook?
    private var workers: [Worker] = []

    public init(jobs: Int, timeout: Double, workerArguments: [String], recycleAfter: Int = 200, onSignal: WorkerGroups.SignalHook? = nil) {
        self.jobs = max(1, jobs)
        self.timeout = timeout
        self.workerArguments = workerArguments
        self.recycleAfter = max(1, recycleAfter)
        self.onSignal = onSignal
    }

    /// Seconds on the monotonic clock.
    public static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Runs the document at `path(i)` (the file name's bytes) for every `i` in `0..<count`, calling `done` as each finishes
    /// (in completion order) and `tick` about five times a second.
    public func run(count: Int, path: (Int) -> [UInt8], done: (Outcome) -> Void, tick: () -> Void) {
        signal(SIGPIPE, SIG_IGN)  // a worker that died must not take the parent with it
        WorkerGroups.installForwarding(then: onSignal)
        var next = 0
        while next < count || workers.contains(where: { $0.job != nil }) {
            // Start workers as needed and hand out documents.
            while next < count {
                let idle = workers.first(where: { $0.isIdle })
                let worker: Worker
                if let idle {
                    worker = idle
                } else if workers.count < jobs {
                    switch spawn() {
                    case .success(let w): workers.append(w); worker = w; WorkerGroups.add(w.pid)
                    case .failure(let e):
                        done(Outcome(index: next, status: .couldNotStart(e.description), stdout: [], stderr: "", seconds: 0))
                        next += 1
                        continue
                    }
                } else {
                    break
                }
                let request = path(next)
                worker.job = (next, Self.now())
                next += 1
                do { try FileDescriptor(rawValue: worker.inFD).writeAll(WorkerProtocol.request(request)) } catch {
                    close(worker.inFD); worker.inFD = -1  // the worker is gone; its pipe closing reports the document
                }
            }
            pollOnce(milliseconds: 100)
            let now = Self.now()
            for w in workers {
                if let job = w.job, !w.killedForTimeout, timeout > 0, now - job.started > timeout {
                    killpg(w.pid, SIGKILL)
                    w.killedForTimeout = true
                    done(Outcome(index: job.index, status: .timedOut, stdout: [], stderr: "", seconds: now - job.started))
                    w.job = nil
                }
                while let frame = takeFrame(w) { finish(w, frame, done) }
            }
            reap(done)
            tick()
        }
        // Let the remaining workers exit.
        for w in workers where w.inFD >= 0 { close(w.inFD); w.inFD = -1 }
        for w in workers {
            if w.outFD >= 0 { close(w.outFD) }
            if w.errFD >= 0 { close(w.errFD) }
            var status: Int32 = 0
            while waitpid(w.pid, &status, 0) < 0 && errno == EINTR {}
            killpg(w.pid, SIGKILL)
            WorkerGroups.remove(w.pid)
        }
        workers = []
    }

    private func finish(_ w: Worker, _ frame: (status: Int32, payload: [UInt8]), _ done: (Outcome) -> Void) {
        guard let job = w.job else { return }
        w.job = nil
        w.served += 1
        let ok = frame.status == 0
        done(Outcome(index: job.index, status: .exited(frame.status), stdout: ok ? frame.payload : [],
                     stderr: ok ? "" : String(decoding: frame.payload, as: UTF8.self), seconds: Self.now() - job.started))
        if w.served >= recycleAfter, w.inFD >= 0 { close(w.inFD); w.inFD = -1 }
    }

    /// One complete answer frame from a worker's output, if there is one.
    private func takeFrame(_ w: Worker) -> (status: Int32, payload: [UInt8])? {
        switch WorkerProtocol.takeAnswer(from: &w.out) {
        case .answer(let status, let payload): return (status, payload)
        case .incomplete: return nil
        case .garbled:
            w.out.removeAll()  // not our protocol: drop it; the document will fail when the worker ends
            return nil
        }
    }

    /// Whether the worker process has ended (looked at without reaping it, so that its process
    /// group id cannot be reused before the group is killed).
    private func hasExited(_ w: Worker) -> Bool {
        var info = siginfo_t()
        return waitid(P_PID, id_t(w.pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info._sifields._sigchld.si_pid == w.pid
    }

    /// Removes workers whose output has ended or that have exited, reporting the document a dead
    /// worker held.
    private func reap(_ done: (Outcome) -> Void) {
        var alive: [Worker] = []
        for w in workers {
            if w.outFD >= 0 {
                guard hasExited(w) else { alive.append(w); continue }
                // Exited with its pipes still open (held by something it left): take what is there.
                pollDrain(w)
                while let frame = takeFrame(w) { finish(w, frame, done) }
                close(w.outFD); w.outFD = -1
            }
            if w.errFD >= 0 { close(w.errFD); w.errFD = -1 }
            if w.inFD >= 0 { close(w.inFD); w.inFD = -1 }
            killpg(w.pid, SIGKILL)  // whatever the worker left running
            var status: Int32 = 0
            while waitpid(w.pid, &status, 0) < 0 && errno == EINTR {}
            WorkerGroups.remove(w.pid)
            if let job = w.job {
                let signalled = status & 0x7f != 0
                let said = String(decoding: w.err.suffix(2048), as: UTF8.self)
                done(Outcome(index: job.index, status: signalled ? .signalled(status & 0x7f) : .exited(max(1, (status >> 8) & 0xff)),
                             stdout: [], stderr: said, seconds: Self.now() - job.started))
            }
        }
        workers = alive
    }

    private func spawn() -> Result<Worker, Errno> {
        var inPipe: [Int32] = [0, 0], outPipe: [Int32] = [0, 0], errPipe: [Int32] = [0, 0]
        guard pipe(&inPipe) == 0, pipe(&outPipe) == 0, pipe(&errPipe) == 0 else { return .failure(Errno(rawValue: errno)) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        for fd in inPipe + outPipe + errPipe { posix_spawn_file_actions_addclose(&actions, fd) }
        let cArgs: [UnsafeMutablePointer<CChar>?] = workerArguments.map { strdup($0) } + [nil]
        defer { for p in cArgs { free(p) } }
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
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, workerArguments[0], &actions, &attributes, cArgs, Self.workerEnvironment)
        close(inPipe[0]); close(outPipe[1]); close(errPipe[1])
        guard rc == 0 else {
            close(inPipe[1]); close(outPipe[0]); close(errPipe[0])
            return .failure(Errno(rawValue: rc))
        }
        _ = fcntl(inPipe[1], F_SETFD, FD_CLOEXEC)
        for fd in [outPipe[0], errPipe[0]] {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        return .success(Worker(pid: pid, inFD: inPipe[1], outFD: outPipe[0], errFD: errPipe[0]))
    }

    /// The batch's environment for workers, plus SWIFT_BACKTRACE=enable=no unless it is set: a
    /// crashed worker is reported by the pool, and a backtracer would only cost time (and its
    /// helper process could outlive the worker).
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

    /// Reads whatever a worker's stdout holds right now.
    private func pollDrain(_ w: Worker) {
        guard w.outFD >= 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(w.outFD, $0.baseAddress, $0.count) }
            if n > 0 { w.out.append(contentsOf: buffer[0..<n]); continue }
            if n < 0 && errno == EINTR { continue }
            return
        }
    }

    /// Waits for output on any worker's pipes and drains what is there.
    private func pollOnce(milliseconds: Int32) {
        var fds: [pollfd] = []
        var owners: [(Worker, Bool)] = []
        for w in workers {
            if w.outFD >= 0 { fds.append(pollfd(fd: w.outFD, events: Int16(POLLIN), revents: 0)); owners.append((w, true)) }
            if w.errFD >= 0 { fds.append(pollfd(fd: w.errFD, events: Int16(POLLIN), revents: 0)); owners.append((w, false)) }
        }
        guard !fds.isEmpty else { return }
        guard poll(&fds, nfds_t(fds.count), milliseconds) > 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        for (i, pfd) in fds.enumerated() where pfd.revents != 0 {
            let (worker, isOut) = owners[i]
            while true {
                let n = buffer.withUnsafeMutableBytes { read(pfd.fd, $0.baseAddress, $0.count) }
                if n > 0 {
                    if isOut { worker.out.append(contentsOf: buffer[0..<n]) } else {
                        worker.err.append(contentsOf: buffer[0..<n])
                        if worker.err.count > 65536 { worker.err.removeFirst(worker.err.count - 4096) }
                    }
                    continue
                }
                if n == 0 || (errno != EAGAIN && errno != EINTR) {
                    close(pfd.fd)
                    if isOut { worker.outFD = -1 } else { worker.errFD = -1 }
                }
                break
            }
        }
    }
}

/// The process groups of running workers, for the signal handler that takes them down with the
/// batch (Ctrl-C, kill). Fixed storage: the handler may only read it and call killpg.
public enum WorkerGroups {
    /// Code run from the signal handler once the workers are down: async-signal-safe only.
    public typealias SignalHook = @convention(c) (Int32) -> Void

    private static let capacity = 4096
    nonisolated(unsafe) private static let groups: UnsafeMutablePointer<pid_t> = {
        let p = UnsafeMutablePointer<pid_t>.allocate(capacity: capacity)
        p.initialize(repeating: 0, count: capacity)
        return p
    }()
    nonisolated(unsafe) private static var installed = false
    nonisolated(unsafe) private static var hook: SignalHook?

    static func add(_ pid: pid_t) {
        for i in 0..<capacity where groups[i] == 0 { groups[i] = pid; return }
    }

    static func remove(_ pid: pid_t) {
        for i in 0..<capacity where groups[i] == pid { groups[i] = 0; return }
    }

    /// Makes SIGINT, SIGTERM and SIGHUP kill every worker's group, run `hook`, and then take the
    /// batch down as they would have. The first hook given stays.
    static func installForwarding(then hook: SignalHook?) {
        if Self.hook == nil { Self.hook = hook }
        guard !installed else { return }
        installed = true
        _ = groups
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signal in
                WorkerGroups.killAll()
                WorkerGroups.hook?(signal)
                Glibc.signal(signal, SIG_DFL)
                raise(signal)
            }
            action.sa_flags = Int32(bitPattern: UInt32(SA_RESETHAND))
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, nil)
        }
        // A parent may start the batch with these signals blocked (Foundation's Process from a
        // test thread does): then the handler would never run and the batch would not stop.
        var handled = sigset_t()
        sigemptyset(&handled)
        for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&handled, signal) }
        pthread_sigmask(SIG_UNBLOCK, &handled, nil)
    }

    static func killAll() {
        for i in 0..<capacity where groups[i] > 0 { killpg(groups[i], SIGKILL) }
    }
}
