/**
 * A test CA made fresh at every start (nothing is committed) and one server certificate that
 * covers every host the local Azure answers for. The extensions are the ones strict verifiers
 * (OpenSSL 3 / Python's X509_STRICT, Node) insist on: CA basicConstraints and keyUsage marked
 * critical, key identifiers on both certificates, serverAuth, and the names only in the SAN.
 *
 * Keys are ECDSA P-256: the Azure SDK opens a new tunnel and TLS handshake for every request it
 * sends through a proxy, so the server's signature per handshake is on the benchmarks' hot path,
 * and P-256 signs about twenty times faster than RSA-2048. node-forge builds only RSA
 * certificates, so the DER is assembled here with its ASN.1 helpers and signed by node:crypto.
 */
/* eslint-disable @typescript-eslint/no-unsafe-enum-assignment -- node-forge types ASN.1 classes and tags as enums but takes the plain numbers its own docs use (CONTEXT, UNIVERSAL). */
import { createHash, generateKeyPair, randomBytes, sign, type KeyObject } from "node:crypto";
import { promisify } from "node:util";
import forge from "node-forge";

const generateKeyPairAsync = promisify(generateKeyPair);
const { asn1 } = forge;
const UNIVERSAL = asn1.Class.UNIVERSAL;
const CONTEXT = asn1.Class.CONTEXT_SPECIFIC;
const T = asn1.Type;

const OID = {
  ecdsaWithSha256: "1.2.840.10045.4.3.2",
  commonName: "2.5.4.3",
  organizationName: "2.5.4.10",
  basicConstraints: "2.5.29.19",
  keyUsage: "2.5.29.15",
  extKeyUsage: "2.5.29.37",
  subjectAltName: "2.5.29.17",
  subjectKeyIdentifier: "2.5.29.14",
  authorityKeyIdentifier: "2.5.29.35",
  serverAuth: "1.3.6.1.5.5.7.3.1",
};

export interface TestPki {
  caPem: string;
  certPem: string;
  keyPem: string;
}

interface KeyPair {
  privateKey: KeyObject;
  spkiDer: Buffer;
  keyIdentifier: Buffer;
}

type Asn1 = forge.asn1.Asn1;

function encodeSequence(items: Asn1[]): Asn1 {
  return asn1.create(UNIVERSAL, T.SEQUENCE, true, items);
}

function encodeOid(value: string): Asn1 {
  return asn1.create(UNIVERSAL, T.OID, false, asn1.oidToDer(value).getBytes());
}

function encodeOctets(bytes: Buffer): Asn1 {
  return asn1.create(UNIVERSAL, T.OCTETSTRING, false, bytes.toString("binary"));
}

/** BIT STRING whose first content byte is the count of unused bits. */
function encodeBits(bytes: Buffer, unusedBits = 0): Asn1 {
  return asn1.create(UNIVERSAL, T.BITSTRING, false, String.fromCharCode(unusedBits) + bytes.toString("binary"));
}

function decodeDer(der: Buffer): Asn1 {
  return asn1.fromDer(der.toString("binary"));
}

function encodeDer(node: Asn1): Buffer {
  return Buffer.from(asn1.toDer(node).getBytes(), "binary");
}

function encodeName(attributes: Array<[string, string]>): Asn1 {
  return encodeSequence(
    attributes.map(([type, value]) =>
      asn1.create(UNIVERSAL, T.SET, true, [
        encodeSequence([encodeOid(type), asn1.create(UNIVERSAL, T.UTF8, false, forge.util.encodeUtf8(value))]),
      ]),
    ),
  );
}

function encodeExtension(id: string, critical: boolean, value: Asn1): Asn1 {
  const parts = [encodeOid(id)];
  if (critical) parts.push(asn1.create(UNIVERSAL, T.BOOLEAN, false, String.fromCharCode(0xff)));
  parts.push(encodeOctets(encodeDer(value)));
  return encodeSequence(parts);
}

function createSerial(): Buffer {
  // Positive, non-zero, 16 bytes: what RFC 5280 asks of serial numbers.
  const bytes = randomBytes(16);
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x01;
  return bytes;
}

async function createKeyPair(): Promise<KeyPair> {
  const { privateKey, publicKey } = await generateKeyPairAsync("ec", { namedCurve: "P-256" });
  const spkiDer = publicKey.export({ type: "spki", format: "der" });
  // RFC 5280 method 1: SHA-1 of the subjectPublicKey BIT STRING's bits (here the last 65 bytes).
  const keyIdentifier = createHash("sha1")
    .update(spkiDer.subarray(spkiDer.length - 65))
    .digest();
  return { privateKey, spkiDer, keyIdentifier };
}

