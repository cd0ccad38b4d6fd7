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
final class WorkerPool {
    struct Outcome {
        enum Status: Equatable {
            /// The worker answered: 0 for a record, else the extraction failure's exit status.
            case exited(Int32)
            case signalled(Int32)
            case timedOut
            case couldNotStart(String)
        }
        var index: Int
        var status: Status
        /// The record on success.
        var stdout: [UInt8]
        /// The failure's one-line message (or what the worker wrote to stderr before dying).
        var stderr: String
        var seconds: Double
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

    let jobs: Int
    let timeout: Double
    let workerArguments: [String]
    let recycleAfter: Int
    private var workers: [Worker] = []

    init(jobs: Int, timeout: Double, workerArguments: [String], recycleAfter: Int = 200) {
        self.jobs = max(1, jobs)
        self.timeout = timeout
        self.workerArguments = workerArguments
        self.recycleAfter = max(1, recycleAfter)
    }

    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Runs the document at `path(i)` for every `i` in `0..<count`, calling `done` as each finishes
    /// (in completion order) and `tick` about five times a second.
    func run(count: Int, path: (Int) -> String, done: (Outcome) -> Void, tick: () -> Void) {
        signal(SIGPIPE, SIG_IGN)  // a worker that died must not take the parent with it
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
                    case .success(let w): workers.append(w); worker = w
                    case .failure(let e):
                        done(Outcome(index: next, status: .couldNotStart(e.description), stdout: [], stderr: "", seconds: 0))
                        next += 1
                        continue
                    }
                } else {
                    break
                }
                let request = Array(path(next).utf8)
                worker.job = (next, Self.now())
                next += 1
                do { try OutputTarget.writeAll(worker.inFD, Array("\(request.count)\n".utf8) + request) } catch {
                    close(worker.inFD); worker.inFD = -1  // the worker is gone; its pipe closing reports the document
                }
            }
            pollOnce(milliseconds: 100)
            let now = Self.now()
            for w in workers {
                if let job = w.job, !w.killedForTimeout, timeout > 0, now - job.started > timeout {
                    kill(w.pid, SIGKILL)
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

    /// One complete `<status> <count>\n<payload>` frame from a worker's output, if there is one.
    private func takeFrame(_ w: Worker) -> (status: Int32, payload: [UInt8])? {
        guard let nl = w.out.firstIndex(of: 0x0A) else { return nil }
        let header = String(decoding: w.out[..<nl], as: UTF8.self).split(separator: " ")
        guard header.count == 2, let status = Int32(header[0]), let length = Int(header[1]) else {
            w.out.removeAll()  // not our protocol: drop it; the document will fail when the worker ends
            return nil
        }
        guard w.out.count >= nl + 1 + length else { return nil }
        let payload = Array(w.out[(nl + 1)..<(nl + 1 + length)])
        w.out.removeSubrange(0..<(nl + 1 + length))
        return (status, payload)
    }

    /// Removes workers whose output has ended, reporting the document a dead worker held.
    private func reap(_ done: (Outcome) -> Void) {
        var alive: [Worker] = []
        for w in workers {
            guard w.outFD < 0 else { alive.append(w); continue }
            if w.errFD >= 0 { close(w.errFD); w.errFD = -1 }
            if w.inFD >= 0 { close(w.inFD); w.inFD = -1 }
            var status: Int32 = 0
            while waitpid(w.pid, &status, 0) < 0 && errno == EINTR {}
            if let job = w.job {
                let signalled = status & 0x7f != 0
                let said = String(decoding: w.err.suffix(2048), as: UTF8.self)
                done(Outcome(index: job.index, status: signalled ? .signalled(status & 0x7f) : .exited(max(1, (status >> 8) & 0xff)),
                             stdout: [], stderr: said, seconds: Self.now() - job.started))
            }
        }
        workers = alive
    }

    private struct SpawnError: Error, CustomStringConvertible { let description: String }

    private func spawn() -> Result<Worker, SpawnError> {
        var inPipe: [Int32] = [0, 0], outPipe: [Int32] = [0, 0], errPipe: [Int32] = [0, 0]
        guard pipe(&inPipe) == 0, pipe(&outPipe) == 0, pipe(&errPipe) == 0 else {
            return .failure(SpawnError(description: String(cString: strerror(errno))))
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        for fd in inPipe + outPipe + errPipe { posix_spawn_file_actions_addclose(&actions, fd) }
        let cArgs: [UnsafeMutablePointer<CChar>?] = workerArguments.map { strdup($0) } + [nil]
        defer { for p in cArgs { free(p) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, workerArguments[0], &actions, nil, cArgs, environ)
        close(inPipe[0]); close(outPipe[1]); close(errPipe[1])
        guard rc == 0 else {
            close(inPipe[1]); close(outPipe[0]); close(errPipe[0])
            return .failure(SpawnError(description: String(cString: strerror(rc))))
        }
        _ = fcntl(inPipe[1], F_SETFD, FD_CLOEXEC)
        for fd in [outPipe[0], errPipe[0]] {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        return .success(Worker(pid: pid, inFD: inPipe[1], outFD: outPipe[0], errFD: errPipe[0]))
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
