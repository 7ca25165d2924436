import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import { defineConfig, globalIgnores } from 'eslint/config'
import formatjs from 'eslint-plugin-formatjs'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default defineConfig([
  globalIgnores(['dist', 'src/api/schema.d.ts']),
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, tseslint.configs.recommended, reactHooks.configs.flat.recommended],
    languageOptions: { globals: globals.browser },
    rules: {
      // react-hooks 7 adds the React Compiler's rules to "recommended". The UI is not
      // compiled by it, and what they flag here is deliberate: a dialog resets its
      // fields when it opens (set-state-in-effect), a ref mirrors the latest prop for a
      // long-lived listener (refs), a row compares an expiry with the clock (purity).
      // rules-of-hooks and exhaustive-deps stay on; lint fails on any warning.
      'react-hooks/set-state-in-effect': 'off',
      'react-hooks/refs': 'off',
      'react-hooks/purity': 'off',
    },
  },
  {
    // Response types come from the server's OpenAPI document (Schemas and Received in
    // src/api/types.ts), so a field the server renames or drops fails to compile. Only
    // types the document does not describe are written by hand: query parameters, the
    // fetch wrapper's own, the second-factor challenge, WebAuthn's browser JSON.
    files: ['src/api/*.ts'],
    ignores: ['src/api/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'TSInterfaceDeclaration[id.name!=/^(AuditFilters|FileListQuery|RequestOptions|RequestOptionsJSON|MfaChallenge|Problem|Items|Page)$/]',
          message: 'Derive API types from the OpenAPI schema: Received<Schemas[...], ...> from ./types.',
        },
      ],
    },
  },
  {
    // Every human-facing string goes through react-intl with an explicit id and its English
    // text as defaultMessage; src/i18n/messages/en.json is extracted from these (npm run
    // i18n:extract) and the other languages are checked against it (npm run i18n:check).
    files: ['src/**/*.tsx'],
    ignores: ['src/**/*.test.tsx'],
    plugins: { formatjs },
    rules: {
      'formatjs/enforce-default-message': ['error', 'literal'],
      'formatjs/enforce-placeholders': 'error',
      'formatjs/no-invalid-icu': 'error',
      'formatjs/enforce-plural-rules': ['error', { one: true, other: true }],
    },
  },
  {
    // Folders whose every visible string is translated: hard-coded text fails the lint.
    files: ['src/layout/NotFoundPage.tsx', 'src/admin/ProviderSettings.tsx'],
    plugins: { formatjs },
    rules: {
      'formatjs/no-literal-string-in-jsx': [
        'error',
        { props: { include: [['*', '(title|label|hint|description|placeholder|confirmLabel|alt)']] } },
      ],
    },
  },
  {
    // The browser scripts the server's end-to-end tests run with Node and Playwright.
    files: ['e2e/**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  // Formatting is Prettier's job; turn off the rules that would fight it.
  prettier,
])
