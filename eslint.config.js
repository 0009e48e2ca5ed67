import js from '@eslint/js'
import globals from 'globals'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

/** The SDK import stays in one place: src/bitrix. */
const sdk = { group: ['@bitrix24/b24jssdk'], message: 'Import the portal through src/bitrix.' }
/** Nothing below the app shell reaches up into it. */
const app = { group: ['@/app/*', '**/app/*'], message: 'src/app composes the screens; nothing below it imports it.' }
/** Features share only through lib/, components/, ui/ and the query cache; planning composes them. */
const features = { group: ['@/features/*'], message: 'Features do not import each other: share through src/lib or src/components.' }
const restrict = (...patterns) => ['error', { patterns }]

export default tseslint.config(
  { ignores: ['dist', 'dist-*', 'node_modules', 'test-results', 'playwright-report', 'e2e/portal/host/**/*.js', 'scripts/_*'] },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { ecmaVersion: 2023, globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': restrict(sdk),
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/app/**', 'src/main.tsx'],
    rules: { 'no-restricted-imports': restrict(sdk, app, features) },
  },
  {
    // The planning screen is where the features meet.
    files: ['src/features/planning/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': restrict(sdk, app) },
  },
  {
    files: ['src/bitrix/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': restrict(app, features) },
  },
  {
    // Playwright fixtures call `use`, which is not React's.
    files: ['e2e/**/*.ts'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
)
