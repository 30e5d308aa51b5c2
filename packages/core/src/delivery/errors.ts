/**
 * @module delivery/errors
 * Typed delivery errors with stable `code`s and path-named problems; hosts branch on `code`.
 * Every one is an {@link IncidentCommsError}, so one `instanceof` check catches them all.
 */
import type { z } from 'zod';
import { explainZodIssues, IncidentCommsError, type IncidentCommsErrorCode } from '../errors';

/** One problem in delivery input or channel config: where, what was expected, what was found. */
export interface DeliveryProblem {
  /** Dotted path, e.g. `routes.2.channel` or `options.from`. */
  readonly path: string;
  /** What the path must hold, in plain words. */
  readonly expected: string;
  /** A short rendering of what was found, if anything. */
  readonly received?: string | undefined;
}

function describeProblems(problems: readonly DeliveryProblem[]): string {
  return problems
    .map(
      (p) =>
        `  - ${p.path || '(root)'}: expected ${p.expected}${p.received === undefined ? '' : `, got ${p.received}`}`,
    )
    .join('\n');
}

/**
 * Base class of delivery and channel errors (an {@link IncidentCommsError}): `code` is stable,
 * `problems` names each offending path.
 *
 * @example
 * throw new DeliveryError('channel_config_invalid', 'Invalid email channel config', [
 *   { path: 'options.from', expected: 'an email address' },
 * ]);
 */
export class DeliveryError extends IncidentCommsError {
  readonly problems: readonly DeliveryProblem[];
  constructor(code: IncidentCommsErrorCode, headline: string, problems: readonly DeliveryProblem[] = []) {
    super(code, problems.length > 0 ? `${headline}\n${describeProblems(problems)}` : headline);
    this.problems = problems;
  }
}

/**
 * A channel factory got config it cannot work with (`channel_config_invalid`), e.g. a Slack
 * client with its own retries on, or an invalid `from` address.
 *
 * @example
 * throw new ChannelConfigError('slack', [{ path: 'client.retryConfig.retries', expected: '0', received: '10' }]);
 */
export class ChannelConfigError extends DeliveryError {
  /** Name of the channel whose config failed. */
  readonly channel: string;
  constructor(channel: string, problems: readonly DeliveryProblem[]) {
    super('channel_config_invalid', `Invalid ${channel} channel config`, problems);
    this.channel = channel;
  }
}

/**
 * `publishUpdate` input is inconsistent (`delivery_input_invalid`): a route names an unknown
 * channel, an audience without a message, messages of different versions, or one recipient
 * routed two audiences on one channel. Thrown before anything is queued or sent.
 */
export class DeliveryInputError extends DeliveryError {
  constructor(problems: readonly DeliveryProblem[]) {
    super('delivery_input_invalid', 'Cannot publish: invalid delivery input', problems);
  }
}

/**
 * Converts zod issues into {@link DeliveryProblem}s under a path prefix, in plain words: what the
 * path must hold (never zod's own "Invalid …" text) and what was found there in `input`.
 *
 * @param issues `error.issues` of a failed `safeParse`
 * @param prefix the path the parsed value sits at, e.g. `options` or `routes`
 * @param input the value that was parsed, to say what was found at each path
 * @example
 * const r = z.object({ from: z.email() }).safeParse({ from: 'x' });
 * deliveryProblemsFromIssues(r.error!.issues, 'options', { from: 'x' });
 * // [{ path: 'options.from', expected: 'an email address', received: '"x"' }]
 */
export function deliveryProblemsFromIssues(
  issues: readonly z.core.$ZodIssue[],
  prefix: string,
  input: unknown,
): DeliveryProblem[] {
  return explainZodIssues(issues, input).map((e) => ({
    path: [prefix, ...e.path.map(String)].filter((p) => p !== '').join('.'),
    // A missing value: say it is required, and that nothing was given.
    expected: e.received === undefined && e.expected === 'required' ? 'a value (required)' : e.expected,
    received: e.received ?? 'nothing',
  }));
}
