import Messaging
import Testing

@Suite("ProviderError retry rule")
struct ProviderErrorTests {
    @Test(arguments: [400, 401, 403, 404, 409, 413, 422])
    func clientErrorsArePermanent(status: Int) {
        #expect(!ProviderError.isRetryable(status: status))
    }

    @Test(arguments: [408, 429, 500, 502, 503, 504])
    func timeoutsThrottlingAndServerErrorsAreRetryable(status: Int) {
        #expect(ProviderError.isRetryable(status: status))
    }
}
