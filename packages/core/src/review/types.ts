/**
 * @module review/types
 * The shapes of an incident review: what `reviewIncident` measures and what it suggests.
 */
import type { NoteRecord, OverrideRecord, PersonRef } from '../incident/state';
import type { IncidentType, RoleId, Severity, Status, TopicId } from '../vocabulary';

/** Thresholds that turn figures into suggestions. All in minutes or counts. */
export interface ReviewOptions {
  /** An approval that waited longer than this is called slow (default 10 minutes). */
  slowApprovalMinutes?: number;
  /** A question topic asked at least this often should go into the template (default 3). */
  frequentQuestionCount?: number;
  /** Draft revisions per published version above which drafting was too slow (default 2). */
  revisionsPerVersionLimit?: number;
}

/** One line of the review's timeline. */
export interface ReviewTimelineEntry {
  /** ISO-8601 UTC instant. */
  at: string;
  /** Minutes after the declaration (may be fractional). */
  minute: number;
  /** What happened, in plain words. */
  what: string;
}

/** How one customer update kept (or missed) the time promised for it. */
export interface UpdateTiming {
  /** Status version (1-based); `undefined` for a promise no update ever kept. */
  version: number | undefined;
  status: Status | undefined;
  /** ISO-8601 UTC instant it was published; `undefined` when it never came. */
  publishedAt: string | undefined;
  /** The time it was due: the previous version's `nextUpdateAt`, or for version 1 the first-update target. */
  promisedAt: string;
  /** Where the promise came from. */
  promiseBasis: 'first-update-target' | 'previous-update';
  /** `true` when published at or before `promisedAt`. */
  onTime: boolean;
  /** Minutes after `promisedAt` (0 when on time). For a missed promise: until the log ended. */
  lateMinutes: number;
}

/** How long one approval gate held a draft. */
export interface ApprovalWait {
  draftId: string;
  revision: number;
  gate: string;
  role: RoleId;
  topic: TopicId | undefined;
  requestedAt: string;
  /** When it was granted or denied; `undefined` while still waiting when the log ended. */
  decidedAt: string | undefined;
  outcome: 'granted' | 'denied' | 'pending';
  /** Person id who decided. */
  decidedBy: string | undefined;
  /** Minutes from request to decision (or to the end of the log while pending). */
  waitMinutes: number;
  /** The role's primary person (as assigned in the log). */
  primary: PersonRef | undefined;
  backup: PersonRef | undefined;
  /** Minutes of the wait during which the role's primary was marked unavailable. */
  primaryAbsentMinutes: number;
}

/** A period with nobody to hold a role (neither primary nor backup available, or not assigned). */
export interface OwnershipGap {
  role: RoleId;
  /** ISO-8601 UTC start of the gap. */
  from: string;
  /** ISO-8601 UTC end of the gap (the incident's end when it never closed). */
  to: string;
  minutes: number;
  /** Why: nobody assigned yet, or everyone named was away. */
  reason: 'not-assigned' | 'all-unavailable';
}

/** Customer questions about one topic. */
export interface ReviewQuestionTopic {
  topic: string;
  count: number;
  /** Up to three of the questions, oldest first. */
  examples: string[];
  /** Who passed them on (audiences or teams), distinct. */
  from: string[];
}

/** Drafts the linter refused, grouped by the lint rule that refused them. */
export interface ReviewBlockedRule {
  /** The lint rule id, e.g. `no-fix-time-promise`. */
  rule: string;
  /** Refused publish attempts in which this rule reported an error. */
  count: number;
  /** Distinct messages given, in first-seen order. */
  messages: string[];
}

/**
 * Publish refusals that were not lint (approvals, recovery, stale drafts, a missing owner or
 * facts), grouped by refusal code. Their messages are left out: they repeat per draft.
 */
export interface ReviewBlockedReason {
  /** The refusal code, e.g. `approval-missing` (a `BlockedCode`, or a code from another version). */
  code: string;
  /** The code in plain words, e.g. `approval not asked for`. */
  label: string;
  /** Refused publish attempts that gave this reason. */
  count: number;
}

/** One suggested change to the runbook, drawn from a figure. */
export interface RunbookSuggestion {
  /** Stable id of the kind of suggestion, e.g. `slow-approval`. */
  id:
    | 'slow-approval'
    | 'approver-absent'
    | 'late-updates'
    | 'slow-first-update'
    | 'frequent-question'
    | 'ownership-gap'
    | 'lint-blocks'
    | 'many-revisions';
  /** The suggestion in plain words, led by the figure: "Approval for … waited 25 minutes: …". */
  text: string;
}

/** Everything `reviewIncident` measured. Durations in minutes; instants ISO-8601 UTC. */
export interface IncidentReview {
  incident: {
    id: string;
    title: string;
    incidentType: IncidentType;
    /** Severity at the end of the incident. */
    severity: Severity;
    /** Highest severity it reached. */
    peakSeverity: Severity;
    declaredAt: string;
    resolvedAt: string | undefined;
    closedAt: string | undefined;
    /** Minutes from declaration to resolution (or to the last event when unresolved). */
    durationMinutes: number;
  };
  /** The runbook's default time zone, for rendering clock times. */
  timeZone: string;
  timeline: ReviewTimelineEntry[];
  firstUpdate:
    | { at: string; minutesAfterDeclared: number; targetMinutes: number; withinTarget: boolean }
    | undefined;
  updates: UpdateTiming[];
  /** Share of promised updates that came on time, 0..1; `undefined` when nothing was promised. */
  onTimeShare: number | undefined;
  approvals: ApprovalWait[];
  versions: {
    /** Published status versions. */
    statusVersions: number;
    /** Published versions later replaced by a newer one. */
    supersededVersions: number;
    /** Every `draft.created` (each edit is a revision). */
    draftRevisions: number;
    /** Revisions that were never published (edited again, abandoned or blocked). */
    supersededDrafts: number;
    /**
     * Draft ids that never became a published version, were never released as a side note and
     * were not approved either: dropped, blocked, or still waiting for a gate when the log ended.
     */
    abandonedDrafts: string[];
    /**
     * Side notes released outside the status versions, oldest first, as the log recorded them
     * (`note.released`): an approved draft sent to some recipients, e.g. a credit offer to named
     * accounts. `byName` is the sender's name as the roles assigned it, else the id.
     */
    sideNotes: Array<NoteRecord & { byName: string }>;
    /**
     * Draft ids approved but never sent: every gate requested for their latest revision was
     * granted (at least one), yet they were neither published as a version nor released as a
     * side note when the log ended.
     */
    approvedNotSent: string[];
  };
  questions: ReviewQuestionTopic[];
  ownershipGaps: OwnershipGap[];
  /**
   * Emergency overrides of the permission table, oldest first: who set which rule aside on
   * which event, when and why (an admin the declaration names; see `PERMISSION_TABLE`).
   */
  overrides: OverrideRecord[];
  /**
   * Refused publish attempts (`publish.blocked`). Lint refusals (reasons with a `ruleId`) are
   * kept apart from approval and other refusals, so lint figures and suggestions count only lint.
   */
  blocked: {
    /** Refused publish attempts, for any reason. */
    total: number;
    /** Attempts that lint refused (at least one reason with a `ruleId`). */
    byLint: number;
    /** Lint refusals by rule id, most frequent first. */
    byRule: ReviewBlockedRule[];
    /** Approval and other refusals by code, most frequent first. */
    byReason: ReviewBlockedReason[];
  };
  suggestions: RunbookSuggestion[];
}
