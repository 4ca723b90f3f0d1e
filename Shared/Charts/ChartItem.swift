/// One labelled value of a chart: a bar, a share. Values are céntimos or counts (the caller
/// formats them); the color is a CSS "#rrggbb", nil (or invalid) for the chart's own.
public struct ChartItem: Sendable, Equatable {
    public var label: String
    public var value: Int
    public var color: String?

    public init(label: String, value: Int, color: String? = nil) {
        self.label = label
        self.value = value
        self.color = color
    }
}
