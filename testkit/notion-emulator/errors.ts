// Notion's error envelope: {"object":"error","status":N,"code":"...","message":"...","request_id":"..."}

export type ErrorCode =
  | 'invalid_json'
  | 'invalid_request_url'
  | 'invalid_request'
  | 'validation_error'
  | 'missing_version'
  | 'unauthorized'
  | 'restricted_resource'
  | 'object_not_found'
  | 'conflict_error'
  | 'rate_limited'
  | 'internal_server_error'
  | 'service_unavailable'
  | 'database_connection_unavailable'
  | 'gateway_timeout'
  | 'service_overload';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly additionalData?: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function errorEnvelope(error: ApiError, requestId: string): Record<string, unknown> {
  const body: Record<string, unknown> = {
    object: 'error',
    status: error.status,
    code: error.code,
    message: error.message,
    request_id: requestId,
  };
  if (error.additionalData) body['additional_data'] = error.additionalData;
  return body;
}

export function validationError(message: string): ApiError {
  return new ApiError(400, 'validation_error', message);
}

/** `body failed validation: <detail>` as Notion phrases schema failures. */
export function bodyValidationError(detail: string): ApiError {
  return validationError(`body failed validation: ${detail}`);
}

export function invalidJson(): ApiError {
  return new ApiError(400, 'invalid_json', 'Error parsing JSON body.');
}

export function invalidRequestUrl(): ApiError {
  return new ApiError(400, 'invalid_request_url', 'Invalid request URL.');
}

export function unsupportedRequest(detail?: string): ApiError {
  return new ApiError(400, 'invalid_request', detail ?? 'This request is not supported.');
}

export function unauthorized(): ApiError {
  return new ApiError(401, 'unauthorized', 'API token is invalid.');
}

export function restricted(message = 'Insufficient permissions for this endpoint.'): ApiError {
  return new ApiError(403, 'restricted_resource', message);
}

export type ObjectKind = 'page' | 'block' | 'database' | 'data_source' | 'comment' | 'user' | 'file_upload';

const KIND_LABEL: Record<ObjectKind, string> = {
  page: 'page',
  block: 'block',
  database: 'database',
  data_source: 'data source',
  comment: 'comment',
  user: 'user',
  file_upload: 'file upload',
};

export function notFound(kind: ObjectKind, id: string): ApiError {
  return new ApiError(
    404,
    'object_not_found',
    `Could not find ${KIND_LABEL[kind]} with ID: ${id}. Make sure the relevant pages and databases are shared with your integration.`,
  );
}

export function rateLimited(retryAfterSeconds: number): ApiError {
  return new ApiError(
    429,
    'rate_limited',
    'You have been rate limited. Please try again in a few minutes.',
    { rate_limit_reason: 'public_api_request_rate_limit' },
    { 'retry-after': String(retryAfterSeconds) },
  );
}

/** `should be ≤ \`100\`, instead was \`101\`.` */
export function tooLong(path: string, max: number, actual: number): ApiError {
  return bodyValidationError(`${path} should be ≤ \`${max}\`, instead was \`${actual}\`.`);
}

export function shouldBeNotPresent(path: string, value: unknown): ApiError {
  return bodyValidationError(`${path} should be not present, instead was \`${preview(value)}\`.`);
}

export function shouldBeDefined(path: string): ApiError {
  return bodyValidationError(`${path} should be defined, instead was \`undefined\`.`);
}

export function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
