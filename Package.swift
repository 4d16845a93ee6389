// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "xmpp-iot-gateway",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "xmpp-iot-gateway", targets: ["xmpp-iot-gateway"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // System libraries, found through pkg-config.
        .systemLibrary(name: "CExpat", pkgConfig: "expat", providers: [.apt(["libexpat1-dev"])]),
        .systemLibrary(name: "COpenSSL", pkgConfig: "openssl", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CUdev", pkgConfig: "libudev", providers: [.apt(["libudev-dev"])]),
        .systemLibrary(name: "CLibGPIOD", pkgConfig: "libgpiod", providers: [.apt(["libgpiod-dev"])]),
        .systemLibrary(name: "CPCRE2", pkgConfig: "libpcre2-8", providers: [.apt(["libpcre2-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        // Debian's libutf8proc.pc adds -DUTF8PROC_EXPORTS, a flag SwiftPM refuses with a warning
        // on every build; the header and library are in the default paths.
        .systemLibrary(name: "CUTF8Proc", providers: [.apt(["libutf8proc-dev"])]),
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        // One small C API over libgpiod 1.6 and 2.x, chosen when it is compiled.
        .target(name: "CGPIOD", dependencies: ["CLibGPIOD"]),

        .target(
            name: "XMPPClient",
            dependencies: [
                "CExpat", "COpenSSL", "CUTF8Proc",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .target(name: "XMPPIoT", dependencies: ["XMPPClient"]),
        .target(
            name: "Hardware",
            dependencies: [
                "CGPIOD", "CUdev",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .target(name: "Drivers", dependencies: ["Hardware", "CYAML", "CPCRE2"]),
        // Simulated sensors and actuators behind the same protocols as the real buses: for
        // tests, benchmarks and the demo.
        .target(name: "Simulators", dependencies: ["Drivers", "Hardware"]),
        .target(
            name: "Gateway",
            dependencies: [
                "XMPPIoT", "XMPPClient", "Drivers", "Hardware", "Simulators", "CSQLite",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "xmpp-iot-gateway",
            dependencies: ["Gateway"],
            exclude: ["StaticLibStdCxx"],
            linkerSettings: [
                // The release binary carries the Swift runtime (a Pi needs no Swift installed)
                // and keeps only what it uses: lld drops unreferenced code and folds identical
                // functions, and packed relocations keep the start-up fix-ups small. Together
                // they cut the resident memory by a fifth (README, `iot` benchmark).
                //
                // The runtime needs 25 functions of libstdc++ (strings, trees, operator new).
                // The Swift driver asks for `-lstdc++`, which finds the shared library: all of
                // it mapped, 1.2–1.4 MB more resident memory. In `StaticLibStdCxx`, searched
                // before the compiler's directories, `libstdc++.so` is a linker script that
                // names the static archive instead, so only those functions are linked in.
                .unsafeFlags([
                    "-use-ld=lld",
                    "-Xlinker", "--icf=all", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs",
                    "-Xlinker", "--no-export-dynamic",
                    "-L", Context.packageDirectory + "/Sources/xmpp-iot-gateway/StaticLibStdCxx",
                ], .when(configuration: .release)),
            ]
        ),
        // The fuzzing harness; scripts/fuzz builds it with libFuzzer (README, Testing).
        .executableTarget(name: "Fuzz", dependencies: ["XMPPClient", "XMPPIoT", "Hardware", "Drivers", "Gateway"]),
        .executableTarget(name: "Benchmarks", dependencies: ["XMPPClient", "XMPPIoT", "CExpat", "Drivers", "Simulators", "Gateway", .product(name: "NIOPosix", package: "swift-nio")]),

        // Helpers the test targets share: child processes without Foundation.Process.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(
            name: "XMPPClientTests",
            dependencies: ["XMPPClient", "TestSupport", .product(name: "NIOEmbedded", package: "swift-nio")]
        ),
        .testTarget(name: "XMPPIoTTests", dependencies: ["XMPPIoT"]),
        .testTarget(name: "HardwareTests", dependencies: ["Hardware", "Simulators"]),
        .testTarget(name: "DriversTests", dependencies: ["Drivers", "Simulators"]),
        .testTarget(name: "SimulatorsTests", dependencies: ["Simulators"]),
        .testTarget(name: "GatewayTests", dependencies: ["Gateway", "Simulators", "XMPPIoT", "XMPPClient", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
