// ESLint: typescript-eslint's recommended type-checked rules on every TypeScript file; run by .ci/run.
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "node_modules/**",
      "data/**",
      "test-artifacts/**",
      ".scratch/**",
      "bin/**",
      "eslint.config.mjs",
      ".dependency-cruiser.cjs",
      "vitest.config.ts",
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // A leading underscore says « deliberately unused » (a migration's dialect, a destructured field left out).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
  {
    // Vitest's asymmetric matchers (expect.stringMatching, expect.any…) are typed `any` by design.
    files: ["tests/**"],
    rules: { "@typescript-eslint/no-unsafe-assignment": "off" },
  },
);
