import Foundation

/// What a small Lima salon usually offers, with usual times and prices (IGV included): the
/// owner's templates on the services page, and the demo salon's catalogue.
struct ServiceTemplate: Sendable {
    let key: String
    let name: String
    let minutes: Int
    let cents: Int64
    /// Preparing before and cleaning after, in minutes: the stylist is busy, the client is not.
    let before: Int
    let after: Int
    let skill: String

    static let all = [
        ServiceTemplate(key: "alisado_corto", name: "Alisado corto", minutes: 120, cents: 15000, before: 0, after: 15, skill: "alisado"),
        ServiceTemplate(key: "alisado_largo", name: "Alisado largo", minutes: 180, cents: 25000, before: 0, after: 15, skill: "alisado"),
        ServiceTemplate(key: "keratina", name: "Keratina", minutes: 150, cents: 18000, before: 0, after: 15, skill: "keratina"),
        ServiceTemplate(key: "nano", name: "Nanoplastia", minutes: 180, cents: 28000, before: 0, after: 15, skill: "keratina"),
        ServiceTemplate(key: "corte", name: "Corte", minutes: 45, cents: 3500, before: 0, after: 10, skill: "corte"),
        ServiceTemplate(key: "tinte", name: "Tinte", minutes: 120, cents: 12000, before: 10, after: 15, skill: "tinte"),
    ]

    func service(tenantID: UUID, now: Date) -> SalonService {
        let row = SalonService()
        (row.tenantID, row.name, row.duration, row.priceCents) = (tenantID, name, minutes, cents)
        (row.bufferBefore, row.bufferAfter, row.skill, row.active, row.createdAt) = (before, after, skill, true, now)
        return row
    }
}
