import Foundation
import ZIPFoundation

/// The zip files SUNAT exchanges: ours hold one signed XML, its CDR zip holds `R-<name>.xml`.
public enum DocumentPackage {
    /// CDRs are a few kilobytes; a bigger entry is not a CDR and must not fill memory.
    static let maxEntrySize = 8 << 20

    /// Zips `signedXML` as `<name>.xml` inside an in-memory zip (to send as `<name>.zip`).
    /// The bytes are stored as given: any re-encoding would break the signature (SUNAT 2334/2335).
    public static func zip(name: String, signedXML: Data) throws -> Data {
        guard !name.isEmpty, !name.contains("/"), !name.hasSuffix(".xml"), !name.hasSuffix(".zip") else {
            throw PackageError("file name \"\(name)\" must be bare, like 20000000001-01-F001-1")
        }
        do {
            let archive = try Archive(accessMode: .create)
            try archive.addEntry(
                with: name + ".xml", type: .file, uncompressedSize: Int64(signedXML.count),
                compressionMethod: .deflate
            ) { position, size in
                signedXML.subdata(in: Int(position)..<Int(position) + size)
            }
            guard let data = archive.data else { throw PackageError("in-memory zip has no data") }
            return data
        } catch let error as PackageError {
            throw error
        } catch {
            throw PackageError("cannot zip \(name).xml: \(error)")
        }
    }

    /// The entries of a zip as file name → content, directories left out.
    public static func entries(of zip: Data) throws -> [String: Data] {
        let archive: Archive
        do {
            archive = try Archive(data: zip, accessMode: .read)
        } catch {
            throw PackageError("not a zip file: \(error)")
        }
        var entries: [String: Data] = [:]
        for entry in archive where entry.type == .file {
            entries[entry.path] = try content(of: entry, in: archive)
        }
        return entries
    }

    /// The ApplicationResponse inside a CDR zip: the `R-*.xml` entry, wherever SUNAT put it
    /// (its zips also carry an empty `dummy/` folder).
    public static func cdrXML(in zip: Data) throws -> (name: String, xml: Data) {
        let entries = try entries(of: zip)
        let cdr = entries.keys.sorted().first { path in
            let file = path.split(separator: "/").last.map(String.init) ?? path
            return file.uppercased().hasPrefix("R-") && file.lowercased().hasSuffix(".xml")
        }
        guard let cdr, let xml = entries[cdr] else {
            throw PackageError("no R-*.xml entry in the CDR zip (entries: \(entries.keys.sorted()))")
        }
        return (cdr, xml)
    }

    private static func content(of entry: Entry, in archive: Archive) throws -> Data {
        guard entry.uncompressedSize <= maxEntrySize else {
            throw PackageError("zip entry \(entry.path) is larger than \(maxEntrySize) bytes")
        }
        var data = Data()
        do {
            _ = try archive.extract(entry) { chunk in
                data.append(chunk)
                if data.count > maxEntrySize { throw PackageError("zip entry \(entry.path) is too large") }
            }
        } catch let error as PackageError {
            throw error
        } catch {
            throw PackageError("cannot unzip \(entry.path): \(error)")
        }
        return data
    }
}
