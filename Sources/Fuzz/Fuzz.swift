import Glibc
import Hardware

/// The fuzzing harness: `scripts/fuzz TARGET` builds it with libFuzzer and AddressSanitizer
/// and feeds it generated input; a plain build replays files, to reproduce what a campaign
/// found: `swift run Fuzz TARGET FILE…`.
@main
struct Fuzz {
    static func main() {
        #if FUZZING
        guard let name = getenv("FUZZ_TARGET").map({ String(cString: $0) }), let target = FuzzTarget(rawValue: name) else {
            fail("set FUZZ_TARGET to one of \(FuzzTarget.names)")
        }
        FuzzTarget.selected = target
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, runSelectedTarget))
        #else
        let arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name), arguments.count > 1 else {
            fail("usage: Fuzz TARGET FILE… (targets: \(FuzzTarget.names))")
        }
        for path in arguments.dropFirst() {
            do {
                target.run(try FileAccess.bytes(of: path))
            } catch {
                fail("cannot read \(path): \(error)")
            }
            print("\(path): handled")
        }
        #endif
    }

    static func fail(_ message: String) -> Never {
        let line = Array("error: \(message)\n".utf8)
        _ = write(STDERR_FILENO, line, line.count)
        exit(2)
    }
}

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// libFuzzer's own `main`, linked in though ours runs instead, refers to this name.
@_cdecl("LLVMFuzzerTestOneInput")
func runSelectedTarget(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzTarget.selected.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
#endif
