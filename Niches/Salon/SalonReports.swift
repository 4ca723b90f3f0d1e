import Core
import Fluent
import Foundation
import Shared

/// The salon's table in the sales report: the paid visits of each stylist.
enum SalonReports {
    static let sections = [byStylist]

    static let byStylist = ReportSection(
        id: "salon-stylists", title: LocalizedText(es: "Atenciones por estilista", en: "Services per stylist"),
        columns: [.init(LocalizedText(es: "Estilista", en: "Stylist")), .init(LocalizedText(es: "Servicios", en: "Services"), numeric: true),
                  .init(LocalizedText(es: "Importe", en: "Amount"), numeric: true)]
    ) { scope, from, to in
        // Confirmed (paid) visits that start on the period's days.
        let start = LimaTime(from, minuteOfDay: 0).minutes
        let end = LimaTime(to.adding(days: 1), minuteOfDay: 0).minutes
        let bookings = try await scope.query(SalonBooking.self).filter(\.$state == .confirmed)
            .filter(\.$startsAt >= start).filter(\.$startsAt < end).all().compactMap(\.id)
        guard !bookings.isEmpty else { return [] }
        let items = try await scope.query(SalonBookingItem.self).filter(\.$bookingID ~~ bookings).all()
        let stylists = Dictionary(uniqueKeysWithValues: try await scope.query(SalonStylist.self).all().compactMap { s in s.id.map { ($0, s.name) } })
        let rows = Dictionary(grouping: items, by: \.stylistID).map { id, items in
            (name: stylists[id] ?? "", count: items.count, cents: items.reduce(Int64(0)) { $0 + $1.priceCents })
        }
        return rows.sorted { ($0.cents, $1.name) > ($1.cents, $0.name) }.map { [.text($0.name), .count($0.count), .money(Money(cents: $0.cents))] }
    }
}
