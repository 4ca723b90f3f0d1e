import ConsoleKit
import Foundation
import Vapor

/// `multinicho einvoice build|sign|verify|pdf`: the e-invoicing engine alone, over a JSON
/// document (docs/einvoicing-cli.md). Needs no database, configuration or server.
struct EInvoiceCommands: AsyncCommandGroup {
    static let name = "einvoice"

    var help: String { "SUNAT e-invoicing engine: build, sign, verify or print a document from JSON." }

    var commands: [String: any AnyAsyncCommand] {
        ["build": EInvoiceBuildCommand(), "sign": EInvoiceSignCommand(), "verify": EInvoiceVerifyCommand(),
         "pdf": EInvoicePDFCommand()]
    }

    /// Runs the group straight from the process arguments, without booting the platform, and
    /// turns a failure into a message on stderr and a non-zero exit status (1: invalid input or
    /// signature, 2: usage).
    static func runStandalone(_ arguments: [String]) async -> Int32 {
        let console = Terminal()
        let input = CommandInput(arguments: ["\(arguments.first ?? "multinicho") \(name)"] + arguments.dropFirst(2))
        do {
            try await console.run(EInvoiceCommands(), input: input)
            return 0
        } catch let failure as CLIFailure {
            FileHandle.standardError.write(Data((failure.description + "\n").utf8))
            return 1
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            return 2
        }
    }
}
