import type { RouteDef } from '../context';
import { unsupportedRequest } from '../errors';
import { blockRoutes } from './blocks';
import { commentRoutes } from './comments';
import { customEmojiRoutes } from './custom-emojis';
import { databaseRoutes } from './databases';
import { dataSourceRoutes } from './data-sources';
import { fileUploadRoutes } from './file-uploads';
import { pagePropertyRoutes } from './page-properties';
import { pageRoutes } from './pages';
import { searchRoutes } from './search';
import { userRoutes } from './users';
import { viewRoutes } from './views';

const notEmulated = (): never => {
  throw unsupportedRequest('This endpoint exists in the Notion API but is not implemented by the Notion emulator.');
};

/** Real Notion endpoints the emulator does not model: answered with 400 invalid_request, not a misleading 404. */
const unsupportedRoutes: RouteDef[] = [
  { method: 'POST', template: '/v1/pages/{id}/move', handler: notEmulated },
  { method: 'GET', template: '/v1/pages/{id}/markdown', handler: notEmulated },
  { method: 'PATCH', template: '/v1/pages/{id}/markdown', handler: notEmulated },
  { method: 'PATCH', template: '/v1/comments/{id}', handler: notEmulated },
  { method: 'DELETE', template: '/v1/comments/{id}', handler: notEmulated },
  ...customEmojiRoutes,
  { method: 'POST', template: '/v1/views/{id}/queries', handler: notEmulated },
  { method: 'GET', template: '/v1/views/{id}/queries/{query_id}', handler: notEmulated },
  { method: 'DELETE', template: '/v1/views/{id}/queries/{query_id}', handler: notEmulated },
  { method: 'POST', template: '/v1/blocks/meeting_notes', handler: notEmulated },
  { method: 'POST', template: '/v1/blocks/meeting_notes/query', handler: notEmulated },
];

export const allRoutes: RouteDef[] = [
  ...searchRoutes,
  ...pagePropertyRoutes,
  ...pageRoutes,
  ...unsupportedRoutes,
  ...blockRoutes,
  ...databaseRoutes,
  ...dataSourceRoutes,
  ...commentRoutes,
  ...userRoutes,
  ...fileUploadRoutes,
  ...viewRoutes,
];
