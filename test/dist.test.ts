import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// dist/ is what the runner executes; it must be exactly what `npm run bundle` makes of src/.
describe("dist/", () => {
  const fresh = mkdtempSync(join(tmpdir(), "kvs-dist-"));
  afterAll(() => rmSync(fresh, { recursive: true, force: true }));

  it("matches a fresh bundle of src/", { timeout: 180_000 }, () => {
    execFileSync("npx", ["ncc", "build", "src/index.ts", "-o", fresh, "--license", "licenses.txt"], { stdio: "pipe" });
    const committed = readdirSync("dist").sort();
    expect(committed).toEqual(readdirSync(fresh).sort());
    const stale = committed.filter((file) => !readFileSync(join("dist", file)).equals(readFileSync(join(fresh, file))));
    expect(stale, "stale files in dist/: run `npm run bundle` and commit dist/").toEqual([]);
  });
});
