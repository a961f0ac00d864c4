// swift-tools-version: 6.0
// ECGNarrator: raw 12-lead ECG waveforms → measurements → clinical text.
//
// Data flows one way (see README "Architecture"): each library target imports only the
// stages above it. The C libraries are reached only through the thin `C*` system-library
// targets, which are the only place unsafe pointers to C memory may appear.
import PackageDescription

let package = Package(
    name: "ECGNarrator",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "ecgnarrator", targets: ["ecgnarrator"]),
        .library(name: "ECGNarrator", targets: [
            "ECGModel", "WFDB", "HDF5Tracings", "Datasets", "SignalProcessing", "Detection",
            "TextMetrics", "Evaluation", "Synthesis", "Delineation", "Measurement", "Interpretation", "Narrative",
            "Plot", "PlotAnnotations", "Batch",
        ]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // MARK: C libraries (system packages: libfftw3-dev, libhdf5-dev, libflac-dev)
        .systemLibrary(name: "CFFTW", pkgConfig: "fftw3",
                       providers: [.apt(["libfftw3-dev"])]),
        .systemLibrary(name: "CHDF5", pkgConfig: "hdf5-serial",
                       providers: [.apt(["libhdf5-dev"])]),
        .systemLibrary(name: "CFLAC", pkgConfig: "flac",
                       providers: [.apt(["libflac-dev"])]),
        // glibc's allocator tuning (<malloc.h> is not in Swift's Glibc module)
        .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),

        // MARK: Stage 0: the data model every stage shares
        .target(name: "ECGModel"),

        // MARK: Stage 1: I/O
        .target(name: "WFDB", dependencies: ["ECGModel", "CFLAC"]),
        .target(name: "HDF5Tracings", dependencies: ["ECGModel", "CHDF5"]),
        .target(name: "Datasets", dependencies: ["ECGModel", "WFDB", "HDF5Tracings"]),

        // MARK: Stage 2: signal processing
        .target(name: "SignalProcessing", dependencies: ["ECGModel", "CFFTW"]),

        // MARK: Stage 3: detection
        .target(name: "Detection", dependencies: ["ECGModel", "SignalProcessing"]),

        // MARK: Synthetic ECGs with known truth (test material for every later stage)
        .target(name: "Synthesis", dependencies: ["ECGModel"]),

        // MARK: Stage 4: delineation and measurements
        .target(name: "Delineation", dependencies: ["ECGModel", "SignalProcessing", "Detection"]),
        .target(name: "Measurement", dependencies: ["ECGModel", "SignalProcessing", "Delineation"]),

        // MARK: Stage 5: interpretation statements and narratives
        .target(name: "Interpretation", dependencies: ["ECGModel", "SignalProcessing", "Delineation", "Measurement"]),
        .target(name: "Narrative", dependencies: [
            "ECGModel", "Datasets", "Measurement", "Interpretation",
            .product(name: "Mustache", package: "swift-mustache"),
        ]),

        // MARK: Drawing records as ECG paper (SVG; PNG through rsvg-convert)
        .target(name: "Plot", dependencies: ["ECGModel"]),
        .target(name: "PlotAnnotations", dependencies: [
            "ECGModel", "Plot", "Synthesis", "Delineation", "Measurement",
        ]),

        // MARK: Text metrics (independent of the ECG pipeline)
        .target(name: "TextMetrics"),

        // MARK: Batch conversion of whole datasets (runs the per-record pipeline)
        .target(name: "Batch", dependencies: [
            "ECGModel", "Datasets", "Delineation", "Measurement", "Interpretation", "Narrative", "CMalloc",
        ]),

        // MARK: Evaluation and the CLI sit on top
        .target(name: "Evaluation", dependencies: [
            "ECGModel", "WFDB", "Datasets", "Detection", "TextMetrics", "Delineation", "Measurement",
            "Interpretation",
        ]),
        .executableTarget(name: "ecgnarrator", dependencies: [
            "ECGModel", "WFDB", "HDF5Tracings", "Datasets", "SignalProcessing", "Detection",
            "TextMetrics", "Evaluation", "Synthesis", "Delineation", "Measurement", "Interpretation",
            "Narrative", "Plot", "PlotAnnotations", "Batch",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),

        // MARK: Tests (one target per module; real-data tests read ../shared/data or $ECG_DATA)
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "ECGModelTests", dependencies: ["ECGModel"]),
        .testTarget(name: "WFDBTests", dependencies: [
            "WFDB", "TestSupport", .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .testTarget(name: "HDF5TracingsTests", dependencies: ["HDF5Tracings", "TestSupport"]),
        .testTarget(name: "DatasetsTests", dependencies: ["Datasets", "TestSupport"]),
        .testTarget(name: "SignalProcessingTests", dependencies: ["SignalProcessing", "Synthesis", "TestSupport"]),
        .testTarget(name: "DetectionTests", dependencies: ["Detection", "Synthesis", "TestSupport"]),
        .testTarget(name: "SynthesisTests", dependencies: ["Synthesis"]),
        .testTarget(name: "DelineationTests", dependencies: ["Delineation", "Synthesis", "TestSupport"]),
        .testTarget(name: "MeasurementTests", dependencies: ["Measurement", "Synthesis", "TestSupport"]),
        .testTarget(name: "BatchTests", dependencies: [
            "Batch", "Datasets", "HDF5Tracings", "Interpretation", "Measurement", "Narrative", "TestSupport",
        ]),
        .testTarget(name: "InterpretationTests", dependencies: ["Interpretation", "SignalProcessing", "TestSupport"]),
        .testTarget(name: "NarrativeTests", dependencies: ["Narrative", "Interpretation", "WFDB", "TestSupport"]),
        .testTarget(name: "PlotTests", dependencies: ["Plot", "Synthesis"]),
        .testTarget(name: "PlotAnnotationsTests", dependencies: ["PlotAnnotations", "Delineation", "Synthesis"]),
        .testTarget(name: "TextMetricsTests", dependencies: ["TextMetrics", "TestSupport"]),
        .testTarget(name: "EvaluationTests", dependencies: ["Evaluation", "WFDB", "TestSupport"]),
        .testTarget(name: "ecgnarratorTests", dependencies: ["ecgnarrator", "TestSupport"]),
        .testTarget(name: "HostileInputTests", dependencies: [
            "WFDB", "HDF5Tracings", "Datasets", "SignalProcessing", "Detection", "Synthesis", "Measurement",
            "Interpretation", "Batch", "TestSupport",
        ]),
    ]
)
