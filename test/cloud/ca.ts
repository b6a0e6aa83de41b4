/**
 * A test CA made fresh at every start (nothing is committed) and one server certificate that
 * covers every host the local Azure answers for. The extensions are the ones strict verifiers
 * (OpenSSL 3 / Python's X509_STRICT, Node) insist on: CA basicConstraints and keyUsage marked
 * critical, key identifiers on both certificates, serverAuth, and the names only in the SAN.
 */
import { generateKeyPair, randomBytes } from "node:crypto";
import { promisify } from "node:util";
import forge from "node-forge";

const generateRsaKeyPair = promisify(generateKeyPair);

export interface TestPki {
  caPem: string;
  certPem: string;
  keyPem: string;
}

async function createRsaKeyPem(): Promise<{ privatePem: string; publicPem: string }> {
  const { privateKey, publicKey } = await generateRsaKeyPair("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  return { privatePem: privateKey, publicPem: publicKey };
}

function createSerialHex(): string {
  // Positive, non-zero, 16 bytes: what RFC 5280 asks of serial numbers.
  const bytes = randomBytes(16);
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x01;
  return bytes.toString("hex");
}

function createValidity(cert: forge.pki.Certificate, days: number): void {
  const now = Date.now();
  // Back-dated a little so clients with a slightly slow clock accept it at once.
  cert.validity.notBefore = new Date(now - 60 * 60 * 1000);
  cert.validity.notAfter = new Date(now + days * 24 * 60 * 60 * 1000);
}

export async function createTestPki(hostNames: readonly string[]): Promise<TestPki> {
  const [caKeys, serverKeys] = await Promise.all([createRsaKeyPem(), createRsaKeyPem()]);
  const caPrivate = forge.pki.privateKeyFromPem(caKeys.privatePem);
  const caPublic = forge.pki.publicKeyFromPem(caKeys.publicPem);
  const serverPublic = forge.pki.publicKeyFromPem(serverKeys.publicPem);

  const caSubject = [
    { name: "commonName", value: "Key Vault Sync Local Azure Test CA" },
    { name: "organizationName", value: "Key Vault Sync tests" },
  ];
  const ca = forge.pki.createCertificate();
  ca.publicKey = caPublic;
  ca.serialNumber = createSerialHex();
  createValidity(ca, 30);
  ca.setSubject(caSubject);
  ca.setIssuer(caSubject);
  ca.setExtensions([
    { name: "basicConstraints", cA: true, pathLenConstraint: 0, critical: true },
    { name: "keyUsage", keyCertSign: true, cRLSign: true, critical: true },
    { name: "subjectKeyIdentifier" },
    { name: "authorityKeyIdentifier", keyIdentifier: true },
  ]);
  ca.sign(caPrivate, forge.md.sha256.create());

  const server = forge.pki.createCertificate();
  server.publicKey = serverPublic;
  server.serialNumber = createSerialHex();
  createValidity(server, 30);
  server.setSubject([{ name: "commonName", value: hostNames[0] ?? "localhost" }]);
  server.setIssuer(caSubject);
  server.setExtensions([
    { name: "basicConstraints", cA: false, critical: true },
    { name: "keyUsage", digitalSignature: true, keyEncipherment: true, critical: true },
    { name: "extKeyUsage", serverAuth: true },
    { name: "subjectAltName", altNames: hostNames.map((value) => ({ type: 2, value })) },
    { name: "subjectKeyIdentifier" },
    // forge derives the key identifier from the issuer certificate's public key.
    { name: "authorityKeyIdentifier", keyIdentifier: ca.generateSubjectKeyIdentifier().getBytes() },
  ]);
  server.sign(caPrivate, forge.md.sha256.create());

  return {
    caPem: forge.pki.certificateToPem(ca),
    certPem: forge.pki.certificateToPem(server),
    keyPem: serverKeys.privatePem,
  };
}
