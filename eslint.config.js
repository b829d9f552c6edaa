import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const ipcBan = (allowedIn) => ({
  paths: [
    {
      name: 'electron',
      importNames: ['ipcMain', 'ipcRenderer'],
      message: `Use the typed IPC wrapper (${allowedIn}) instead of ipcMain/ipcRenderer.`,
    },
  ],
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'release-test/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/.work*/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', ipcBan('electron/main/ipc.ts or electron/preload/index.ts')],
    },
  },
  {
    // The one wrapper on each side may import the raw IPC objects.
    files: ['electron/main/ipc.ts', 'electron/preload/index.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The engine, services, CLI and shared contract run outside Electron: never import it.
    files: ['electron/engine/**', 'electron/services/**', 'electron/cli/**', 'electron/web/**', 'electron/desktop/**', 'shared/**', 'testkit/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'This layer must run without Electron (see docs/architecture.md).' }] },
      ],
    },
  },
  {
    // Test support lives with the tests or in testkit/, and only tests import it: testkit → electron, never back.
    // (A rule of its own, so it adds to the per-layer no-restricted-imports bans above instead of replacing them.)
    files: ['electron/**', 'shared/**'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/testkit', '**/testkit/**'], message: 'Product code never imports test support (testkit/); only *.test.ts files may.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'jsx-a11y': jsxA11y, 'react-hooks': reactHooks },
    rules: {
      ...jsxA11y.flatConfigs.strict.rules,
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer only talks to main through window.backupApp.' }],
          patterns: [
            { group: ['**/electron/**', 'node:*'], message: 'The renderer never imports main-process or Node code.' },
          ],
        },
      ],
    },
  },
  {
    // One way to call main: the hooks in use-main.ts (they fold both error channels into one shape).
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/src/use-main.ts', 'renderer/src/bridge.ts', 'renderer/src/main.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/bridge'], importNames: ['getBackupApp'], message: 'Call main through use-main.ts (useMainQuery, useMainMutation, callMain).' }] },
      ],
    },
  },
);