interface CertificateSpec {
  subject: Array<[string, string]>;
  issuer: Array<[string, string]>;
  subjectKey: KeyPair;
  issuerKey: KeyPair;
  extensions: Asn1[];
}

function createCertificatePem(spec: CertificateSpec): string {
  const now = Date.now();
  const signatureAlgorithm = encodeSequence([encodeOid(OID.ecdsaWithSha256)]);
  const tbs = encodeSequence([
    asn1.create(CONTEXT, 0, true, [asn1.create(UNIVERSAL, T.INTEGER, false, String.fromCharCode(2))]),
    asn1.create(UNIVERSAL, T.INTEGER, false, createSerial().toString("binary")),
    signatureAlgorithm,
    encodeName(spec.issuer),
    encodeSequence([
      // Back-dated a little so clients with a slightly slow clock accept it at once.
      asn1.create(UNIVERSAL, T.UTCTIME, false, asn1.dateToUtcTime(new Date(now - 60 * 60 * 1000))),
      asn1.create(UNIVERSAL, T.UTCTIME, false, asn1.dateToUtcTime(new Date(now + 30 * 24 * 60 * 60 * 1000))),
    ]),
    encodeName(spec.subject),
    decodeDer(spec.subjectKey.spkiDer),
    asn1.create(CONTEXT, 3, true, [encodeSequence(spec.extensions)]),
  ]);
  const tbsDer = encodeDer(tbs);
  const signature = sign("sha256", tbsDer, spec.issuerKey.privateKey);
  const der = encodeDer(encodeSequence([decodeDer(tbsDer), encodeSequence([encodeOid(OID.ecdsaWithSha256)]), encodeBits(signature)]));
  const lines = der.toString("base64").match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join("\n")}\n-----END CERTIFICATE-----\n`;
}

function encodeAuthorityKeyIdentifier(issuer: KeyPair): Asn1 {
  return encodeExtension(
    OID.authorityKeyIdentifier,
    false,
    encodeSequence([asn1.create(CONTEXT, 0, false, issuer.keyIdentifier.toString("binary"))]),
  );
}

export async function createTestPki(hostNames: readonly string[]): Promise<TestPki> {
  const [caKey, serverKey] = await Promise.all([createKeyPair(), createKeyPair()]);
  const caName: Array<[string, string]> = [
    [OID.commonName, "Key Vault Sync Local Azure Test CA"],
    [OID.organizationName, "Key Vault Sync tests"],
  ];

  const caPem = createCertificatePem({
    subject: caName,
    issuer: caName,
    subjectKey: caKey,
    issuerKey: caKey,
    extensions: [
      // CA:TRUE, pathLen 0: it signs the server certificate and nothing below it.
      encodeExtension(
        OID.basicConstraints,
        true,
        encodeSequence([
          asn1.create(UNIVERSAL, T.BOOLEAN, false, String.fromCharCode(0xff)),
          asn1.create(UNIVERSAL, T.INTEGER, false, String.fromCharCode(0)),
        ]),
      ),
      // keyCertSign (bit 5) and cRLSign (bit 6): 0b00000110, one unused bit.
      encodeExtension(OID.keyUsage, true, encodeBits(Buffer.from([0x06]), 1)),
      encodeExtension(OID.subjectKeyIdentifier, false, encodeOctets(caKey.keyIdentifier)),
      encodeAuthorityKeyIdentifier(caKey),
    ],
  });

  const certPem = createCertificatePem({
    subject: [[OID.commonName, hostNames[0] ?? "localhost"]],
    issuer: caName,
    subjectKey: serverKey,
    issuerKey: caKey,
    extensions: [
      encodeExtension(OID.basicConstraints, true, encodeSequence([])),
      // digitalSignature (bit 0): 0b10000000, seven unused bits; ECDHE needs nothing else.
      encodeExtension(OID.keyUsage, true, encodeBits(Buffer.from([0x80]), 7)),
      encodeExtension(OID.extKeyUsage, false, encodeSequence([encodeOid(OID.serverAuth)])),
      encodeExtension(OID.subjectAltName, false, encodeSequence(hostNames.map((host) => asn1.create(CONTEXT, 2, false, host)))),
      encodeExtension(OID.subjectKeyIdentifier, false, encodeOctets(serverKey.keyIdentifier)),
      encodeAuthorityKeyIdentifier(caKey),
    ],
  });

  return {
    caPem,
    certPem,
    keyPem: serverKey.privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
  };
}
