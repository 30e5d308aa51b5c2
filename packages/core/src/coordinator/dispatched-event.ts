/**
 * @module coordinator/dispatched-event
 * Turns what a host dispatches into a parsed incident event: stamped with the coordinator's
 * clock when it carries no time, and a declaration bound to the incident it is dispatched to.
 */
import { problem, ValidationError } from '../errors';
import { type IncidentEvent, parseEvent } from '../incident/index';
import { toIsoInstant } from '../time/iso-instant';
import type { CoordinatorEventInput } from './api';

/** Events the coordinator stamps carry whole seconds, the log's own style. */
export const stampOf = (ms: number): string => toIsoInstant(Math.floor(ms / 1000) * 1000);

/**
 * The event `input` dispatched to incident `id` at `nowMs` (epoch ms), parsed.
 *
 * @throws ValidationError when the event is malformed, or a `declared` event names another
 *   incident id (`event.incidentId`).
 * @internal
 */
export function dispatchedEvent(id: string, input: CoordinatorEventInput, nowMs: number): IncidentEvent {
  const raw: Record<string, unknown> = { ...input, at: input.at ?? stampOf(nowMs) };
  if (input.type === 'declared') {
    raw.incidentId = input.incidentId ?? id;
    if (raw.incidentId !== id) {
      throw new ValidationError('event', [
        problem(
          'event.incidentId',
          `the dispatched incident id ${JSON.stringify(id)}`,
          JSON.stringify(input.incidentId),
        ),
      ]);
    }
  }
  return parseEvent(raw);
}
