import Foundation

/// Certificates made with the openssl CLI once per test run, in a temporary folder.
public struct TestCertificates: Sendable {
    public static let password = "Bodega-2026"
    public static let ruc = "20100070970"
    public static let otherRUC = "20131312955"

    public let directory: URL

    public static let shared = Result { try TestCertificates() }

    public func data(_ name: String) throws -> Data { try Data(contentsOf: url(name)) }
    public func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

    private init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("einvoicing-xml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try makeValid()
        try makeExpired()
        try makeOtherRUC()
    }

    /// cert.pem/key.pem, and the same in cert.p12 (OpenSSL 3's AES default), legacy.p12
    /// (RC2/3DES, as older Windows exports), nokey.p12 (certificate only) and
    /// key-encrypted.pem (the key under a password).
    private func makeValid() throws {
        try openssl(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-utf8", "-keyout", "key.pem", "-out", "cert.pem",
                     "-days", "730", "-subj", "/CN=\(Self.ruc)/O=Bodega Rosa Ñañez"])
        try openssl(["pkcs12", "-export", "-inkey", "key.pem", "-in", "cert.pem", "-out", "cert.p12",
                     "-passout", "pass:\(Self.password)"])
        try openssl(["pkcs12", "-export", "-legacy", "-inkey", "key.pem", "-in", "cert.pem", "-out", "legacy.p12",
                     "-passout", "pass:\(Self.password)"])
        try openssl(["pkcs12", "-export", "-nokeys", "-in", "cert.pem", "-out", "nokey.p12",
                     "-passout", "pass:\(Self.password)"])
        try openssl(["pkey", "-in", "key.pem", "-aes256", "-out", "key-encrypted.pem", "-passout", "pass:\(Self.password)"])
    }

    /// expired-cert.pem: valid during 2020 only. `req -x509` cannot start in the past, but
    /// `ca -selfsign` takes explicit start and end dates.
    private func makeExpired() throws {
        try FileManager.default.createDirectory(at: url("ca"), withIntermediateDirectories: true)
        try Data().write(to: url("ca/index.txt"))
        try Data("01\n".utf8).write(to: url("ca/serial"))
        try Data(Self.caConfig.utf8).write(to: url("ca.cnf"))
        try openssl(["req", "-newkey", "rsa:2048", "-nodes", "-keyout", "expired-key.pem", "-out", "expired.csr",
                     "-subj", "/CN=\(Self.ruc)/O=Bodega Rosa"])
        try openssl(["ca", "-batch", "-config", "ca.cnf", "-selfsign", "-keyfile", "expired-key.pem",
                     "-in", "expired.csr", "-out", "expired-cert.pem", "-notext",
                     "-startdate", "20200101000000Z", "-enddate", "20210101000000Z"])
    }

    /// other.p12: another company's certificate, its RUC in serialNumber.
    private func makeOtherRUC() throws {
        try openssl(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "other-key.pem", "-out", "other-cert.pem",
                     "-days", "30", "-subj", "/serialNumber=\(Self.otherRUC)/CN=Otra Empresa SAC"])
        try openssl(["pkcs12", "-export", "-inkey", "other-key.pem", "-in", "other-cert.pem", "-out", "other.p12",
                     "-passout", "pass:\(Self.password)"])
    }

    private func openssl(_ arguments: [String]) throws {
        try Shell.require("openssl", arguments, in: directory)
    }

    private static let caConfig = """
        [ ca ]
        default_ca = local
        [ local ]
        database = ca/index.txt
        serial = ca/serial
        new_certs_dir = ca
        default_md = sha256
        policy = anything
        unique_subject = no
        [ anything ]
        commonName = supplied
        organizationName = optional
        """
}
