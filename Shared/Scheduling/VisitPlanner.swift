import Foundation

/// Several services in one visit, back to back for the client (corte, then tinte): each service
/// starts when the one before ends. One person doing them all is preferred (their buffers apply
/// around the whole run); otherwise each service gets its own qualified person.
public struct VisitPlan<ID: Hashable & Comparable & Sendable>: Sendable, Hashable {
    public struct Item: Sendable, Hashable {
        public let service: Int
        public let staff: ID
        public let start: LimaTime
        public let end: LimaTime
        /// The person's time it takes: buffers of the runs they do in a row included.
        public let occupied: TimeSpan
    }

    public let start: LimaTime
    public let items: [Item]
}

public enum VisitPlanner {
    /// Every start of the visit on the grid of `rules` and who does each service, for each date.
    public static func plans<ID>(
        for services: [ServiceNeeds], from first: LimaDate, through last: LimaDate, staff: [Bookable<ID>], rules: BookingRules,
        now: Date
    ) -> [VisitPlan<ID>] {
        guard !services.isEmpty else { return [] }
        let earliest = rules.earliestStart(now: now)
        return rules.dates(from: first, through: last, now: now).flatMap { date -> [VisitPlan<ID>] in
            let days = staff.map { (person: $0, day: PersonDay($0, date: date, holidays: rules.holidays)) }
            let starts = Set(days.flatMap { $0.day.grid(interval: rules.slotInterval) }).filter { $0 >= earliest }.sorted()
            return starts.compactMap { plan(services, at: $0, days: days) }
        }
    }

    /// One person for everything if anyone can (least busy first), else the first assignment
    /// found service by service.
    static func plan<ID>(
        _ services: [ServiceNeeds], at start: LimaTime, days: [(person: Bookable<ID>, day: PersonDay<ID>)]
    ) -> VisitPlan<ID>? {
        var times: [(LimaTime, LimaTime)] = []
        var clock = start
        for service in services {
            times.append((clock, clock.adding(minutes: service.duration)))
            clock = clock.adding(minutes: service.duration)
        }
        let ordered = days.sorted { ($0.day.busyMinutes, $0.person.id) < ($1.day.busyMinutes, $1.person.id) }
        let whole = TimeSpan(start.adding(minutes: -services[0].bufferBefore), clock.adding(minutes: services.last!.bufferAfter))
        if let solo = ordered.first(where: { candidate in
            services.allSatisfy { candidate.person.skills.contains($0.skill) } && candidate.day.isFree(whole)
        }) {
            return VisitPlan(start: start, items: services.indices.map { index in
                .init(service: index, staff: solo.person.id, start: times[index].0, end: times[index].1, occupied: whole)
            })
        }
        guard let items = assign(services, times: times, from: 0, chosen: [], among: ordered) else { return nil }
        return VisitPlan(start: start, items: items)
    }

    /// Depth-first over the qualified people of each service (a visit has few services and a
    /// salon few people), so a greedy early choice never hides an assignment that exists.
    static func assign<ID>(
        _ services: [ServiceNeeds], times: [(LimaTime, LimaTime)], from index: Int, chosen: [VisitPlan<ID>.Item],
        among people: [(person: Bookable<ID>, day: PersonDay<ID>)]
    ) -> [VisitPlan<ID>.Item]? {
        guard index < services.count else { return chosen }
        let occupied = services[index].occupied(from: times[index].0)
        for candidate in people where candidate.person.skills.contains(services[index].skill) && candidate.day.isFree(occupied)
            && !chosen.contains(where: { $0.staff == candidate.person.id && $0.occupied.overlaps(occupied) }) {
            let item = VisitPlan<ID>.Item(service: index, staff: candidate.person.id, start: times[index].0, end: times[index].1,
                                          occupied: occupied)
            if let done = assign(services, times: times, from: index + 1, chosen: chosen + [item], among: people) { return done }
        }
        return nil
    }
}
