import Foundation

/// Prints one result line in the format of the other benchmarks:
/// `name: N in S s = R/s | baseline B-name: B/s | ratio R/B`.
func report(_ name: String, _ measured: Measured, baseline baselineName: String, _ baselineRate: Double) {
    let rate = measured.perSecond
    print("\(name): \(measured.count) in \(fixed(measured.seconds, 2)) s = \(fixed(rate, 0))/s"
          + " | baseline \(baselineName): \(fixed(baselineRate, 0))/s | ratio \(fixed(rate / baselineRate, 3))")
}

private func fixed(_ value: Double, _ digits: Int) -> String {
    String(format: "%.\(digits)f", value)
}
