/// Where SUNAT's SOAP services live: `bill` serves sendBill, sendSummary and getStatus
/// (tickets); `consult` serves getStatusCdr.
public struct SUNATEndpoints: Sendable, Equatable {
    public var bill: String
    public var consult: String

    public init(bill: String, consult: String) {
        self.bill = bill
        self.consult = consult
    }

    /// SUNAT's homologation environment (usuario SOL `MODDATOS`). The beta consult URL is the one
    /// every library uses; SUNAT does not document it, and it may be down when beta is.
    public static let beta = SUNATEndpoints(
        bill: "https://e-beta.sunat.gob.pe/ol-ti-itcpfegem-beta/billService",
        consult: "https://e-beta.sunat.gob.pe/ol-it-wsconscpegem-beta/billConsultService")

    public static let production = SUNATEndpoints(
        bill: "https://e-factura.sunat.gob.pe/ol-ti-itcpfegem/billService",
        consult: "https://e-factura.sunat.gob.pe/ol-it-wsconscpegem/billConsultService")
}
