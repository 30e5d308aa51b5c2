/**
 * @module incident/state-check
 * Checks a state handed to `applyEvent` from outside (e.g. loaded from a store) once, and
 * remembers the states the reducer produced so they are not checked again.
 */
import { describeValue, problem, problemsFromZod, ValidationError } from '../errors';
import { type IncidentState, incidentStateSchema } from './state';

// States this reducer produced: known to be states, so they are not validated again.
const producedStates = new WeakSet<object>();

export function remember(state: IncidentState): IncidentState {
  producedStates.add(state);
  return state;
}

const STATE_EXPECTED =
  'an incident state (the result of applyEvent or replay), or undefined before "declared"';

// A state handed in from outside (e.g. loaded from a store) is checked once; a value that is
// not a state at all gets one problem rather than one per missing field.
export function assertState(state: unknown): asserts state is IncidentState | undefined {
  if (state === undefined) return;
  if (typeof state !== 'object' || state === null || Array.isArray(state)) {
    throw new ValidationError('incident state', [problem('state', STATE_EXPECTED, describeValue(state))]);
  }
  if (producedStates.has(state)) return;
  const parsed = incidentStateSchema.safeParse(state);
  if (parsed.success) {
    producedStates.add(state);
    return;
  }
  const required = Object.keys(incidentStateSchema.shape).filter(
    (k) =>
      !incidentStateSchema.shape[k as keyof typeof incidentStateSchema.shape].safeParse(undefined).success,
  );
  const missing = required.filter((k) => !(k in state));
  if (missing.length * 2 > required.length) {
    const keys = Object.keys(state)
      .slice(0, 5)
      .map((k) => JSON.stringify(k))
      .join(', ');
    throw new ValidationError('incident state', [
      problem('state', STATE_EXPECTED, keys === '' ? 'an empty object' : `an object with ${keys}`),
    ]);
  }
  throw new ValidationError('incident state', problemsFromZod(parsed.error, state, 'state'));
}
