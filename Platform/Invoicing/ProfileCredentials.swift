import Core
import EInvoicingXML
import Foundation
import SUNATClient

/// The sealed parts of a profile: the signing certificate and the SOL password.
struct ProfileCredentials {
    struct StoredCertificate: Codable {
        let key: String
        let certificate: String
    }

    let box: SecretBox

    init(secretKey: String) {
        box = SecretBox(secretKey: secretKey, purpose: InvoicingProfile.credentialsPurpose)
    }

    func seal(_ certificate: SigningCertificate) throws -> String {
        let pair = certificate.pemPair
        let stored = StoredCertificate(key: String(decoding: pair.key, as: UTF8.self),
                                       certificate: String(decoding: pair.certificate, as: UTF8.self))
        return try box.seal(String(decoding: try JSONEncoder().encode(stored), as: UTF8.self))
    }

    func certificate(of profile: InvoicingProfile) throws -> SigningCertificate {
        guard let json = box.open(profile.certificateSealed),
              let stored = try? JSONDecoder().decode(StoredCertificate.self, from: Data(json.utf8)) else {
            throw InvoicingFailure.credentials("the signing certificate cannot be opened (was SECRET_KEY changed?)")
        }
        return try SigningCertificate.pem(key: Data(stored.key.utf8), certificate: Data(stored.certificate.utf8))
    }

    func sol(of profile: InvoicingProfile) throws -> SOLCredentials {
        if profile.environment == .beta && (profile.solUser ?? "").isEmpty {
            // SUNAT's beta takes these public test credentials from everyone.
            return SOLCredentials(ruc: profile.ruc, user: "MODDATOS", password: "moddatos")
        }
        guard let user = profile.solUser, !user.isEmpty, let sealed = profile.solPasswordSealed, let password = box.open(sealed) else {
            throw InvoicingFailure.credentials("the SOL user and password are not set")
        }
        return SOLCredentials(ruc: profile.ruc, user: user, password: password)
    }
}

/// Why a document could not go further, for the job log and the owner.
enum InvoicingFailure: Error, CustomStringConvertible {
    case credentials(String)
    case missing(String)

    var description: String {
        switch self {
        case .credentials(let text), .missing(let text): text
        }
    }
}
