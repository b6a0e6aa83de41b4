import { execFile } from "node:child_process";
import { X509Certificate } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPki, type TestPki } from "./ca.ts";
import { listCertificateHostNames } from "./hosts.ts";

let pki: TestPki;
let ca: X509Certificate;
let server: X509Certificate;

beforeAll(async () => {
  pki = await createTestPki(listCertificateHostNames());
  ca = new X509Certificate(pki.caPem);
  server = new X509Certificate(pki.certPem);
});

describe("test PKI", () => {
  it("makes a self-signed CA and a server certificate it signed", () => {
    expect(ca.ca).toBe(true);
    expect(ca.verify(ca.publicKey)).toBe(true);
    expect(server.ca).toBe(false);
    expect(server.checkIssued(ca)).toBe(true);
    expect(server.verify(ca.publicKey)).toBe(true);
    expect(server.keyUsage).toEqual(["1.3.6.1.5.5.7.3.1"]);
  });

  it.each([
    ["login.microsoftonline.com", true],
    ["login.microsoftonline.us", true],
    ["login.chinacloudapi.cn", true],
    ["login.partner.microsoftonline.cn", true],
    ["token.actions.githubusercontent.com", true],
    ["pipelines.actions.githubusercontent.com", true],
    ["management.azure.com", true],
    ["demo-vault.vault.azure.net", true],
    ["gov.vault.usgovcloudapi.net", true],
    ["cn.vault.azure.cn", true],
    ["a.b.vault.azure.net", false],
    ["example.com", false],
  ])("names %s in the server certificate: %s", (host, covered) => {
    expect(server.checkHost(host) !== undefined).toBe(covered);
  });

  it("generates a new CA each time, so no key outlives its run", async () => {
    const other = await createTestPki(["login.microsoftonline.com"]);
    expect(other.caPem).not.toBe(pki.caPem);
  });
});

describe("test PKI under OpenSSL's strict X.509 checks (what Python's ssl applies)", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "pki-"));
    await writeFile(join(dir, "ca.pem"), pki.caPem);
    await writeFile(join(dir, "server.pem"), pki.certPem);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("verifies the server certificate for serverAuth with -x509_strict", async (context) => {
    const result = await new Promise<{ code: number; output: string } | undefined>((resolve) => {
      execFile(
        "openssl",
        ["verify", "-x509_strict", "-purpose", "sslserver", "-CAfile", join(dir, "ca.pem"), join(dir, "server.pem")],
        (error, stdout, stderr) => {
          if (error !== null && (error as NodeJS.ErrnoException).code === "ENOENT") resolve(undefined);
          else resolve({ code: error === null ? 0 : 1, output: `${stdout}${stderr}` });
        },
      );
    });
    if (result === undefined) {
      context.skip("openssl is not installed");
      return;
    }
    expect(result.output).toContain("server.pem: OK");
    expect(result.code).toBe(0);
  });
});
