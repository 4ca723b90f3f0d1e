import Shared
import Vapor

/// Turns every error into a clear answer: JSON `{"error": ..., "fields": {...}}` for the API,
/// a page in the user's language for browsers. Unexpected errors are logged and answered with
/// a generic 500 that never leaks internals.
struct PlatformErrorMiddleware: AsyncMiddleware {
    struct ErrorBody: Content {
        let error: String
        var code: String? = nil
        let fields: [String: String]?
        var problems: [Problem]? = nil
    }

    struct Problem: Content {
        let pointer: String
        let rule: String
        let message: String
    }

    struct Description {
        var status: HTTPResponseStatus
        var body: ErrorBody
        var headers: HTTPHeaders = [:]
    }

    struct ErrorPage: Encodable {
        let status: UInt
        let message: String
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let described = describe(error, for: request)
            let status = described.status
            if status == .internalServerError {
                request.logger.report(error: error)
            }
            let response: Response
            if request.wantsJSON {
                response = Response(status: status)
                try response.content.encode(described.body, as: .json)
            } else {
                response = try await request.renderPage(
                    "error", ErrorPage(status: status.code, message: described.body.error), title: "\(status.code)")
                    .encodeResponse(status: status, for: request)
            }
            for (name, value) in described.headers { response.headers.replaceOrAdd(name: name, value: value) }
            return response
        }
    }

    private func describe(_ error: any Error, for request: Request) -> Description {
        switch error {
        case let fieldErrors as FieldErrors:
            return Description(status: .unprocessableEntity, body: ErrorBody(error: request.t("error.validation"), fields: fieldErrors.fields))
        case let keys as FieldErrorKeys:
            return describe(keys.translated(request.language), for: request)
        case let problems as InputProblems:
            let language = request.language
            let list = problems.problems.map {
                Problem(pointer: $0.pointer, rule: $0.rule, message: language == .en ? $0.messageEn : $0.message)
            }
            return Description(status: .unprocessableEntity, body: ErrorBody(
                error: request.t("error.validation"), code: "validation_failed", fields: problems.fields(in: language), problems: list))
        case let decoding as DecodingError:
            let (field, reason) = decoding.fieldAndReason(request)
            return Description(status: .badRequest, body: ErrorBody(error: request.t("error.validation"), fields: [field: reason]))
        case let apiError as APIError:
            return Description(status: apiError.status, body: ErrorBody(error: apiError.message, code: apiError.code, fields: nil))
        case let abort as any AbortError:
            let message = abort.status == .notFound ? request.t("error.not_found")
                : (abort.reason == abort.status.reasonPhrase ? request.t("error.generic") : abort.reason)
            let codes: [HTTPResponseStatus: String] = [.notFound: "not_found", .unauthorized: "unauthorized", .forbidden: "forbidden",
                                                       .unsupportedMediaType: "unsupported_media_type", .payloadTooLarge: "payload_too_large"]
            let code = codes[abort.status]
            return Description(status: abort.status, body: ErrorBody(error: message, code: code, fields: nil), headers: abort.headers)
        default:
            return Description(status: .internalServerError, body: ErrorBody(error: request.t("error.internal"), fields: nil))
        }
    }
}

extension DecodingError {
    /// The JSON/form field at fault and why, for a 400 a person can act on.
    func fieldAndReason(_ request: Request) -> (String, String) {
        func name(_ path: [any CodingKey]) -> String {
            path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        }
        switch self {
        case .keyNotFound(let key, let context):
            return (name(context.codingPath + [key]), request.t("field.required"))
        case .valueNotFound(_, let context):
            return (name(context.codingPath), request.t("field.required"))
        case .typeMismatch(let type, let context):
            return (name(context.codingPath), request.t("field.wrong_type") + " (\(type))")
        case .dataCorrupted(let context):
            return (context.codingPath.isEmpty ? "body" : name(context.codingPath), request.t("field.malformed"))
        @unknown default:
            return ("body", request.t("field.malformed"))
        }
    }
}
