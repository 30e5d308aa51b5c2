/**
 * @module text
 * Escaping, control-character hygiene and small English helpers for user-supplied and
 * generated text, shared by every renderer.
 */
export { indefiniteArticle, withIndefiniteArticle } from './article';
export { cleanText, oneLine } from './clean';
export { closestName, editDistance } from './closest';
export { breakSlackBroadcasts, escapeHtml, escapeMarkdown, escapeSlackMrkdwn } from './escape';
export { ID_EXPECTED, INCIDENT_TYPE_ID_EXPECTED, incidentTypeIdSchema, isExactId } from './id';
export { hasVisibleText } from './non-empty';
