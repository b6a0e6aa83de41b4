// The lint gate `npm test` runs: typescript-eslint's strict type-checked rules over every
// TypeScript file of the project (src, test, tools, scripts, local-azure). Formatting is
// Prettier's job, so the stylistic rules that would fight it are off (eslint-config-prettier).
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "build/", "coverage/"] },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Numbers print the same everywhere; the rule's point is objects and undefined in text.
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      // `(x) => void f(x)`-style shorthands read clearly; statements returning void stay flagged.
      "@typescript-eslint/no-confusing-void-expression": ["error", { ignoreArrowShorthand: true }],
      // `const { plan: _plan, ...rest } = …` and `(_: T) => …` say on purpose that a part is unused.
      "@typescript-eslint/no-unused-vars": ["error", { ignoreRestSiblings: true, argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Tests of the local Azure's REST wire format read JSON bodies as they come (`any`), and
    // their expectations are the type check; typing every body would restate the protocol.
    files: ["local-azure/**/*.test.ts", "local-azure/key-vault/test-support.ts"],
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-return": "off",
    },
  },
  {
    files: ["test/**/*.ts", "local-azure/**/*.test.ts"],
    rules: {
      // A test that assumed wrong fails at the `!` as clearly as at an assertion.
      "@typescript-eslint/no-non-null-assertion": "off",
      // Fakes implement async interfaces without having anything to wait for.
      "@typescript-eslint/require-await": "off",
      // Teardown writes `cloud?.close()`: the setup that assigns it may have failed, which a
      // `let cloud: Cloud` declaration cannot say.
      "@typescript-eslint/no-unnecessary-condition": "off",
      // vitest's asymmetric matchers (expect.any, objectContaining, …) are typed `any`.
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
    },
  },
  {
    // The local Azure's services are objects of closures over their state: no method uses
    // `this`, so handing one on unbound (`stops.push(tls.close)`) is safe.
    files: ["local-azure/**/*.ts"],
    rules: { "@typescript-eslint/unbound-method": "off" },
  },
  {
    files: ["**/*.mjs"],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { process: "readonly", console: "readonly" } },
  },
  prettier,
);
