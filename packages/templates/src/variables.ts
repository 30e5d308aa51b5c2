/**
 * @module variables
 * The one catalog of template variables: every name a template may use, its zod type, and the
 * message kinds in which the renderer always provides it. Templates pick from this catalog.
 */
import {
  editDistance,
  hasVisibleText,
  MESSAGE_KINDS,
  type MessageKind,
  type Severity,
} from '@incident-comms/core';
import { z } from 'zod';

// A value of only control or invisible characters would render as nothing ("affecting  is").
const text = z.string().trim().min(1, 'expected a non-empty text').refine(hasVisibleText, {
  error: 'expected a non-empty text (only control or invisible characters were given)',
});
const list = z.array(text);

const NOT_RESOLVED: readonly MessageKind[] = ['initial', 'update', 'workaround'];

/** One entry of {@link TEMPLATE_VARIABLES}. */
export interface TemplateVariableSpec {
  /** The value's type. `list` variables may only be used as sections (`{{#unknowns}}…{{/unknowns}}`). */
  type: 'text' | 'list' | 'number';
  /** What the variable holds, in plain words (also shown in load-time errors). */
  description: string;
  /**
   * Message kinds in which the renderer always provides the variable. Elsewhere it may be absent,
   * so a template may only use it inside its own section (`{{#workaround}}{{workaround}}{{/workaround}}`).
   */
  providedFor: readonly MessageKind[];
}

/**
 * Every variable a template may use. The renderer fills them from one status-update version and
 * the runbook (see `buildTemplateVariables`), so all audiences share the same facts.
 *
 * Sentence variables (`symptomSentence`, `impact`, `teamAction`, `workaround`, `customerAction`,
 * `afterRecovery`) are complete sentences: they start with a capital and end with punctuation.
 * Phrase variables (`symptom`, `affected`, `affectedFlow`, `experienced`) fit inside a sentence.
 * Time variables are already formatted for the audience's time zone ("9:30 AM ET").
 */
export const TEMPLATE_VARIABLES = {
  incidentId: { type: 'text', description: 'the incident id', providedFor: MESSAGE_KINDS },
  incidentTitle: {
    type: 'text',
    description: 'the status update title, e.g. "Card payments failing at checkout"',
    providedFor: MESSAGE_KINDS,
  },
  version: { type: 'number', description: 'the status-update version (1-based)', providedFor: MESSAGE_KINDS },
  severity: {
    type: 'text',
    description: "the severity id on the runbook's ladder, e.g. SEV1 or P2 (internal wording)",
    providedFor: MESSAGE_KINDS,
  },
  severityLabel: {
    type: 'text',
    description: "the runbook's plain label of the severity, e.g. Critical",
    providedFor: MESSAGE_KINDS,
  },
  statusLabel: {
    type: 'text',
    description: 'Investigating, Identified, Monitoring or Resolved',
    providedFor: MESSAGE_KINDS,
  },
  incidentTypeName: {
    type: 'text',
    description: "the runbook's name of the incident type, e.g. Payment and checkout failures",
    providedFor: MESSAGE_KINDS,
  },
  productArea: {
    type: 'text',
    description: "the runbook's product area of the incident type, e.g. checkout",
    providedFor: MESSAGE_KINDS,
  },
  affectedFlow: {
    type: 'text',
    description: 'the flow customers use that is affected, e.g. "checkout", "signing in"',
    providedFor: MESSAGE_KINDS,
  },
  symptom: {
    type: 'text',
    description: 'the confirmed symptom as a phrase, e.g. "card payments at checkout are failing"',
    providedFor: MESSAGE_KINDS,
  },
  symptomSentence: {
    type: 'text',
    description: 'the confirmed symptom as a sentence, e.g. "Card payments at checkout are failing."',
    providedFor: MESSAGE_KINDS,
  },
  affected: {
    type: 'text',
    description: 'who is affected, as confirmed, e.g. "customers paying by card"',
    providedFor: MESSAGE_KINDS,
  },
  impact: {
    type: 'text',
    description: "what customers may see: the runbook's customerImpact sentence for the incident type",
    providedFor: MESSAGE_KINDS,
  },
  experienced: {
    type: 'text',
    description:
      'what customers may have seen, past tense phrase, e.g. "payment errors and orders that did not complete"',
    providedFor: MESSAGE_KINDS,
  },
  afterRecovery: {
    type: 'text',
    description: 'whether customers need to do anything after recovery, one sentence per incident type',
    providedFor: MESSAGE_KINDS,
  },
  teamAction: {
    type: 'text',
    description: 'what the team is doing, as confirmed (a sentence)',
    providedFor: MESSAGE_KINDS,
  },
  ownerName: {
    type: 'text',
    description: 'the person who owns the next update (the communication owner)',
    providedFor: MESSAGE_KINDS,
  },
  sourceOfTruth: {
    type: 'text',
    description: "the runbook's one place for the latest approved status",
    providedFor: MESSAGE_KINDS,
  },
  publishedTime: {
    type: 'text',
    description:
      'the time this version states the incident as of (when its status was drafted), formatted for the audience; the approved bytes carry it, so delivery later never changes it',
    providedFor: MESSAGE_KINDS,
  },
  unknowns: {
    type: 'list',
    description: 'what the team still does not know (a list; may be empty)',
    providedFor: MESSAGE_KINDS,
  },
  nextUpdateTime: {
    type: 'text',
    description: 'when the next update is due, formatted for the audience (absent once resolved)',
    providedFor: NOT_RESOLVED,
  },
  recoveredTime: {
    type: 'text',
    description: 'when service recovered, formatted for the audience (resolved messages)',
    providedFor: ['resolved'],
  },
  workaround: {
    type: 'text',
    description: 'the confirmed workaround (a sentence); always present in workaround messages',
    providedFor: ['workaround'],
  },
  customerAction: {
    type: 'text',
    description: 'what customers should do now (a sentence), when the incident lead confirmed one',
    providedFor: [],
  },
  cause: {
    type: 'text',
    description: 'the cause, only once confirmed (a sentence)',
    providedFor: [],
  },
  followUpTime: {
    type: 'text',
    description: 'when a fuller follow-up will be sent, formatted for the audience, when the host set one',
    providedFor: [],
  },
  sourceOfTruthUrl: {
    type: 'text',
    description: "the runbook's link to the source of truth, when set",
    providedFor: [],
  },
} as const satisfies Record<string, TemplateVariableSpec>;

