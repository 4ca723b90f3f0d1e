@testable import Billing
@testable import Core
import Fluent
import Foundation
import Notifications
import Shared
import Testing
import Vapor
import VaporTesting

extension AllTests {
    @Suite struct TeamTests {}
}

/// A business on the basic plan (2 staff users), its owner signed in on the team page.
private func teamWorld(_ app: Application) async throws -> (Business, Browser) {
    let business = try await makeBusiness(app, name: "Bodega Equipo", email: "dueno@example.pe")
    try await Memberships.start(tenantID: business.id, today: LimaDate(app.clock.now()), now: app.clock.now(),
                                registry: app.modules, on: app.db)
    let owner = try await ownerBrowser(app, business, opening: "/t/\(business.tenant.slug)/team")
    return (business, owner)
}

/// The token in the last invitation mail to `email`.
private func invitationToken(_ app: Application, to email: String) async throws -> String {
    let mail = try #require(try await NotificationMessage.query(on: app.db).filter(\.$template == "team.invitation")
        .filter(\.$recipient == email).sort(\.$createdAt, .descending).first())
    let link = try #require(mail.bodyText.split(whereSeparator: \.isWhitespace).first { $0.contains("/invite/") })
    return String(link.split(separator: "/").last!)
}

extension AllTests.TeamTests {
    /// Invited by e-mail, a new person creates their account from the link and is staff at once;
    /// the link works once.
    @Test func anInvitedPersonJoinsFromTheLinkOnce() async throws {
        try await withTestApp { app in
            let (business, owner) = try await teamWorld(app)
            let slug = business.tenant.slug
            let sent = try await owner.post("/t/\(slug)/team/invitations", [("email", "Caja@Example.pe"), ("role", "staff")])
            #expect(sent.location == "/t/\(slug)/team?invited=caja@example.pe")
            #expect(try await owner.get("/t/\(slug)/team").body.contains("caja@example.pe"))
            let token = try await invitationToken(app, to: "caja@example.pe")

            let newcomer = Browser(app)
            let page = try await newcomer.get("/invite/\(token)")
            #expect(page.status == .ok && page.body.contains(#"data-mode="create""#) && page.body.contains("Bodega Equipo"))
            let short = try await newcomer.post("/invite/\(token)", [("name", "Carla"), ("password", "corta")])
            #expect(short.status == .unprocessableEntity && short.body.contains(#"id="error-password""#))
            let joined = try await newcomer.post("/invite/\(token)", [("name", "Carla"), ("password", "clave-segura-456")])
            #expect(joined.location == "/t/\(slug)")
            #expect(try await newcomer.get("/t/\(slug)").status == .ok)
            let user = try #require(try await User.query(on: app.db).filter(\.$email == "caja@example.pe").first())
            let member = try #require(try await TenantMember.query(on: app.db).filter(\.$user.$id == user.requireID()).first())
            #expect(member.role == .staff && member.$tenant.id == business.id)
            // Staff cannot manage the team; the link is spent.
            #expect(try await newcomer.get("/t/\(slug)/team").status == .forbidden)
            #expect(try await Browser(app).get("/invite/\(token)").status == .gone)
            #expect(try await Browser(app).get("/invite/not-a-token").status == .gone)
        }
    }

    /// The basic plan has 2 staff users: pending invitations count, a renewed invitation does not
    /// count twice, owners do not count, and removing someone frees the place.
    @Test func thePlansStaffLimitIsEnforcedWithTheReason() async throws {
        try await withTestApp { app in
            let (business, owner) = try await teamWorld(app)
            let slug = business.tenant.slug
            for email in ["a@example.pe", "b@example.pe", "a@example.pe"] {
                let sent = try await owner.post("/t/\(slug)/team/invitations", [("email", email), ("role", "staff")])
                #expect(sent.status == .seeOther, "\(email): \(sent.status)")
            }
            let third = try await owner.post("/t/\(slug)/team/invitations", [("email", "c@example.pe"), ("role", "staff")])
            #expect(third.status == .paymentRequired && third.body.contains("incluye 2 usuarios de personal"))
            #expect(try await owner.post("/t/\(slug)/team/invitations", [("email", "socia@example.pe"), ("role", "owner")]).status == .seeOther)

            let pending = try #require(try await TenantInvitation.query(on: app.db).filter(\.$email == "b@example.pe").first())
            _ = try await owner.get("/t/\(slug)/team")
            let revoked = try await owner.post("/t/\(slug)/team/invitations/\(pending.id!.uuidString.lowercased())/revoke", [])
            #expect(revoked.location == "/t/\(slug)/team")
            #expect(try await owner.post("/t/\(slug)/team/invitations", [("email", "c@example.pe"), ("role", "staff")]).status == .seeOther)
        }
    }

