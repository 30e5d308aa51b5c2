/**
 * @module pre-send
 * The two-minute check before sending a draft.
 */

export type { AccountThread, PreSendCheckId, PreSendCheckItem, PreSendOptions } from './pre-send-check';
export { preSendCheck } from './pre-send-check';
