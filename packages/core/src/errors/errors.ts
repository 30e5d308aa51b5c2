/**
 * @module errors/errors
 * The error classes: `IncidentCommsError` and its stable `code`, and the errors of the runbook,
 * of input validation and of the incident log's rules.
 */
import { formatProblems, type Problem } from './problem';

/**
 * Every stable `code` an {@link IncidentCommsError} of this library and its official packages
 * carries, grouped by where it is thrown. Hosts switch on it; a new code is added here first.
 */
export const INCIDENT_COMMS_ERROR_CODES = [
  // Input and the runbook.
  'input_invalid',
  'runbook_invalid',
  'runbook_unreadable',
  'time_zone_invalid',
  // The incident log and its permission table.
  'event_rejected',
  'approval_not_authorized',
  'event_not_authorized',
  'stored_log_invalid',
  'incident_quarantined',
  // Lint.
  'lint_config_invalid',
  'lint_context_invalid',
  'lint_text_too_long',
  'rule_report_invalid',
  'rule_test_failed',
  // Drills.
  'drill_scenario_invalid',
  // Delivery, stores and the coordinator.
  'delivery_input_invalid',
  'append_conflict',
  'store_unavailable',
  'coordinator_stopped',
  // Templates (@incident-comms/templates).
  'template_invalid',
  'template_not_found',
  'template_variable_missing',
  'template_variable_unknown',
  'template_variable_invalid',
  // Channels (@incident-comms/channel-*).
  'channel_config_invalid',
  'email_address_invalid',
  'email_header_injection',
  'email_header_too_long',
  'webhook_signature_invalid',
  'webhook_payload_invalid',
  // The command line (@incident-comms/cli).
  'cli_input_invalid',
] as const;

/** The union of {@link INCIDENT_COMMS_ERROR_CODES}: what `IncidentCommsError.code` can be. */
export type IncidentCommsErrorCode = (typeof INCIDENT_COMMS_ERROR_CODES)[number];

/**
 * Base class of every error this library throws. Branch on `code`, never on the message.
 *
 * @example
 * try {
 *   parseRunbook(text);
 * } catch (error) {
 *   if (error instanceof IncidentCommsError && error.code === 'runbook_invalid') showProblems(error);
 * }
 */
export class IncidentCommsError extends Error {
  /** Stable machine-readable error code. */
  readonly code: IncidentCommsErrorCode;
  constructor(code: IncidentCommsErrorCode, message: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
  }
}

/**
 * Thrown by `defineRunbook`/`loadRunbook` when a runbook is invalid. Lists every problem at
 * once (schema and semantic), each with its path, what was expected and what was found.
 */
export class RunbookError extends IncidentCommsError {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[], source?: string) {
    super('runbook_invalid', formatProblems(`Invalid runbook${source ? ` ${source}` : ''}:`, problems));
    this.problems = problems;
  }
}

/** Thrown when input handed to a public function fails validation (`input_invalid`). */
export class ValidationError extends IncidentCommsError {
  readonly problems: readonly Problem[];
  constructor(what: string, problems: readonly Problem[]) {
    super('input_invalid', formatProblems(`Invalid ${what}:`, problems));
    this.problems = problems;
  }
}

/** Where an event sits in a replayed log: its index, type and timestamp. */
export interface EventPosition {
  /** 0-based index of the event in the log. */
  index: number;
  /** The event's `type`. */
  type: string;
  /** The event's `at` (ISO-8601 UTC). */
  at: string;
}

const locate = (position: EventPosition | undefined): string =>
  position === undefined ? '' : `events.${position.index} (${position.type} at ${position.at}): `;

/**
 * Thrown by `applyEvent` when an event breaks a rule of the practice (`event_rejected`).
 * `rule` names the rule, e.g. `owner-required-before-publish`. State is never changed. Thrown
 * by `replay`, it also says which event: `index`, and a message starting
 * `events.N (type at AT): `.
 */
export class EventRejectedError extends IncidentCommsError {
  readonly rule: string;
  readonly eventType: string;
  /** What was wrong, in plain words (the message without its headline). */
  readonly reason: string;
  /** Index of the rejected event in the log, when thrown by `replay`. */
  readonly index: number | undefined;
  constructor(rule: string, eventType: string, reason: string, position?: EventPosition) {
    super(
      'event_rejected',
      position === undefined
        ? `${eventType} rejected (${rule}): ${reason}`
        : `${locate(position)}rejected (${rule}): ${reason}`,
    );
    this.rule = rule;
    this.eventType = eventType;
    this.reason = reason;
    this.index = position?.index;
  }
}

/**
 * Thrown when the permission table refuses an event: its actor may not append it, for that
 * person, at that moment. `rule` names the table's rule (e.g. `roles-assigned-by-lead`,
 * `approval-decided-by-gate-role`, `published-as-approved`); `actor` and `role` say who tried
 * and which role the rule wanted. Code: `approval_not_authorized` when someone who does not
 * hold a gate's role grants or denies it, `event_not_authorized` for every other rule. Thrown
 * by `replay`, it also says which event: `index`, and a message starting `events.N (type at AT): `.
 */
export class NotAuthorizedError extends IncidentCommsError {
  readonly actor: string;
  readonly role: string;
  /** The permission rule that refused the event (see `PERMISSION_TABLE`). */
  readonly rule: string;
  /** Why, in plain words (the message without the event's position). */
  readonly reason: string;
  /** Index of the refused event in the log, when thrown by `replay`. */
  readonly index: number | undefined;
  constructor(
    actor: string,
    role: string,
    reason: string,
    position?: EventPosition,
    rule = 'approval-decided-by-gate-role',
  ) {
    super(
      rule === 'approval-decided-by-gate-role' ? 'approval_not_authorized' : 'event_not_authorized',
      `${locate(position)}${reason} [${rule}]`,
    );
    this.actor = actor;
    this.role = role;
    this.rule = rule;
    this.reason = reason;
    this.index = position?.index;
  }
}
