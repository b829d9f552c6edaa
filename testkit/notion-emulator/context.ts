import type { Clock } from './clock';
import type { FileSigner } from './files';
import type { FixtureToken } from './fixture-types';
import type { SeededRandom } from './ids';
import type { Store } from './store';
import type { ApiVersion } from './types';

/** Shared, long-lived emulator services. */
export interface EmulatorEnv {
  store: Store;
  clock: Clock;
  signer: FileSigner;
  ids: SeededRandom;
  baseUrl(): string;
  queryRowCap(): number;
}

/** What response renderers need: who is asking and with which API version. */
export interface RenderContext {
  env: EmulatorEnv;
  store: Store;
  token: FixtureToken;
  version: ApiVersion;
}

export interface HandlerContext extends RenderContext {
  method: string;
  params: Record<string, string>;
  query: URLSearchParams;
  /** parsed JSON body (an empty object when there is none) */
  body: Record<string, unknown>;
  rawBody: Buffer;
  contentType: string;
}

export type Handler = (ctx: HandlerContext) => unknown;

export interface RouteDef {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** e.g. `/v1/blocks/{id}/children` */
  template: string;
  handler: Handler;
  /** the body is multipart/form-data rather than JSON */
  multipart?: boolean;
}
