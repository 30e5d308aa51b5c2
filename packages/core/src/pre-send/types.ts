/**
 * @module pre-send/types
 * The shapes of the pre-send check: its items, in reading order, and its options.
 */
import type { ApprovedMessage } from '../message';
import type { ConsistencyMessage } from '../publish/consistency-types';

/** The checks, in reading order. */
export type PreSendCheckId =
  | 'newest-status'
  | 'scope'
  | 'names-and-areas'
  | 'times'
  | 'next-update-stated'
  | 'same-as-other-audiences'
  | 'account-thread-owners';

/** One line of the checklist. */
export interface PreSendCheckItem {
  id: PreSendCheckId;
  /** The question, as a person would ask it. */
  label: string;
  ok: boolean;
  /** What was found, in plain words (what to fix when not ok). */
  detail: string;
}

/** A conversation with a large account and who answers it. */
export interface AccountThread {
  accountId: string;
  /** Shown in the checklist, e.g. "Acme Corp". */
  accountName?: string;
  /** Person ids answering the thread; exactly one is the practice. */
  owners: readonly string[];
}

/** Options of {@link preSendCheck}. */
export interface PreSendOptions {
  /** Open large-account threads and their owners. Accounts that asked questions (logged with an `accountId`) need one too. */
  accountThreads?: readonly AccountThread[];
  /** Other audiences' messages for this version, compared with the draft. */
  otherMessages?: ReadonlyArray<ApprovedMessage | ConsistencyMessage>;
}
