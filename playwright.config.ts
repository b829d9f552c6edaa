import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'e2e/specs',
  outputDir: 'test-results/e2e',
  // Two cores: one app at a time keeps timings stable.
  workers: 1,
  fullyParallel: false,
  // No retries: a spec that needs one has a race to fix (issue 13).
  retries: 0,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
});
