// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "KubeTutor",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kubetutor", targets: ["kubetutor"])
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", exact: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", exact: "2.1.1"),
        .package(url: "https://github.com/jpsim/Yams.git", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", exact: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", exact: "7.10.0"),
    ],
    targets: [
        // The system libcmark (Debian: libcmark-dev); touched by exactly one Swift file in LessonKit.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // The simulated cluster: pure Swift, strings in, results out.
        .target(
            name: "ClusterSim",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "LessonKit",
            dependencies: ["CCmark", "ClusterSim", .product(name: "Yams", package: "Yams")]
        ),
        // Learner progress: SQLite through GRDB (system libsqlite3), behind a protocol with an in-memory twin.
        .target(
            name: "ProgressStore",
            dependencies: [.product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift")]
        ),
        .target(
            name: "WebApp",
            dependencies: [
                "LessonKit", "ClusterSim", "ProgressStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "kubetutor",
            dependencies: [
                "ClusterSim", "LessonKit", "ProgressStore", "WebApp",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "ClusterSimTests", dependencies: ["ClusterSim"], resources: [.copy("Fixtures")]),
        .testTarget(name: "LessonKitTests", dependencies: ["LessonKit"]),
        .testTarget(name: "ProgressStoreTests", dependencies: ["ProgressStore"]),
        .testTarget(
            name: "WebAppTests",
            dependencies: ["WebApp", "LessonKit", "ClusterSim", "ProgressStore", .product(name: "HummingbirdTesting", package: "hummingbird")]
        ),
        .testTarget(name: "kubetutorTests", dependencies: ["kubetutor", "ProgressStore"]),
    ],
    swiftLanguageModes: [.v6]
)