/** A name from {@link TEMPLATE_VARIABLES}. */
export type TemplateVariableName = keyof typeof TEMPLATE_VARIABLES;

/** All names of {@link TEMPLATE_VARIABLES}. */
export const TEMPLATE_VARIABLE_NAMES = Object.keys(TEMPLATE_VARIABLES) as TemplateVariableName[];

/** The full set of values the renderer computes for one audience (optional ones may be absent). */
export interface TemplateVariables {
  incidentId: string;
  incidentTitle: string;
  version: number;
  severity: Severity;
  severityLabel: string;
  statusLabel: string;
  incidentTypeName: string;
  productArea: string;
  affectedFlow: string;
  symptom: string;
  symptomSentence: string;
  affected: string;
  impact: string;
  experienced: string;
  afterRecovery: string;
  teamAction: string;
  ownerName: string;
  sourceOfTruth: string;
  publishedTime: string;
  unknowns: string[];
  nextUpdateTime?: string | undefined;
  recoveredTime?: string | undefined;
  workaround?: string | undefined;
  customerAction?: string | undefined;
  cause?: string | undefined;
  followUpTime?: string | undefined;
  sourceOfTruthUrl?: string | undefined;
}

/** The zod type of one catalog variable. */
export function variableSchema(name: TemplateVariableName): z.ZodType {
  const spec: TemplateVariableSpec = TEMPLATE_VARIABLES[name];
  if (spec.type === 'list') return list;
  if (spec.type === 'number') return z.number().int().positive();
  return text;
}

/** Whether `name` is a catalog variable. */
export function isTemplateVariableName(name: string): name is TemplateVariableName {
  return Object.hasOwn(TEMPLATE_VARIABLES, name);
}

/** A variable declaration: a catalog name, with `?` when the template may render without it. */
export type VariableDeclaration = TemplateVariableName | `${TemplateVariableName}?`;

/**
 * Builds a template's variables schema from catalog names; a trailing `?` marks a variable the
 * template only uses inside its own section, so it may be absent.
 *
 * @returns a strict zod object (unknown keys are rejected).
 * @example
 * const schema = declareVariables('symptom', 'nextUpdateTime', 'workaround?');
 * schema.parse({ symptom: 'checkout fails', nextUpdateTime: '9:30 AM ET' }); // ok
 */
export function declareVariables(...names: VariableDeclaration[]): z.ZodObject {
  const shape: Record<string, z.ZodType> = {};
  for (const declared of names) {
    const optional = declared.endsWith('?');
    const name = (optional ? declared.slice(0, -1) : declared) as TemplateVariableName;
    shape[name] = optional ? variableSchema(name).optional() : variableSchema(name);
  }
  return z.object(shape).strict();
}

/**
 * Closest catalog name to a misspelt one, for "did you mean" hints: by edit distance to the whole
 * name or to a prefix of the same length (so `nextUpdte` finds `nextUpdateTime`).
 */
export function suggestVariable(name: string): TemplateVariableName | undefined {
  const wanted = name.toLowerCase();
  const limit = Math.max(2, Math.floor(wanted.length / 3));
  let best: { name: TemplateVariableName; score: number } | undefined;
  for (const candidate of TEMPLATE_VARIABLE_NAMES) {
    const lower = candidate.toLowerCase();
    const score = Math.min(
      editDistance(wanted, lower),
      editDistance(wanted, lower.slice(0, wanted.length)) + 1,
    );
    if (score <= limit && (!best || score < best.score)) best = { name: candidate, score };
  }
  return best?.name;
}
