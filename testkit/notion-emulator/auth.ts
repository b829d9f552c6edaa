import { ApiError, restricted, unauthorized } from './errors';
import type { FixtureToken, TokenCapabilities } from './fixture-types';
import type { Store } from './store';
import type { ApiVersion } from './types';
import { SUPPORTED_VERSIONS } from './types';

export function resolveVersion(header: string | undefined): ApiVersion {
  if (header === undefined || header === '') {
    throw new ApiError(
      400,
      'missing_version',
      'Notion-Version header failed validation: Notion-Version header should be defined, instead was `undefined`.',
    );
  }
  const version = SUPPORTED_VERSIONS.find((candidate) => candidate === header);
  if (!version) {
    // notion-api.md names no code for an unknown version; validation_error is the documented catch-all for bad input.
    throw new ApiError(
      400,
      'validation_error',
      `Notion-Version header failed validation: Notion-Version should be one of ${SUPPORTED_VERSIONS.map((v) => `\`${v}\``).join(', ')}, instead was \`${header}\`.`,
    );
  }
  return version;
}

export function resolveToken(store: Store, authorization: string | undefined): FixtureToken {
  const match = /^Bearer\s+(.+)$/i.exec(authorization ?? '');
  const token = match?.[1] ? store.tokensBySecret.get(match[1].trim()) : undefined;
  if (!token) throw unauthorized();
  return token;
}

export type Capability = Exclude<keyof TokenCapabilities, 'userInfo'>;

export function requireCapability(token: FixtureToken, capability: Capability): void {
  if (!token.capabilities[capability]) throw restricted();
}

export function requireUserInfo(token: FixtureToken): void {
  if (token.capabilities.userInfo === 'none') throw restricted();
}

/** Sharing model: internal tokens see shared roots and their descendants; personal tokens see everything. */
export function canSee(store: Store, token: FixtureToken, id: string): boolean {
  if (token.kind === 'personal') return true;
  if (token.shared.length === 0) return false;
  let current: string | null = id;
  for (let depth = 0; current !== null && depth < 10_000; depth += 1) {
    if (token.shared.includes(current)) return true;
    current = store.parentIdOf(current);
  }
  return false;
}
