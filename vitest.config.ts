import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'electron/**/*.test.ts',
      'shared/**/*.test.ts',
      'testkit/**/*.test.ts',
      'renderer/**/*.test.{ts,tsx}',
      'scripts/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    environment: 'node',
    globalSetup: ['testkit/vitest-global-setup.ts'],
    // Real plakar runs an Argon2id key derivation on every command of an encrypted store (about 1 s
    // each on an idle 2-core machine), so a suite of several backups on a busy machine takes a while.
    // A timeout only catches hangs; speed is measured by the benchmarks.
    testTimeout: 90_000,
    hookTimeout: 90_000,
    pool: 'forks',
  },
});
