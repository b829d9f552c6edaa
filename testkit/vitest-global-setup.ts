// Before any test: build the plakar stand-in (stand-in-only tests spawn it whatever plakar is under
// test), then decide which plakar the plakar-facing suites drive and say so. Workers inherit
// PLAKAR_BIN from here, so a run without it still uses the real plakar when one is in the cache.
export default async function setup(): Promise<void> {
  // @ts-expect-error plain ESM build script without type declarations
  const { buildEntry } = (await import('../scripts/build-node.mjs')) as {
    buildEntry: (name: string) => Promise<string>;
  };
  // @ts-expect-error plain ESM script without type declarations
  const { plakarForTests } = (await import('../scripts/install-plakar.mjs')) as {
    plakarForTests: () => Promise<{ bin: string | null; version: string | null; label: string }>;
  };
  await buildEntry('plakarStandin');
  const underTest = await plakarForTests();
  if (underTest.bin) process.env.PLAKAR_BIN = underTest.bin;
  else delete process.env.PLAKAR_BIN;
  if (underTest.version) process.env.PLAKAR_UNDER_TEST_VERSION = underTest.version;
  else delete process.env.PLAKAR_UNDER_TEST_VERSION;
  console.log(`\nplakar under test: ${underTest.label}\n`);
}
