import ConsoleKit
import NIOConcurrencyHelpers
import Vapor

/// A console that keeps what a command prints, to assert on it.
final class RecordingConsole: Console {
    private let lines = NIOLockedValueBox<[String]>([])
    private let info = NIOLockedValueBox<[AnySendableHashable: any Sendable]>([:])

    var output: String { lines.withLockedValue { $0.joined(separator: "\n") } }
    var size: (width: Int, height: Int) { (120, 40) }
    var userInfo: [AnySendableHashable: any Sendable] {
        get { info.withLockedValue { $0 } }
        set { info.withLockedValue { $0 = newValue } }
    }

    func input(isSecure: Bool) -> String { "" }
    func output(_ text: ConsoleText, newLine: Bool) { lines.withLockedValue { $0.append(text.description) } }
    func clear(_ type: ConsoleClear) {}
    func report(error: String, newLine: Bool) { lines.withLockedValue { $0.append(error) } }
}

/// Runs `multinicho <arguments>` against the test app and returns what it printed.
func runCommand(_ app: Application, _ arguments: [String]) async throws -> String {
    let console = RecordingConsole()
    var context = CommandContext(console: console, input: CommandInput(arguments: ["multinicho"] + arguments))
    context.application = app
    try await console.run(app.asyncCommands.group(), with: context)
    return console.output
}
