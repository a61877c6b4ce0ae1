// swift-tools-version:6.1
import PackageDescription

// A libFuzzer target for the YAML-to-diagnostics path of `kubetutor check`. It lives in its own package so that
// the sanitizer flags (unsafe flags, allowed only in a root package) never reach the main build. The ClusterSim
// sources are the main package's own, through the symlink Sources/ClusterSim -> ../../Sources/ClusterSim, because
// the main package exports no library product. Build and run it with Scripts/fuzz.sh.
let sanitizers = ["-sanitize=fuzzer,address"]

let package = Package(
    name: "KubeTutorFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", exact: "6.2.2")
    ],
    targets: [
        .target(
            name: "ClusterSim",
            dependencies: [.product(name: "Yams", package: "Yams")],
            swiftSettings: [.unsafeFlags(sanitizers)]
        ),
        // The executable's entry point, which starts libFuzzer's driver (see FuzzerMain.c for why it is needed).
        .target(name: "FuzzerMain"),
        .executableTarget(
            name: "FuzzCheck",
            dependencies: ["ClusterSim", "FuzzerMain"],
            swiftSettings: [.unsafeFlags(sanitizers + ["-parse-as-library"])],
            linkerSettings: [.unsafeFlags(sanitizers)]
        ),
    ],
    swiftLanguageModes: [.v6]
)
