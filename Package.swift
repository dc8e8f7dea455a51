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
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1", from: "1.7.4"),
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
    ],
    targets: [
        .executableTarget(name: "rig", dependencies: ["RigCLI"]),
        .target(
            name: "RigCLI",
            dependencies: [
                "Engine", "Template", "YAML", "Diagnostics", "Kube", "KubeHTTP", "NATSClient", "Helm",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "Engine",
            dependencies: [
                "Template", "YAML", "Diagnostics", "Kube", "JetStream", "Helm",
                .product(name: "OrderedCollections", package: "swift-collections"),
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        // The JetStream port: the JetStreamClient protocol, stream and consumer specs (NACK fields
        // to JetStream config), comparison, errors and the in-memory fake. No networking here.
        .target(
            name: "JetStream",
            dependencies: [
                "YAML", "Diagnostics",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),
        // The live JetStreamClient: a NATS client on SwiftNIO (TLS through NIOSSL, nkeys through Crypto).
        .target(
            name: "NATSClient",
            dependencies: [
                "JetStream", "YAML",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Crypto", package: "swift-crypto"),
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
        // The Kubernetes port: the KubeClient protocol, objects, errors, kubeconfig, the in-memory fake.
        // No networking here, so the engine's tests build fast.
        .target(
            name: "Kube",
            dependencies: [
                "YAML", "Diagnostics",
                .product(name: "OrderedCollections", package: "swift-collections"),
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        // The Helm port: the HelmClient protocol, the live client running the helm binary, the
        // in-memory fake, and helm's release records as read from their Secrets.
        .target(
            name: "Helm",
            dependencies: [
                "YAML", "Kube",
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        // The live KubeClient over async-http-client and NIOSSL.
        .target(
            name: "KubeHTTP",
            dependencies: [
                "Kube", "YAML",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        // The in-repo Kubernetes test API server (DESIGN §6), for tests and benchmarks only.
        .target(
            name: "KubeTestServer",
            dependencies: [
                "YAML", "Kube",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "OrderedCollections", package: "swift-collections"),
            ],
            path: "Tests/Support/KubeTestServer"
        ),
        .executableTarget(name: "kube-test-apiserver", dependencies: ["KubeTestServer"], path: "Tests/Support/kube-test-apiserver"),
        // Fuzz entry point for the template engine, the YAML loader and the playbook loader; see scripts/fuzz.sh.
        .executableTarget(name: "FuzzTemplate", dependencies: ["Engine", "Template", "YAML", "Kube", "Helm"]),
        // Timing harness behind `make bench`; not shipped.
        .executableTarget(name: "TemplateBench", dependencies: ["Template", "YAML"]),
        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
        .testTarget(name: "YAMLTests", dependencies: ["YAML"], exclude: ["Fixtures"]),
        .testTarget(name: "TemplateTests", dependencies: ["Template", "YAML"]),
        .testTarget(name: "RigCLITests", dependencies: ["RigCLI", "Engine", "Template", "YAML", "Diagnostics", "Kube", "KubeHTTP", "KubeTestServer"]),
        .testTarget(name: "EngineTests", dependencies: ["Engine", "Template", "YAML", "Kube", "JetStream", "Helm"]),
        // The helm modules against the fake, and the real helm 4 and helm 3 against the test API server
        // and a test chart repository (charts packaged with the real helm at test time).
        .testTarget(
            name: "HelmTests",
            dependencies: [
                "Helm", "Engine", "Template", "YAML", "Kube", "KubeHTTP", "KubeTestServer",
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "JetStreamTests",
            dependencies: [
                "JetStream", "NATSClient", "YAML", "Engine", "Template", "KubeTestServer",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .testTarget(name: "KubeTests", dependencies: ["Kube", "YAML"], exclude: ["Fixtures"]),
        .testTarget(
            name: "KubeHTTPTests",
            dependencies: [
                "KubeHTTP", "Kube", "YAML", "KubeTestServer",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            exclude: ["Fixtures"]
        ),
        // The test API server's own tests; they run curl and the real kubectl (scripts/setup.sh installs it).
        .testTarget(
            name: "KubeTestServerTests",
            dependencies: [
                "KubeTestServer", "Kube", "YAML",
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            exclude: ["Fixtures/charts"]
        ),
    ]
)
