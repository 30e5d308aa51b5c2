/**
 * @module text
 * Escaping and control-character hygiene for user-supplied text, shared by every renderer.
 */
export { cleanText, oneLine } from './clean';
export { breakSlackBroadcasts, escapeHtml, escapeMarkdown, escapeSlackMrkdwn } from './escape';
