// swift-tools-version:6.0
import PackageDescription

// Dependency direction: Shared <- Platform/* <- Onboarding <- Niches/* <- Server.
// Shared (and later EInvoicing) must never import Vapor: they build and test in seconds.
let package = Package(
    name: "Multinicho",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "multinicho", targets: ["Server"]),
        .library(name: "Shared", targets: ["Shared"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor", from: "4.122.0"),
        .package(url: "https://github.com/vapor/fluent", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver", from: "2.14.0"),
        .package(url: "https://github.com/vapor/leaf", from: "4.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .target(name: "Shared", path: "Shared"),
        .target(
            name: "Core",
            dependencies: [
                "Shared",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Leaf", package: "leaf"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            path: "Platform/Core"
        ),
        // libcurl, for SMTP (no SMTP Swift package exists here); see Platform/CCurl/shim.h.
        .systemLibrary(name: "CCurl", path: "Platform/CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        // Provider clients with no Vapor in them, so that they build and test in seconds.
        .target(name: "SMTPClient", dependencies: ["CCurl"], path: "Platform/SMTPClient"),
        .target(
            name: "ProviderSupport",
            dependencies: [.product(name: "AsyncHTTPClient", package: "async-http-client")],
            path: "Platform/ProviderSupport"
        ),
        .target(
            name: "Messaging",
            dependencies: [
                "ProviderSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Platform/Messaging"
        ),
        // Stripe and Culqi (Yape) clients and Stripe webhook signatures, with no Vapor in them.
        .target(
            name: "PaymentProviders",
            dependencies: [
                "Shared", "ProviderSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Platform/PaymentProviders"
        ),
        // SUNAT e-invoicing, none of it importing Vapor: the document model and its arithmetic and
        // UBL builders (pure Swift), XML signing and schema validation (libxml2 + xmlsec1), the
        // SOAP client, and the printed PDF (cairo + qrencode). See Platform/C*/shim.h.
        .systemLibrary(name: "CLibXML2", path: "Platform/CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CXMLSec", path: "Platform/CXMLSec", pkgConfig: "xmlsec1-openssl",
                       providers: [.apt(["libxmlsec1-dev", "libxmlsec1-openssl"])]),
        .systemLibrary(name: "CCairo", path: "Platform/CCairo", pkgConfig: "cairo-pdf", providers: [.apt(["libcairo2-dev"])]),
        .systemLibrary(name: "CQREncode", path: "Platform/CQREncode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        .target(name: "EInvoicing", dependencies: ["Shared"], path: "Platform/EInvoicing"),
        .target(name: "EInvoicingXML", dependencies: ["Shared", "CLibXML2", "CXMLSec"], path: "Platform/EInvoicingXML",
                resources: [.copy("Schemas")]),
        .target(
            name: "SUNATClient",
            dependencies: [
                "ProviderSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            path: "Platform/SUNATClient"
        ),
        .target(name: "EInvoicingPDF", dependencies: ["Shared", "CCairo", "CQREncode"], path: "Platform/EInvoicingPDF"),
        // Spreadsheet reports (.xlsx) with libxlsxwriter, with no Vapor in them; see Platform/CXLSXWriter/shim.h.
        .systemLibrary(name: "CXLSXWriter", path: "Platform/CXLSXWriter", pkgConfig: "xlsxwriter",
                       providers: [.apt(["libxlsxwriter-dev"])]),
        .target(name: "XLSXWriter", dependencies: ["Shared", "CXLSXWriter"], path: "Platform/XLSXWriter"),
        // The pipeline the others make together: calculate, check the certificate, build, sign,
        // validate, print. What the web app, the API, the CLI and the benchmark call.
        .target(name: "EInvoiceEngine", dependencies: ["Shared", "EInvoicing", "EInvoicingXML", "EInvoicingPDF"],
                path: "Platform/EInvoiceEngine"),
        .target(name: "Notifications", dependencies: ["Core", "SMTPClient", "Messaging"], path: "Platform/Notifications"),
        .target(
            name: "Webhooks",
            dependencies: ["Core", .product(name: "AsyncHTTPClient", package: "async-http-client")],
            path: "Platform/Webhooks"
        ),
        // Payments: one gateway protocol, the ledger of states and events, the sandbox provider.
        .target(
            name: "Payments",
            dependencies: ["Core", "Shared", "PaymentProviders", .product(name: "AsyncHTTPClient", package: "async-http-client")],
            path: "Platform/Payments"
        ),
        // Invoicing for every business: issuer settings, customers, documents, SUNAT jobs, the
        // customer's link and mail, the history, and the public API (HexaFac).
        .target(
            name: "Invoicing",
            dependencies: ["Core", "Shared", "EInvoicing", "EInvoicingXML", "EInvoicingPDF", "EInvoiceEngine", "SUNATClient"],
            path: "Platform/Invoicing"
        ),
        // Memberships and killer mode: plans, subscriptions, charges, the dunning sweep, the gate.
        .target(name: "Billing", dependencies: ["Core", "Shared", "Payments", "Invoicing"], path: "Platform/Billing"),
        // Sales reports: figures from the invoicing documents, charts, Excel and PDF downloads.
        .target(name: "Reports", dependencies: ["Core", "Shared", "Invoicing", "XLSXWriter", "EInvoicingPDF"], path: "Platform/Reports"),
        .target(name: "Onboarding", dependencies: ["Core"], path: "Onboarding"),
        // The salon niche: catalogue, schedules, bookings held while paid, agenda, public booking page.
        .target(name: "Salon", dependencies: ["Core", "Shared", "Payments", "Invoicing"], path: "Niches/Salon"),
        .target(name: "Minimarket", dependencies: ["Core", "Shared", "Payments", "Invoicing"], path: "Niches/Minimarket"),
        .executableTarget(
            name: "Server", dependencies: ["Core", "Notifications", "Webhooks", "Payments", "Invoicing", "Billing", "Reports", "Onboarding", "Salon", "Minimarket", "EInvoiceEngine"],
            path: "Platform/Server"),
        // Test and benchmark helper: a worker process with a probe job kind (see bench/README.md).
        .executableTarget(name: "JobProbe", dependencies: ["Core", "Notifications", "Webhooks"], path: "bench/JobProbe"),
        .executableTarget(name: "AvailabilityBench", dependencies: ["Shared"], path: "bench/AvailabilityBench"),
        .executableTarget(name: "EInvoiceBench", dependencies: ["EInvoiceEngine", "EInvoicing", "EInvoicingXML", "EInvoicingPDF", "Shared"], path: "bench/EInvoiceBench"),
        // Load generator for the minimarket's sales/s through the real server's API (bench/README.md).
        .executableTarget(name: "SalesBench", dependencies: [.product(name: "AsyncHTTPClient", package: "async-http-client")],
                          path: "bench/SalesBench"),
        .testTarget(name: "SharedTests", dependencies: ["Shared"], path: "Tests/SharedTests"),
        // Runs the Python servers the tests talk to (tests/support/*.py); shared by the test targets.
        .target(
            name: "TestSupport",
            dependencies: ["PaymentProviders", "Shared", .product(name: "AsyncHTTPClient", package: "async-http-client")],
            path: "Tests/TestSupport"
        ),
        .testTarget(name: "SMTPClientTests", dependencies: ["SMTPClient", "TestSupport"], path: "Tests/SMTPClientTests"),
        .testTarget(name: "MessagingTests", dependencies: ["Messaging", "TestSupport"], path: "Tests/MessagingTests"),
        .testTarget(name: "PaymentProvidersTests", dependencies: ["PaymentProviders", "TestSupport"],
                    path: "Tests/PaymentProvidersTests"),
        .testTarget(name: "EInvoicingTests", dependencies: ["EInvoicing", "Shared"], path: "Tests/EInvoicingTests"),
        .testTarget(name: "EInvoicingXMLTests", dependencies: ["EInvoicingXML", "TestSupport"], path: "Tests/EInvoicingXMLTests"),
        .testTarget(
            name: "SUNATClientTests",
            dependencies: ["SUNATClient", "EInvoiceEngine", "EInvoicingXML", "TestSupport", .product(name: "Crypto", package: "swift-crypto")],
            path: "Tests/SUNATClientTests"),
        .testTarget(name: "EInvoicingPDFTests", dependencies: ["EInvoicingPDF", "Shared", "TestSupport"], path: "Tests/EInvoicingPDFTests"),
        .testTarget(name: "XLSXWriterTests", dependencies: ["XLSXWriter", "Shared", "TestSupport"], path: "Tests/XLSXWriterTests"),
        .testTarget(
            name: "EInvoiceEngineTests",
            dependencies: ["EInvoiceEngine", "EInvoicing", "EInvoicingXML", "EInvoicingPDF", "Shared", "TestSupport"],
            path: "Tests/EInvoiceEngineTests"
        ),
        .testTarget(
            name: "CoreTests",
            dependencies: [
                "Core", "Onboarding", "Webhooks", "Notifications", "Payments", "Invoicing", "Billing", "Reports", "Salon", "Minimarket",
                "TestSupport", "SUNATClient",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            path: "Tests/CoreTests"
        ),
    ],
    swiftLanguageModes: [.v6]
)
