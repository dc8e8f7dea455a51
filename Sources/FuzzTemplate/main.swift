// Without the fuzzer (`swift run FuzzTemplate FILE…`), replays saved inputs: a crash found by
// `make fuzz` can be reproduced and debugged in a normal build. `scripts/fuzz.sh` builds with
// `-parse-as-library -D FUZZING`, where libFuzzer supplies `main`.
#if !FUZZING
import Foundation

for path in CommandLine.arguments.dropFirst() {
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
        continue
    }
    data.withUnsafeBytes { fuzzOne($0) }
    print("ok \(path)")
}
#endif
