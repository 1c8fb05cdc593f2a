import { rootCertificates } from "node:tls";
import { caBundle, createCaDispatcher, loadTrustedCa } from "../../src/graph/tls";

const pem = (n: number) => `-----BEGIN CERTIFICATE-----\nTEST${n}\n-----END CERTIFICATE-----\n`;

describe("trust for a private CA", () => {
  it("takes a PEM given directly, and refuses text that is not one, naming where it came from", () => {
    expect(loadTrustedCa({ caPem: pem(1) })).toEqual({ pem: pem(1), source: "the caPem option" });
    expect(() => loadTrustedCa({ caPem: "hello" })).toThrow(
      "the CA certificate from the caPem option is not a PEM certificate",
    );
    expect(loadTrustedCa({ env: {} })).toBeUndefined();
  });

  it("trusts the public roots and the CA together, so one client reaches the emulator and the identity service", () => {
    expect(caBundle({ pem: pem(1), source: "x" })).toEqual([...rootCertificates, pem(1)]);
  });

  it("one connection pool per CA in the process: every client of the same CA shares it, another CA has its own", () => {
    const a = createCaDispatcher({ pem: pem(2), source: "a" });
    expect(createCaDispatcher({ pem: pem(2), source: "another place, the same CA" })).toBe(a);
    expect(createCaDispatcher({ pem: pem(3), source: "b" })).not.toBe(a);
    expect((a as { constructor: { name: string } }).constructor.name).toBe("Agent");
  });
});
