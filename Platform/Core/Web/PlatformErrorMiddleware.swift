import Vapor

/// Turns every error into a clear answer: JSON `{"error": ..., "fields": {...}}` for the API,
/// a page in the user's language for browsers. Unexpected errors are logged and answered with
/// a generic 500 that never leaks internals.
struct PlatformErrorMiddleware: AsyncMiddleware {
    struct ErrorBody: Content {
        let error: String
        let fields: [String: String]?
    }

    struct ErrorPage: Encodable {
        let status: UInt
        let message: String
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let (status, message, fields, headers) = describe(error, for: request)
            if status == .internalServerError {
                request.logger.report(error: error)
            }
            let response: Response
            if request.wantsJSON {
                response = Response(status: status)
                try response.content.encode(ErrorBody(error: message, fields: fields), as: .json)
            } else {
                response = try await request.renderPage(
                    "error", ErrorPage(status: status.code, message: message), title: "\(status.code)")
                    .encodeResponse(status: status, for: request)
            }
            for (name, value) in headers { response.headers.replaceOrAdd(name: name, value: value) }
            return response
        }
    }

    private func describe(_ error: any Error, for request: Request)
        -> (HTTPResponseStatus, String, [String: String]?, HTTPHeaders) {
        switch error {
        case let fieldErrors as FieldErrors:
            return (.unprocessableEntity, request.t("error.validation"), fieldErrors.fields, [:])
        case let decoding as DecodingError:
            let (field, reason) = decoding.fieldAndReason(request)
            return (.badRequest, request.t("error.validation"), [field: reason], [:])
        case let abort as any AbortError:
            let message = abort.status == .notFound ? request.t("error.not_found")
                : (abort.reason == abort.status.reasonPhrase ? request.t("error.generic") : abort.reason)
            return (abort.status, message, nil, abort.headers)
        default:
            return (.internalServerError, request.t("error.internal"), nil, [:])
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
