/**
 * @module @incident-comms/http
 * The one place every team looks: a fetch-standard handler that serves the source-of-truth
 * page, the JSON API of the incident desk (with its OpenAPI document) and the customer feeds.
 */
export { type ErrorReply, errorReply } from './errors';
export { atomFeed, type FeedEntry, type FeedInfo, feedEntries, jsonFeed } from './feeds';
export { createHttpHandler, type HttpHandlerOptions } from './handler';
export { createIdempotencyStore, type IdempotencyStore, type StoredReply } from './idempotency';
export { openApiDocument } from './openapi';
export { type JsonReply, OPERATIONS, type Operation, type StepContext } from './operations';
export { type PageLinks, renderPage } from './page';
export {
  type IncidentPage,
  incidentPage,
  type PageWording,
  type PlaybookData,
  WORDING_LABELS,
} from './page-model';