    /// Bad input gets the field and the reason; nothing is sent.
    @Test func badInvitationsAreRefusedWithTheField() async throws {
        try await withTestApp { app in
            let (business, owner) = try await teamWorld(app)
            let slug = business.tenant.slug
            let badEmail = try await owner.post("/t/\(slug)/team/invitations", [("email", "no-es-correo"), ("role", "staff")])
            #expect(badEmail.status == .unprocessableEntity && badEmail.body.contains(#"id="error-email""#))
            let badRole = try await owner.post("/t/\(slug)/team/invitations", [("email", "x@example.pe"), ("role", "customer")])
            #expect(badRole.status == .unprocessableEntity && badRole.body.contains(#"id="error-role""#))
            let member = try await owner.post("/t/\(slug)/team/invitations", [("email", "dueno@example.pe"), ("role", "staff")])
            #expect(member.status == .conflict && member.body.contains("ya es parte del negocio"))
            #expect(try await NotificationMessage.query(on: app.db).filter(\.$template == "team.invitation").count() == 0)

            // Neither oneself nor the last owner can be removed; a staff member can.
            let me = try #require(try await TenantMember.query(on: app.db).filter(\.$user.$id == business.owner.requireID()).first())
            let selfRemoval = try await owner.post("/t/\(slug)/team/members/\(me.id!.uuidString.lowercased())/remove", [])
            #expect(selfRemoval.status == .conflict)
            let staff = try await addMember(app, to: business, email: "staff@example.pe", role: .staff)
            let row = try #require(try await TenantMember.query(on: app.db).filter(\.$user.$id == staff.requireID()).first())
            let removed = try await owner.post("/t/\(slug)/team/members/\(row.id!.uuidString.lowercased())/remove", [])
            #expect(removed.location == "/t/\(slug)/team?removed=true")
            #expect(try await User.find(staff.id, on: app.db) != nil, "the user stays; only the access goes")
        }
    }

    /// Someone with an account signs in first, then joins with one click; another business's
    /// invitation cannot be revoked from here.
    @Test func anExistingUserSignsInThenJoins() async throws {
        try await withTestApp { app in
            let (business, owner) = try await teamWorld(app)
            let other = try await makeBusiness(app, name: "Otra Bodega", email: "otra@example.pe")
            _ = try await owner.post("/t/\(business.tenant.slug)/team/invitations", [("email", "otra@example.pe"), ("role", "owner")])
            let token = try await invitationToken(app, to: "otra@example.pe")
            let visitor = Browser(app)
            #expect(try await visitor.get("/invite/\(token)").body.contains(#"data-mode="login""#))
            let unsigned = try await visitor.post("/invite/\(token)", [("_csrf", "x")])
            #expect([.conflict, .forbidden].contains(unsigned.status) && unsigned.location == nil)
            try await signIn(visitor, "otra@example.pe", other.password)
            #expect(try await visitor.get("/invite/\(token)").body.contains(#"data-mode="join""#))
            #expect(try await visitor.post("/invite/\(token)", []).location == "/t/\(business.tenant.slug)")
            let role = try await TenantMember.query(on: app.db).filter(\.$tenant.$id == business.id)
                .filter(\.$user.$id == other.owner.requireID()).first()?.role
            #expect(role == .owner)

            let foreign = try await ownerBrowser(app, other, opening: "/t/\(other.tenant.slug)/team")
            _ = try await owner.post("/t/\(business.tenant.slug)/team/invitations", [("email", "z@example.pe"), ("role", "staff")])
            let invitation = try #require(try await TenantInvitation.query(on: app.db).filter(\.$email == "z@example.pe").first())
            let attempt = try await foreign.post("/t/\(other.tenant.slug)/team/invitations/\(invitation.id!.uuidString.lowercased())/revoke", [])
            #expect(attempt.status == .notFound)
        }
    }
}
