import BatchRunner
import Glibc
import Testing

/// A stand-in worker speaking the pool's protocol: it answers a path with a one-line record of
/// it; a path containing `crash` kills it with SIGSEGV, `hang` makes it sleep, `fail` answers
/// status 9 with a hash and a message, and `noise` writes something that is not an answer.
private let fakeWorker = ["/bin/sh", "-c", #"""
while read -r n; do
  p=$(head -c "$n")
  case "$p" in
    *crash*) kill -SEGV $$ ;;
    *hang*) sleep 60 ;;
    *fail*) m="$(printf '%064d' 0)
$p: no report tables"; printf '9 %d\n%s' "${#m}" "$m" ;;
    *noise*) printf 'Syntax Error: junk\n'; exit 0 ;;
    *) printf '0 %d\n%s\n' "$(( ${#p} + 1 ))" "$p" ;;
  esac
done
"""#]

private func runPool(_ paths: [String], jobs: Int = 2, timeout: Double = 20, recycleAfter: Int = 200) -> [WorkerPool.Outcome] {
    var outcomes: [WorkerPool.Outcome] = []
    WorkerPool(jobs: jobs, timeout: timeout, workerArguments: fakeWorker, recycleAfter: recycleAfter)
        .run(count: paths.count, path: { Array(paths[$0].utf8) }, done: { outcomes.append($0) }, tick: {})
    return outcomes.sorted { $0.index < $1.index }
}

@Test func everyDocumentGetsOneOutcomeAcrossRecycledWorkers() {
    let paths = (0..<7).map { "doc\($0).pdf" }
    let outcomes = runPool(paths, recycleAfter: 2)
    #expect(outcomes.map(\.index) == Array(0..<7))
    #expect(outcomes.allSatisfy { $0.status == .exited(0) })
    #expect(outcomes.map { String(decoding: $0.stdout, as: UTF8.self) } == paths.map { $0 + "\n" })
}

@Test func aCrashAHangAndAFailureLoseOnlyTheirDocuments() {
    let paths = ["a.pdf", "crash.pdf", "b.pdf", "hang.pdf", "fail.pdf", "c.pdf"]
    let outcomes = runPool(paths, timeout: 2)
    #expect(outcomes.count == paths.count)
    #expect(outcomes[1].status == .signalled(SIGSEGV))
    #expect(outcomes[3].status == .timedOut)
    #expect(outcomes[4].status == .exited(9))
    for i in [0, 2, 5] { #expect(outcomes[i].status == .exited(0) && outcomes[i].stdout == Array((paths[i] + "\n").utf8)) }
    let failure = outcomes[4].failure(path: "fail.pdf", timeout: 2)
    #expect(failure.code == "no_report_tables" && failure.message == "fail.pdf: no report tables" && failure.sha256?.count == 64)
    #expect(outcomes[1].failure(path: "crash.pdf", timeout: 2).message == "crash.pdf: worker crashed with SIGSEGV")
    #expect(outcomes[3].failure(path: "hang.pdf", timeout: 2).message == "hang.pdf: no result after 2 s; worker killed")
}

@Test func aWorkerThatWritesSomethingElseFailsItsDocumentOnly() {
    let outcomes = runPool(["noise.pdf", "d.pdf"], jobs: 1)
    #expect(outcomes.count == 2)
    #expect(outcomes[0].status == .exited(1))
    #expect(outcomes[0].failure(path: "noise.pdf", timeout: 20).code == "crashed")
    #expect(outcomes[1].status == .exited(0))
}

@Test func aWorkerThatCannotStartIsReportedPerDocument() {
    var outcomes: [WorkerPool.Outcome] = []
    WorkerPool(jobs: 1, timeout: 5, workerArguments: ["/nonexistent/worker"])
        .run(count: 2, path: { _ in Array("a.pdf".utf8) }, done: { outcomes.append($0) }, tick: {})
    #expect(outcomes.count == 2)
    // posix_spawn fails, or the child cannot exec and exits 127: either way no record, no hang.
    #expect(outcomes.allSatisfy { $0.status != .exited(0) })
}

@Test func outcomesMapToRecordCodes() {
    let record = WorkerPool.Outcome(index: 0, status: .exited(0), stdout: Array("{\"a\":1}\n".utf8), stderr: "", seconds: 0)
    #expect(record.isWholeRecord(csv: false))
    let twoLines = WorkerPool.Outcome(index: 0, status: .exited(0), stdout: Array("{}\n{}\n".utf8), stderr: "", seconds: 0)
    #expect(!twoLines.isWholeRecord(csv: false) && twoLines.isWholeRecord(csv: true))
    #expect(twoLines.failure(path: "p", timeout: 1).code == "bad_output")
    let cpu = WorkerPool.Outcome(index: 0, status: .signalled(SIGXCPU), stdout: [], stderr: "", seconds: 0)
    #expect(cpu.failure(path: "p", timeout: 60, cpuSeconds: 2).message == "p: no result within the CPU-time limit of 2 s; worker stopped")
    let memory = WorkerPool.Outcome(index: 0, status: .signalled(SIGABRT), stdout: [], stderr: "gongkai: document: out of memory (…)\n", seconds: 0)
    #expect(memory.failure(path: "p", timeout: 60).code == "out_of_memory")
    let start = WorkerPool.Outcome(index: 0, status: .couldNotStart("Resource temporarily unavailable"), stdout: [], stderr: "", seconds: 0)
    let failed = start.failure(path: "p", timeout: 60)
    #expect(failed.code == "worker_failed" && failed.message == "p: could not start a worker: Resource temporarily unavailable" && failed.sha256 == nil)
}
