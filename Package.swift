// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "rig",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "rig", targets: ["rig"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        .package(url: "https://github.com/apple/swift-system", from: "1.5.0"),
    ],
    targets: [
        .executableTarget(name: "rig", dependencies: ["RigCLI"]),
        .target(
            name: "RigCLI",
            dependencies: [
                "Engine", "Template", "YAML", "Diagnostics",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "Engine",
            dependencies: [
                "Template", "YAML", "Diagnostics",
                .product(name: "OrderedCollections", package: "swift-collections"),
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        .target(
            name: "Template",
            dependencies: [
                "YAML", "Diagnostics",
                .product(name: "OrderedCollections", package: "swift-collections"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "YAML",
            dependencies: [
                "Diagnostics",
                .product(name: "Yams", package: "Yams"),
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),
        .target(name: "Diagnostics"),
        // Fuzz entry point for the template engine, the YAML loader and the playbook loader; see scripts/fuzz.sh.
        .executableTarget(name: "FuzzTemplate", dependencies: ["Engine", "Template", "YAML"]),
        // Timing harness behind `make bench`; not shipped.
        .executableTarget(name: "TemplateBench", dependencies: ["Template", "YAML"]),
        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
        .testTarget(name: "YAMLTests", dependencies: ["YAML"], exclude: ["Fixtures"]),
        .testTarget(name: "TemplateTests", dependencies: ["Template", "YAML"]),
.testTarget(name: "RigCLITests", dependencies: ["RigCLI", "Engine", "Template", "YAML"]),
        .testTarget(name: "EngineTests", dependencies: ["Engine", "Template", "YAML"]),
    ]
)
