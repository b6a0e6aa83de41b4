import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { codeSpan, escapeCell, escapeMarkdown, escapeSyntax, escapeWithCode, fence } from "../../src/action/markdown.ts";
import { renderMarkdown } from "../../tools/summary-html.ts";

/** The text a browser shows for one rendered paragraph. */
function shown(markdown: string): string {
  return renderMarkdown(markdown)
    .replace(/^<p>|<\/p>\n?$/g, "")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&amp;", "&");
}

describe("escapeMarkdown", () => {
  it("gives plain names the same escaping by its quick way as by the general one", () => {
    // Mostly the quick way's alphabet, with a few characters that must send a text the general way.
    const chars = fc.constantFrom("A", "z", "0", "9", "_", "-", ",", " ", ".", ")", "\n", "*", "<", ":", "w");
    fc.assert(
      fc.property(fc.string({ unit: chars, maxLength: 24 }), (text) => {
        expect(escapeMarkdown(text)).toBe(escapeSyntax(text));
      }),
      { numRuns: 3000 },
    );
    expect(escapeMarkdown("BENCH_SECRET_00001")).toBe("BENCH\\_SECRET\\_00001");
    expect(escapeMarkdown("-x")).toBe("\\-x");
    expect(escapeMarkdown("1. x")).toBe("1\\. x");
  });

  it.each([
    "_PRIVATE_KEY_",
    "*star* **strong**",
    "`code`",
    "a|b",
    "[link](https://example.com)",
    "![image](x.png)",
    "back\\slash",
    "~~strike~~",
    "# not a heading",
    "- not a list",
    "+ not a list",
    "1. not a list",
    "2) not a list",
    "> not a quote",
    "&amp; stays &amp;",
    "https://example.com www.example.com user@example.com",
    ":tada: @octocat",
  ])("renders %j as exactly that text", (text) => {
    expect(shown(escapeMarkdown(text))).toBe(text);
  });

  it.each([
    ["<script>alert(1)</script>", "&lt;script&gt;alert\\(1\\)&lt;/script&gt;"],
    ["one\r\ntwo\nthree", "one two three"],
    ["bell\u0007", "bell"],
  ])("%j → %j", (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });
});

describe("escapeWithCode", () => {
  it.each([
    ["grants `id-token: write` to _forks_", "<p>grants <code>id-token: write</code> to _forks_</p>\n"],
    ["a ` alone stays text", "<p>a ` alone stays text</p>\n"],
    ["`<b>` in code", "<p><code>&lt;b&gt;</code> in code</p>\n"],
  ])("%j", (input, expected) => {
    expect(renderMarkdown(escapeWithCode(input))).toBe(expected);
  });
});

describe("escapeCell", () => {
  it.each([
    ["a|b", "a\\|b"],
    ["one\r\ntwo\nthree", "one<br>two<br>three"],
    ["<script>&", "&lt;script&gt;&amp;"],
    ["tab\tok", "tab\tok"],
    ["bell\u0007", "bell"],
  ])("%j → %j", (input, expected) => {
    expect(escapeCell(input)).toBe(expected);
  });
});

describe("codeSpan and fence", () => {
  it.each(["plain", "has ` one", "``double``", "`edge`"])("code span of %j shows it exactly", (text) => {
    expect(renderMarkdown(codeSpan(text))).toBe(`<p><code>${text}</code></p>\n`);
  });

  it("makes a fence longer than any backtick run inside", () => {
    expect(fence("use\n```\nthis\n```", "sh")).toBe("````sh\nuse\n```\nthis\n```\n````");
  });
});
