import Vapor

/// When `SECRET_KEY` is unset, a random key is generated once and kept under the data
/// directory so restarts keep API keys and tokens valid.
enum SecretKeyFile {
    static func loadOrCreate(in directory: String) throws -> String {
        let path = "\(directory)/secret_key"
        if let existing = try? String(contentsOfFile: path, encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines), existing.count >= 32 {
            return existing
        }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let key = RandomToken.make(bytes: 32)
        try key.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        return key
    }
}
