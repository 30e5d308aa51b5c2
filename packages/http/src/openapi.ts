/**
 * @module http/openapi
 * The OpenAPI 3.1 document of the JSON API, generated from the same zod schemas and operation
 * table the handler routes with (`z.toJSONSchema`), so the document cannot drift from the code.
 */
import { z } from 'zod';
import type { Operation } from './operations';
import { errorBody } from './schemas';

const json = (schema: object) => ({ content: { 'application/json': { schema } } });
const toOpenApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');
const schemaOf = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });

const ERRORS = {
  '400': {
    description: 'Invalid input: every problem names its path.',
    ...json({ $ref: '#/components/schemas/Error' }),
  },
  '401': {
    description: 'The host did not identify the caller.',
    ...json({ $ref: '#/components/schemas/Error' }),
  },
  '403': {
    description: 'The caller may not take this step (the permission table).',
    ...json({ $ref: '#/components/schemas/Error' }),
  },
  '404': { description: 'No such incident.', ...json({ $ref: '#/components/schemas/Error' }) },
  '409': {
    description: 'The log refuses it now: a stale draft, a blocked publish, a conflict.',
    ...json({ $ref: '#/components/schemas/Error' }),
  },
  '422': {
    description: 'The Idempotency-Key was used for a different request.',
    ...json({ $ref: '#/components/schemas/Error' }),
  },
};

/** What only a request with a body can be refused for. */
const BODY_ERRORS = {
  '413': {
    description: 'The body is over 256 KiB (counted in bytes, refused as it arrives).',
    ...json({ $ref: '#/components/schemas/Error' }),
  },
  '415': {
    description: 'The body is not sent as JSON (Content-Type: application/json).',
    ...json({ $ref: '#/components/schemas/Error' }),
  },
};

/**
 * Builds the document for the given operations under `basePath`.
 *
 * @example
 * openApiDocument(OPERATIONS, '/status').paths['/status/api/incidents']?.post.operationId; // 'declare'
 */
export function openApiDocument(operations: readonly Operation[], basePath: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  const idempotencyKey = {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    description: 'A replay with the same key returns the first response without a second effect.',
    schema: { type: 'string', maxLength: 255 },
  };
  for (const operation of operations) {
    const path = toOpenApiPath(basePath + operation.path);
    const params = [...operation.path.matchAll(/:(\w+)/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    paths[path] = {
      ...paths[path],
      post: {
        operationId: operation.id,
        summary: operation.summary,
        parameters: [...params, idempotencyKey],
        requestBody: { required: true, ...json(schemaOf(operation.body)) },
        responses: {
          '200': { description: 'Done.' },
          '201': { description: 'Created.' },
          ...ERRORS,
          ...BODY_ERRORS,
        },
      },
    };
  }
  const read = (operationId: string, summary: string) => ({
    get: { operationId, summary, responses: { '200': { description: 'OK.' }, ...ERRORS } },
  });
  paths[`${basePath}/api/incidents`] = {
    ...paths[`${basePath}/api/incidents`],
    ...read('listIncidents', 'Every incident, open first.'),
  };
  paths[`${basePath}/api/incidents/{incidentId}`] = read(
    'currentIncident',
    'The desk view of one incident and its playbooks.',
  );
  paths[`${basePath}/api/revision`] = read(
    'revision',
    'A counter that changes whenever any incident changes.',
  );
  return {
    openapi: '3.1.0',
    info: { title: 'incident-comms desk API', version: '0.1.0' },
    paths,
    components: { schemas: { Error: schemaOf(errorBody) } },
  };
}
