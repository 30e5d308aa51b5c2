/**
 * @module publish/release-consistency
 * Does a release say the same facts as the status update it will publish? Every message a
 * person wrote or edited is compared with the confirmed facts; template renders state them by
 * construction. `publish` refuses a release that contradicts them, naming the fact and audiences.
 */
import type { StatusUpdate } from '../incident/events';
import { WORKS_NORMALLY } from '../lint/phrases';
import { TextDocument } from '../lint/text';
import type { ReleaseMessage } from '../release/release';
import { checkConsistency } from './consistency';
import type { ConsistencyFact } from './consistency-types';
import { terms } from './stated-facts';

/** One fact an edited message states differently from the confirmed facts. */
export interface ReleaseContradiction {
  fact: ConsistencyFact;
  /** What the confirmed facts (the status update) say. */
  expected: string;
  /** What the messages say instead. */
  stated: string;
  /** The audiences whose messages say it. */
  audiences: string[];
  /** Plain words naming the fact, both values and the audiences. */
  message: string;
}

const FACT_WORDS: Record<ConsistencyFact, string> = {
  version: 'the status version',
  status: 'the status',
  whatIsBroken: 'what is broken',
  whoIsAffected: 'who is affected',
  customerAction: 'what customers should do',
  nextUpdate: 'the next update time',
};
const NOT_STATED = 'not stated';

// A message that says the broken thing works as usual, while the incident is open.
function deniedSymptoms(written: readonly ReleaseMessage[], reference: StatusUpdate): ReleaseContradiction[] {
  if (reference.status === 'resolved' || reference.status === 'monitoring') return [];
  const subject = new Set([...terms(reference.symptom), ...terms(reference.title)]);
  const byText = new Map<string, string[]>();
  for (const m of written) {
    for (const span of new TextDocument(m.text).sentences) {
      const sentence = m.text.slice(span.start, span.end);
      if (!WORKS_NORMALLY.test(sentence) || ![...terms(sentence)].some((w) => subject.has(w))) continue;
      const text = sentence.trim();
      byText.set(text, [...(byText.get(text) ?? []), m.audience]);
      break;
    }
  }
  return [...byText].map(([stated, audiences]) => ({
    fact: 'whatIsBroken',
    expected: reference.symptom,
    stated,
    audiences,
    message: `${audiences.join(', ')} ${audiences.length > 1 ? 'say' : 'says'} what is broken differently: "${stated}", while the confirmed facts say "${reference.symptom}". Reword it to match, or have the incident lead confirm new facts.`,
  }));
}

/**
 * The facts a release's edited or hand-written messages state differently from the status
 * update it will publish: what is broken, who is affected, what customers should do and the
 * next-update instant (as {@link checkConsistency} reads them). A message that does not
 * restate a fact is not a contradiction; one that states another value is (a scope, a
 * next-update time, or a sentence saying the broken thing works as usual while the incident
 * is open; paraphrased advice is left to the approvers). Messages rendered
 * from templates and left unedited are not read: they take their facts from the same update.
 *
 * Practice: "every customer-facing team sends the same status".
 *
 * @param messages - the release's messages (`edited` or without `templateId` are compared).
 * @param reference - the status update the release will publish (`previewStatusUpdate`).
 * @returns one entry per differing fact and value; empty when the release agrees.
 * @example
 * releaseContradictions(draft.messages, previewStatusUpdate(state, draft, runbook, now))
 *   .map((c) => c.message);
 * // ['sales-active-deal says what is broken differently: "new accounts can still sign up normally" …']
 */
export function releaseContradictions(
  messages: readonly ReleaseMessage[],
  reference: StatusUpdate,
): ReleaseContradiction[] {
  const written = messages.filter((m) => m.edited === true || m.templateId === undefined);
  if (written.length === 0) return [];
  const report = checkConsistency(
    written.map((m) => ({
      audience: m.audience,
      text: m.text,
      label:
        written.filter((o) => o.audience === m.audience && o.segment === m.segment).length > 1
          ? `${m.segment ?? m.audience} (${m.timeZone})`
          : (m.segment ?? m.audience),
      timeZone: m.timeZone,
      publishedAt: reference.publishedAt,
    })),
    { reference },
  );
  const out: ReleaseContradiction[] = [...deniedSymptoms(written, reference)];
  for (const difference of report.differences) {
    // Paraphrased advice and restated symptoms read too loosely to block on; a stated scope
    // or next-update time that differs, and a denied symptom, do not.
    if (difference.fact !== 'whoIsAffected' && difference.fact !== 'nextUpdate') continue;
    const [facts, ...others] = difference.variants;
    if (!facts || facts.value === NOT_STATED) continue;
    for (const variant of others) {
      if (variant.value === NOT_STATED) continue;
      out.push({
        fact: difference.fact,
        expected: facts.value,
        stated: variant.value,
        audiences: variant.audiences,
        message: `${variant.audiences.join(', ')} ${variant.audiences.length > 1 ? 'say' : 'says'} ${FACT_WORDS[difference.fact]} differently: "${variant.value}", while the confirmed facts say "${facts.value}". Reword it to match, or have the incident lead confirm new facts.`,
      });
    }
  }
  return out;
}
