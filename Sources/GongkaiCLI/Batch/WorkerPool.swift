#if canImport(Glibc)
import Glibc
#endif

/// Runs one `gongkai extract` process per input, up to `jobs` at a time, so that a crash, a hang
/// or runaway memory in the PDF library loses only that input. Output is collected through pipes
/// polled together (a worker can never block on a full pipe); a worker past its time limit is
/// killed.
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
        var next = 0
        while next < count || !running.isEmpty {
            while running.count < jobs && next < count {
                let index = next
                next += 1
                switch start(index: index, arguments: arguments(index)) {
                case .success(let worker): running.append(worker)
                case .failure(let reason):
                    done(Outcome(index: index, status: .couldNotStart(reason.description), stdout: [], stderr: "", seconds: 0))
                }
            }
            pollOnce(milliseconds: 200)
            let now = Self.now()
            for worker in running where !worker.killed && timeout > 0 && now - worker.started > timeout {
                kill(worker.pid, SIGKILL)
                worker.killed = true
            }
            var still: [Running] = []
            for worker in running {
                if worker.outFD < 0 && worker.errFD < 0 {
                    var status: Int32 = 0
                    var usage = rusage()
                    while wait4(worker.pid, &status, 0, &usage) < 0 && errno == EINTR {}
                    let exited = status & 0x7f == 0
                    let outcome: Outcome.Status = worker.killed ? .timedOut
                        : exited ? .exited((status >> 8) & 0xff) : .signalled(status & 0x7f)
                    let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
                    done(Outcome(index: worker.index, status: outcome, stdout: worker.out,
                                 stderr: String(decoding: worker.err, as: UTF8.self), seconds: Self.now() - worker.started, cpuSeconds: cpu))
                } else {
                    still.append(worker)
                }
            }
            running = still
            tick()
        }
    }

    private struct SpawnError: Error, CustomStringConvertible { let description: String }

    private func start(index: Int, arguments: [String]) -> Result<Running, SpawnError> {
        var outPipe: [Int32] = [0, 0], errPipe: [Int32] = [0, 0]
        guard pipe(&outPipe) == 0, pipe(&errPipe) == 0 else { return .failure(SpawnError(description: String(cString: strerror(errno)))) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        for fd in [outPipe[0], outPipe[1], errPipe[0], errPipe[1]] { posix_spawn_file_actions_addclose(&actions, fd) }
        let cArgs: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for p in cArgs { free(p) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, arguments[0], &actions, nil, cArgs, environ)
        close(outPipe[1]); close(errPipe[1])
        guard rc == 0 else {
            close(outPipe[0]); close(errPipe[0])
            return .failure(SpawnError(description: String(cString: strerror(rc))))
        }
        for fd in [outPipe[0], errPipe[0]] { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        return .success(Running(index: index, pid: pid, outFD: outPipe[0], errFD: errPipe[0], started: Self.now()))
    }

    /// Waits for output on any worker's pipes and drains what is there.
    private func pollOnce(milliseconds: Int32) {
        var fds: [pollfd] = []
        var owners: [(Running, Bool)] = []
        for w in running {
            if w.outFD >= 0 { fds.append(pollfd(fd: w.outFD, events: Int16(POLLIN), revents: 0)); owners.append((w, true)) }
            if w.errFD >= 0 { fds.append(pollfd(fd: w.errFD, events: Int16(POLLIN), revents: 0)); owners.append((w, false)) }
        }
        guard !fds.isEmpty else { return }
        let ready = poll(&fds, nfds_t(fds.count), milliseconds)
        guard ready > 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        for (i, pfd) in fds.enumerated() where pfd.revents != 0 {
            let (worker, isOut) = owners[i]
            while true {
                let n = buffer.withUnsafeMutableBytes { read(pfd.fd, $0.baseAddress, $0.count) }
                if n > 0 {
                    if isOut { worker.out.append(contentsOf: buffer[0..<n]) } else { worker.err.append(contentsOf: buffer[0..<n]) }
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
