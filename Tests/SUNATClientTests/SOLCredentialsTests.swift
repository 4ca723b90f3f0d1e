import SUNATClient
import Testing

@Suite("Clave SOL credentials")
struct SOLCredentialsTests {
    @Test func usernameIsRUCFollowedByUser() {
        #expect(SOLCredentials(ruc: "20000000001", user: "MODDATOS", password: "x").username == "20000000001MODDATOS")
    }

    @Test func descriptionsNeverShowThePassword() {
        let credentials = SOLCredentials(ruc: "20000000001", user: "MODDATOS", password: "s3cr3t-clave")
        var dumped = ""
        dump(credentials, to: &dumped)
        for text in [String(describing: credentials), String(reflecting: credentials), "\(credentials)", dumped] {
            #expect(!text.contains("s3cr3t-clave"))
            #expect(text.contains("20000000001"))
        }
    }
}
