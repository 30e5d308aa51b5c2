/**
 * @module bench/quality/score
 * Scores the linter against the labelled corpus of real incident messages: per rule,
 * positives, precision, recall and false-alarm rate, with every miss and false alarm listed.
 * Shared by `pnpm bench:quality` (prints) and the regression test (asserts thresholds).
 */
import { readFileSync } from 'node:fs';
import { type Diagnostic, type LintContext, lintContextSchema, lintMessage } from '@incident-comms/core/lint';
import { RULE_IDS } from '../../packages/core/src/lint/rules/index';

/** Where an entry was written and by whom; see LABELLING.md for the vocabulary. */
export const CHANNELS = [
  'status-page',
  'email',
  'forum',
  'social',
  'support-reply',
  'blog',
  'chat',
  'in-app',
  'sms',
  'press-statement',
] as const;
/** Who wrote the message. `support`, `sales` and `customer-success` count as front-line staff. */
export const AUTHOR_ROLES = [
  'incident-team',
  'engineering',
  'support',
  'sales',
  'customer-success',
  'community-staff',
  'founder',
  'spokesperson',
] as const;
/** Roles the issue counts as "written by support, sales or customer-success people". */
export const FRONT_LINE_ROLES: readonly string[] = [
  'support',
  'sales',
  'customer-success',
  'community-staff',
];

/**
 * Rules every entry is judged on: a rule absent from `errors` and `warnings` must stay silent.
 * The counting rules (message-length, sentence-length) are definitional and reported only as
 * firing counts; owner-named and stale-facts read context the public corpus does not have.
 */
export const JUDGED_RULES = [
  'next-update-time',
  'no-cause-speculation',
  'no-fix-time-promise',
  'no-premature-resolution',
  'no-vague-language',
  'plain-impact',
  'scope-accuracy',
  'no-compensation-offer',
  'no-jargon',
  'no-boilerplate-apology',
  'no-dramatic-language',
  'unfilled-placeholder',
] as const;

/** One labelled real message, one line of `corpus.jsonl`. */
export interface QualityEntry {
  id: string;
  source: string;
  organisation: string;
  channel: (typeof CHANNELS)[number];
  authorRole: (typeof AUTHOR_ROLES)[number];
  /** When the message was posted, as the source shows it (free text), when known. */
  posted?: string;
  text: string;
  context: LintContext;
  expect: { errors: string[]; warnings: string[]; clean: string[] };
  /** Rule id to the words in `text` that make it a positive (shown for each miss). */
  evidence?: Record<string, string>;
  /** Why a borderline call went the way it did. */
  note?: string;
}

/** Figures for one rule over the entries that judge it. */
export interface RuleFigures {
  ruleId: string;
  /** Entries labelled as needing the rule (error or warning). */
  positives: number;
  /** Entries labelled clean for the rule. */
  negatives: number;
  truePositives: number;
  falsePositives: number;
  /** TP / (TP + FP); 1 when the rule never fired (no false alarm either). */
  precision: number;
  /** TP / positives; 1 when there are no positives. */
  recall: number;
  /** FP / negatives: share of clean-labelled messages the rule wrongly fires on. */
  falseAlarmRate: number;
}

/** A labelled positive the rule did not report. */
export interface Miss {
  id: string;
  ruleId: string;
  evidence: string;
}

/** A report on a message labelled clean for that rule. */
export interface FalseAlarm {
  id: string;
  ruleId: string;
  span: string;
  message: string;
}

/** The whole scoring run. */
export interface QualityReport {
  entries: number;
  rules: RuleFigures[];
  misses: Miss[];
  falseAlarms: FalseAlarm[];
  /** Firing counts of the unjudged counting rules, for information. */
  unjudged: Record<string, number>;
}

const fail = (line: number, what: string): never => {
  throw new Error(`corpus.jsonl line ${line}: ${what}`);
};

function stringList(value: unknown, line: number, path: string): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
    fail(line, `${path} must be an array of rule ids`);
  for (const id of value as string[])
    if (!(RULE_IDS as readonly string[]).includes(id)) fail(line, `${path} names unknown rule "${id}"`);
  return value as string[];
}

function text(value: unknown, line: number, path: string): string {
  if (typeof value !== 'string' || value.trim() === '') fail(line, `${path} must be a non-empty string`);
  return value as string;
}

