export { startNotionEmulator, DEFAULT_QUERY_ROW_CAP } from './server';
export { EmulatorAdminClient } from './admin-client';
export { DEFAULT_RATE_LIMIT } from './rate-limiter';
export { richWorkspace } from './fixtures/rich-workspace';
export { richWorkspaceFacts } from './fixtures/rich-facts';
export type { RichWorkspaceFacts } from './fixtures/rich-facts';
export { generateSyntheticWorkspace } from './fixtures/synthetic';
export type { SyntheticWorkspace, SyntheticWorkspaceCounts, SyntheticWorkspaceOptions } from './fixtures/synthetic';
export { WorkspaceBuilder, ALL_CAPABILITIES } from './fixtures/builder';
export { blocks as fixtureBlocks } from './fixtures/block-specs';
export type { BlockSpec } from './fixtures/block-specs';
export { text as fixtureText, mentions as fixtureMentions } from './fixtures/rich-text';
export { WORKSPACE_FIXTURE_FORMAT } from './fixture-types';
export type * from './fixture-types';
export type {
  ApiVersion,
  EmulatorAdmin,
  EmulatorOptions,
  EmulatorTokens,
  FaultConfig,
  FaultKind,
  PageEditPatch,
  RateLimitConfig,
  RequestCounts,
  RouteCounts,
  RunningEmulator,
} from './types';
