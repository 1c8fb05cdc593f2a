import { generate } from "selfsigned";

export interface EmulatorCertificate {
  /** The CA clients trust (per connection: `ca` option, or NODE_EXTRA_CA_CERTS for a whole process). */
  caPem: string;
  /** The server's certificate, signed by the CA, for `localhost` and `127.0.0.1`. */
  certPem: string;
  keyPem: string;
}

/**
 * A throw-away CA and a server certificate signed by it, made at every start. The CA's key is never
 * written anywhere; only its certificate is handed to clients. EC P-256 keeps generation in milliseconds.
 */
export async function createCertificate(now = new Date()): Promise<EmulatorCertificate> {
  const notBeforeDate = new Date(now.getTime() - 60_000);
  const notAfterDate = new Date(now.getTime() + 30 * 24 * 3600 * 1000);
  const ca = await generate([{ name: "commonName", value: "tenant-provisioning local emulator CA" }], {
    keyType: "ec",
    algorithm: "sha256",
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: "basicConstraints", cA: true, pathLenConstraint: 0, critical: true },
      { name: "keyUsage", keyCertSign: true, cRLSign: true, critical: true },
    ],
  });
  const leaf = await generate([{ name: "commonName", value: "localhost" }], {
    keyType: "ec",
    algorithm: "sha256",
    notBeforeDate,
    notAfterDate,
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: "basicConstraints", cA: false },
      { name: "keyUsage", digitalSignature: true, keyEncipherment: true, critical: true },
      { name: "extKeyUsage", serverAuth: true },
      {
        name: "subjectAltName",
        altNames: [
          { type: 2, value: "localhost" },
          { type: 7, ip: "127.0.0.1" },
        ],
      },
    ],
  });
  return { caPem: ca.cert, certPem: leaf.cert, keyPem: leaf.private };
}
