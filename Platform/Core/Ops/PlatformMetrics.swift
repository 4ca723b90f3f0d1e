import Metrics
import Prometheus

/// One Prometheus registry per process. swift-metrics allows a single bootstrap per process,
/// so it happens in a static initializer that runs once however many apps a test run builds.
public enum PlatformMetrics {
    public static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()
}

extension PlatformMetrics {
    /// `jobs_finished_total{kind, outcome}`: outcome is succeeded, failed (will retry) or dead.
    static func jobFinished(kind: String, outcome: String) {
        _ = registry
        Counter(label: "jobs_finished_total", dimensions: [("kind", kind), ("outcome", outcome)]).increment()
    }
}

extension PlatformMetrics {
    /// `notifications_total{channel, outcome}`: outcome is sent, retrying, failed or held (quiet hours).
    public static func notification(channel: String, outcome: String) {
        _ = registry
        Counter(label: "notifications_total", dimensions: [("channel", channel), ("outcome", outcome)]).increment()
    }
}
