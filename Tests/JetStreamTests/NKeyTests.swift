import JetStream
import NATSClient
import Testing

/// nkey seeds: base32, the CRC-16 checksum, and the key type.
@Suite("nkey seeds")
struct NKeyTests {
    @Test("a seed reads back to the same public key, which starts with U")
    func roundTrip() throws {
        let key = NKey(randomUser: ())
        #expect(key.seed.hasPrefix("SU"))
        #expect(key.publicKey.hasPrefix("U"))
        #expect(key.publicKey.count == 56)
        #expect(try NKey(seed: key.seed).publicKey == key.publicKey)
    }

    @Test("a seed with one character changed fails its checksum instead of signing wrongly")
    func checksum() throws {
        var seed = Array(NKey(randomUser: ()).seed)
        seed[10] = seed[10] == "A" ? "B" : "A"
        let error = #expect(throws: JetStreamError.self) { _ = try NKey(seed: String(seed)) }
        #expect(error?.code == "nats.config")
    }

    @Test("text that is not a seed is refused", arguments: ["", "not base32!", "UABC", "SU"])
    func notSeed(_ text: String) {
        #expect(throws: JetStreamError.self) { _ = try NKey(seed: text) }
    }

    @Test("a creds file yields its JWT and seed")
    func creds() throws {
        let seed = NKey(randomUser: ()).seed
        let text = """
            -----BEGIN NATS USER JWT-----
            eyJhbGciOiJlZDI1NTE5In0.e30.sig
            ------END NATS USER JWT------

            ************************* IMPORTANT *************************
            NKEY Seed printed below can be used to sign and prove identity.

            -----BEGIN USER NKEY SEED-----
            \(seed)
            ------END USER NKEY SEED------
            """
        let credentials = try NATSCredentials(text: text)
        #expect(credentials.jwt == "eyJhbGciOiJlZDI1NTE5In0.e30.sig")
        #expect(credentials.seed == seed)
    }
}