/** Parses and checks one JSONL line; throws naming the line and field on any defect. */
export function parseEntry(raw: string, line: number): QualityEntry {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(raw) as Record<string, unknown>;
  } catch (error) {
    return fail(line, `not JSON (${(error as Error).message})`);
  }
  const source = text(json.source, line, 'source');
  if (!/^https?:\/\//.test(source)) fail(line, 'source must be the http(s) address of the public page');
  const channel = text(json.channel, line, 'channel');
  if (!(CHANNELS as readonly string[]).includes(channel))
    fail(line, `channel must be one of ${CHANNELS.join(', ')}`);
  const authorRole = text(json.authorRole, line, 'authorRole');
  if (!(AUTHOR_ROLES as readonly string[]).includes(authorRole))
    fail(line, `authorRole must be one of ${AUTHOR_ROLES.join(', ')}`);
  const context = lintContextSchema.safeParse(json.context);
  if (!context.success) fail(line, `context: ${context.error?.message}`);
  const expect = (json.expect ?? {}) as Record<string, unknown>;
  const errors = stringList(expect.errors ?? [], line, 'expect.errors');
  const warnings = stringList(expect.warnings ?? [], line, 'expect.warnings');
  const clean = stringList(expect.clean ?? [], line, 'expect.clean');
  const body = text(json.text, line, 'text');
  for (const id of [...errors, ...warnings])
    if (clean.includes(id)) fail(line, `rule "${id}" is labelled both positive and clean`);
  for (const id of JUDGED_RULES)
    if (![...errors, ...warnings, ...clean].includes(id)) fail(line, `judged rule "${id}" has no label`);
  const evidence = json.evidence as Record<string, string> | undefined;
  for (const [id, words] of Object.entries(evidence ?? {}))
    if (!body.includes(words)) fail(line, `evidence for ${id} is not a quotation from text: "${words}"`);
  return {
    id: text(json.id, line, 'id'),
    source,
    organisation: text(json.organisation, line, 'organisation'),
    channel: channel as QualityEntry['channel'],
    authorRole: authorRole as QualityEntry['authorRole'],
    ...(typeof json.posted === 'string' ? { posted: json.posted } : {}),
    text: body,
    context: json.context as LintContext,
    expect: { errors, warnings, clean },
    ...(evidence === undefined ? {} : { evidence }),
    ...(typeof json.note === 'string' ? { note: json.note } : {}),
  };
}

/** Letters and digits only, lower-cased: two quotations of one message compare equal. */
const textKey = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/**
 * Reads `corpus.jsonl` (or another file of the same shape). Ids must be unique, and one source
 * may not yield the same organisation's message twice (the same words from two organisations,
 * or a stock status text reused across incidents and quoted by two sources, are separate
 * messages).
 */
export function loadCorpus(path = new URL('./corpus.jsonl', import.meta.url)): QualityEntry[] {
  const entries: QualityEntry[] = [];
  const ids = new Set<string>();
  const quotations = new Map<string, string>();
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((raw, i) => {
      if (raw.trim() === '') return;
      const entry = parseEntry(raw, i + 1);
      if (ids.has(entry.id)) fail(i + 1, `duplicate id "${entry.id}"`);
      ids.add(entry.id);
      const quotation = `${entry.source}\n${entry.organisation}\n${textKey(entry.text)}`;
      const earlier = quotations.get(quotation);
      if (earlier !== undefined)
        fail(i + 1, `"${entry.id}" repeats "${earlier}" (same source, organisation and text)`);
      quotations.set(quotation, entry.id);
      entries.push(entry);
    });
  return entries;
}

const ratio = (a: number, b: number, empty: number): number => (b === 0 ? empty : a / b);

/** Lints every entry in its labelled context and scores each judged rule. */
export function scoreCorpus(entries: readonly QualityEntry[]): QualityReport {
  const misses: Miss[] = [];
  const falseAlarms: FalseAlarm[] = [];
  const unjudged: Record<string, number> = {};
  const counts = new Map<string, { pos: number; neg: number; tp: number; fp: number }>(
    JUDGED_RULES.map((id) => [id, { pos: 0, neg: 0, tp: 0, fp: 0 }]),
  );
  for (const entry of entries) {
    const found = new Map<string, Diagnostic[]>();
    for (const d of lintMessage(entry.text, entry.context)) {
      const list = found.get(d.ruleId) ?? [];
      list.push(d);
      found.set(d.ruleId, list);
    }
    for (const [ruleId, list] of found)
      if (!counts.has(ruleId)) unjudged[ruleId] = (unjudged[ruleId] ?? 0) + (list.length > 0 ? 1 : 0);
    for (const ruleId of JUDGED_RULES) {
      const c = counts.get(ruleId)!;
      const fired = found.get(ruleId) ?? [];
      const positive = entry.expect.errors.includes(ruleId) || entry.expect.warnings.includes(ruleId);
      if (positive) {
        c.pos++;
        if (fired.length > 0) c.tp++;
        else misses.push({ id: entry.id, ruleId, evidence: entry.evidence?.[ruleId] ?? '(whole message)' });
      } else if (entry.expect.clean.includes(ruleId)) {
        c.neg++;
        if (fired.length > 0) {
          c.fp++;
          for (const d of fired)
            falseAlarms.push({
              id: entry.id,
              ruleId,
              span: entry.text.slice(d.start, d.end),
              message: d.message,
            });
        }
      }
    }
  }
  const rules = JUDGED_RULES.map((ruleId): RuleFigures => {
    const c = counts.get(ruleId)!;
    return {
      ruleId,
      positives: c.pos,
      negatives: c.neg,
      truePositives: c.tp,
      falsePositives: c.fp,
      precision: ratio(c.tp, c.tp + c.fp, 1),
      recall: ratio(c.tp, c.pos, 1),
      falseAlarmRate: ratio(c.fp, c.neg, 0),
    };
  });
  return { entries: entries.length, rules, misses, falseAlarms, unjudged };
}

/** The bar for one rule: met or not, and why. */
export function meetsBar(r: RuleFigures): boolean {
  return r.positives >= 10 ? r.precision >= 0.9 && r.recall >= 0.8 : r.falseAlarmRate <= 0.03;
}
