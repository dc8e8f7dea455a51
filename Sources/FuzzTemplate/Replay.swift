import Foundation

#if FUZZING
/// libFuzzer's entry for programs that have their own `main` (SwiftPM always gives one).
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt
#endif

/// Built by `scripts/fuzz.sh` (`-sanitize=fuzzer -D FUZZING`), runs libFuzzer over `fuzzOne`.
/// Built normally (`swift run FuzzTemplate FILE…`), replays saved inputs, so a crash the fuzzer
/// found can be reproduced and debugged in an ordinary build.
@main
enum FuzzMain {
    static func main() {
        #if FUZZING
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv, fuzzerTestOneInput))
        #else
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
                continue
            }
            data.withUnsafeBytes { fuzzOne($0) }
            print("ok \(path)")
        }
        #endif
    }
}
