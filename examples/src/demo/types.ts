/**
 * @module demo/types
 * What the demo returns: the published versions, what the local servers received, the blocked
 * drafts, the credit note, the log and the review.
 */
import type {
  DeliveryRoute,
  Diagnostic,
  IncidentEvent,
  IncidentReview,
  IncidentState,
  PublishResult,
  ReleaseMessage,
  Runbook,
  StatusUpdate,
} from '@incident-comms/core';
import type { DeliveryEnv, DemoDelivery } from './delivery';
import type { DeliveryLine } from './progress';

/** Options of `runDemo`. */
export interface RunDemoOptions {
  /** Print nothing; the transcript and review files are still written. Default false. */
  quiet?: boolean | undefined;
  /** Where `transcript.md` and `review.md` go. Default `examples/output`. */
  outputDir?: string | undefined;
  /** Real-service switches; default `process.env` (see examples/README.md). */
  env?: DeliveryEnv | undefined;
  /** The runbook file. Default `examples/runbook.yaml`. */
  runbookPath?: string | undefined;
  /** Where printed text goes; default the terminal. */
  write?: ((text: string) => void) | undefined;
}

/** An email as the SMTP server received it (parsed with mailparser). */
export interface ReceivedEmail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  inReplyTo: string | undefined;
}

/** A `chat.postMessage` call as the Slack stub received it. */
export interface ReceivedSlackPost {
  channel: string;
  /** The plain-text fallback. */
  text: string;
  /** Every mrkdwn text of the Block Kit blocks, joined by newlines. */
  blocksText: string;
  threadTs: string | undefined;
}

/** A draft that `publish` refused. */
export interface BlockedDraft {
  draftId: string;
  author: string;
  audience: string;
  text: string;
  diagnostics: Diagnostic[];
  reasons: string[];
}

/** The approved credit note released to the campaign accounts. */
export interface CreditNote {
  text: string;
  recipients: string[];
  /** ISO-8601 UTC instant of release. */
  releasedAt: string;
  /** The gates and who granted them. */
  approvals: Array<{ gate: string; by: string }>;
}

/** What the scenario's steps produced, gathered as they run. */
export interface ScenarioOutcome {
  /** Every published status-update version, oldest first. */
  published: StatusUpdate[];
  /** Per version (same order), every audience's approved message. */
  rendered: ReleaseMessage[][];
  /** Every delivery sent (versions and the side note): one line each of `deliveries.jsonl`. */
  deliveryLines: DeliveryLine[];
  /** Per version, the routes it was delivered on. */
  routes: DeliveryRoute[][];
  /** Per version, what the publisher reported. */
  deliveries: PublishResult[];
  /** Accounts customer success wrote to (their email addresses). */
  accountEmails: string[];
  blocked: BlockedDraft[];
  creditNote: CreditNote | undefined;
}

/** What `runDemo` returns, for tests and for hosts that want to look inside. */
export interface DemoResult extends ScenarioOutcome {
  incidentId: string;
  runbook: Runbook;
  /**
   * The Teams stub and the signed-webhook receiver: cards posted, webhook requests the receiver
   * verified with `standardwebhooks`, and how a tampered copy of the last one was answered.
   */
  peers: {
    teamsCards: number;
    webhooksVerified: number;
    tamper: { status: number; code: string | undefined };
  };
  /** What the local SMTP server received (empty when `SMTP_URL` sends to a real server). */
  emails: ReceivedEmail[];
  /** What the local Slack stub received (empty when posting to real Slack). */
  slackPosts: ReceivedSlackPost[];
  mode: DemoDelivery['mode'];
  /** The incident log as stored. */
  events: IncidentEvent[];
  state: IncidentState;
  review: IncidentReview;
  reviewMarkdown: string;
  files: { transcript: string; review: string; deliveries: string };
}
