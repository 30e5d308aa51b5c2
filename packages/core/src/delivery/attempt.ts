/**
 * @module delivery/attempt
 * One bounded `send`: the channel gets an abort signal at `attemptTimeoutMs`, and the attempt
 * ends `unknown` at most {@link ABORT_GRACE_MS} later even if the channel ignores that signal.
 */
import { type AnyChannel, type DeliveryOutcome, deliveryOutcomeSchema, type SendOptions } from './channel';

/** Default upper bound of one attempt before its signal aborts, in milliseconds. */
export const DEFAULT_ATTEMPT_TIMEOUT_MS = 30_000;

/**
 * How long an attempt may run on after its signal aborted before the publisher stops waiting
 * and records `unknown` (the channel ignored the abort). Milliseconds.
 */
export const ABORT_GRACE_MS = 1_000;

/**
 * Sends one payload with a hard upper bound of `timeoutMs + ABORT_GRACE_MS`: aborts the
 * channel's signal at `timeoutMs`, and if the channel still has not answered after the grace,
 * resolves `unknown` (the request may have arrived) and leaves the channel's promise behind.
 * A rejection, or an outcome that is not a valid {@link DeliveryOutcome}, is `unknown` too.
 *
 * @param channel - the channel.
 * @param payload - what its `render` returned.
 * @param options - send options without `signal` (added here).
 * @param timeoutMs - a positive number of milliseconds.
 * @returns the outcome, never rejects.
 * @example
 * const outcome = await sendBounded(channel, payload, { idempotencyKey, attempt: 1 }, 30_000);
 */
export function sendBounded(
  channel: AnyChannel,
  payload: unknown,
  options: Omit<SendOptions, 'signal'>,
  timeoutMs: number,
): Promise<DeliveryOutcome> {
  const controller = new AbortController();
  let abortTimer: ReturnType<typeof setTimeout> | undefined;
  let graceTimer: ReturnType<typeof setTimeout> | undefined;
  return new Promise<DeliveryOutcome>((resolve) => {
    let settled = false;
    const finish = (outcome: DeliveryOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(abortTimer);
      clearTimeout(graceTimer);
      resolve(outcome);
    };
    const giveUp = () =>
      finish({
        type: 'unknown',
        reason: `channel ${channel.name} did not answer within ${timeoutMs + ABORT_GRACE_MS} ms (it ignored the abort); the message may have arrived`,
      });
    // The grace timer starts where the abort happens: no listener on the signal per attempt.
    abortTimer = setTimeout(() => {
      graceTimer = setTimeout(giveUp, ABORT_GRACE_MS);
      controller.abort(new DOMException('attempt timed out', 'TimeoutError'));
    }, timeoutMs);
    let sending: Promise<unknown>;
    try {
      sending = Promise.resolve(channel.send(payload, { ...options, signal: controller.signal }));
    } catch (error) {
      sending = Promise.reject(error);
    }
    sending.then(
      (value) => {
        const outcome = deliveryOutcomeSchema.safeParse(value);
        finish(
          outcome.success
            ? outcome.data
            : {
                type: 'unknown',
                reason: `channel ${channel.name} returned an invalid outcome: ${outcome.error.issues[0]?.message}`,
              },
        );
      },
      (error: unknown) =>
        finish({
          type: 'unknown',
          reason: `channel ${channel.name} threw: ${error instanceof Error ? error.message : String(error)}`,
        }),
    );
  });
}
