#if canImport(Glibc)
import Glibc
#endif

/// Tesseract (Debian's build) runs OpenMP threads inside each recognition; with several page
/// workers that oversubscribes the cores and a cell takes longer, not shorter. libgomp reads
/// `OMP_THREAD_LIMIT` once, when it is loaded — before any Swift code runs — so the limit can only
/// be set by starting the program again with it in the environment.
public enum OpenMPLimit {
    static let variable = "OMP_THREAD_LIMIT"

    /// When `OMP_THREAD_LIMIT` is unset: sets it to 1 and replaces this process with a fresh run
    /// of the same executable and arguments (Linux: `/proc/self/exe`). Returns only when the
    /// variable was already set or the re-run could not be started (then Tesseract runs as it is).
    public static func restartWithOneThreadIfNeeded() {
        #if os(Linux)
        guard getenv(variable) == nil else { return }
        setenv(variable, "1", 1)
        // The arguments as the process got them: `CommandLine.arguments` would repair a file
        // name that is not UTF-8, and the re-run would not find the file.
        execv("/proc/self/exe", CommandLine.unsafeArgv)  // returns only when it failed: carry on here
        #endif
    }
}
