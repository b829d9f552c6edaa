// Builds the plakar stand-in once before any test runs, so tests can spawn it as an executable
// (stand-in-only tests need it even when PLAKAR_BIN points the contract tests at a real plakar).
export default async function setup(): Promise<void> {
  // @ts-expect-error plain ESM build script without type declarations
  const { buildEntry } = (await import('../scripts/build-node.mjs')) as {
    buildEntry: (name: string) => Promise<string>;
  };
  await buildEntry('plakarStandin');
}
