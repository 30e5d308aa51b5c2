/**
 * @module runbook/topics
 * Approval topics and extra roles as the runbook defines them: the five built-in topics (plus
 * fix times) and custom ones, each with detection phrases, the role that decides its gate and
 * the reason shown to whoever asks; extra roles beside the seven built-in ones.
 */
import { z } from 'zod';
import { type Problem, problem } from '../errors';
import { notBuiltInKey } from '../text/id';
import { nonEmptyTextSchema as text } from '../text/non-empty';
import { APPROVAL_TOPICS, type ApprovalTopic, ROLES, type RoleId, type TopicId } from '../vocabulary';
import type { Runbook } from './define';

const CAMEL_ID = /^[a-z][A-Za-z0-9]*$/;

/** A role id as a runbook writes it: camelCase, e.g. `approver` or `legalReviewer`. */
export const roleIdSchema = notBuiltInKey(
  z.string().regex(CAMEL_ID, 'expected a role id in camelCase, e.g. "approver" or "legalReviewer"'),
);

/** A topic id as a runbook writes it: camelCase, e.g. `dataLoss` or `regulator`. */
export const topicIdSchema = notBuiltInKey(
  z.string().regex(CAMEL_ID, 'expected a topic id in camelCase, e.g. "dataLoss" or "regulator"'),
);

/**
 * One entry of the runbook's `topics` section. For a built-in topic every field is optional
 * (the role defaults to `approvals[topic]`, the phrases add to the linter's own, the reason to
 * the default wording); a custom topic needs a `role` and at least one phrase.
 */
export const topicDefinitionSchema = z
  .object({
    /** The role that decides the topic's gate (a built-in role or an extra one). */
    role: roleIdSchema.optional(),
    /** Words or phrases that put a draft under this topic (matched whole-word, case-insensitive). */
    phrases: z.array(text).default([]),
    /** Why the gate applies, shown to the person asking, e.g. "It mentions a regulator". */
    reason: text.optional(),
  })
  .strict();

/** A resolved approval topic: who decides it, what finds it, what the asker is told. */
export interface ApprovalTopicDefinition {
  id: TopicId;
  /** The role that decides its gate. */
  role: RoleId;
  /** The runbook's phrases for it (built-in topics also have the linter's own). */
  phrases: readonly string[];
  /** Why the gate applies, in plain words (no trailing full stop). */
  reason: string;
  /** True for the built-in topics (`security`, `dataLoss`, `legal`, `compensation`, `contract`, `fixTime`). */
  builtIn: boolean;
}

/** The reason each built-in topic's gate gives when it applies. */
export const DEFAULT_TOPIC_REASONS: Readonly<Record<ApprovalTopic, string>> = {
  security: 'It talks about security (access, passwords, breaches)',
  dataLoss: 'It says something about customer data being lost, exposed or safe',
  legal: 'It touches on legal matters or liability',
  compensation: 'It offers or hints at a credit, refund, discount or other compensation',
  contract: 'It mentions contract terms, an SLA or service commitments',
  fixTime: 'It promises when the fix or recovery will happen',
};

const isBuiltInTopic = (id: string): id is ApprovalTopic =>
  (APPROVAL_TOPICS as readonly string[]).includes(id);

/**
 * Every role id the runbook staffs: the seven built-in roles, then its extra roles in file order.
 *
 * @example
 * runbookRoleIds(runbook); // ['communicationOwner', …, 'engineering', 'legalReviewer']
 */
export function runbookRoleIds(runbook: Pick<Runbook, 'roles'>): RoleId[] {
  return [...ROLES, ...Object.keys(runbook.roles).filter((r) => !(ROLES as readonly string[]).includes(r))];
}

const resolved = new WeakMap<object, ApprovalTopicDefinition[]>();

/**
 * Every approval topic of a runbook, built-in first (in `APPROVAL_TOPICS` order), then the
 * custom ones in file order, each with its deciding role, phrases and reason.
 *
 * @param runbook - a validated runbook (`approvals` and `topics` are read).
 * @example
 * approvalTopics(runbook).find((t) => t.id === 'regulator')?.role; // 'legalReviewer'
 */
export function approvalTopics(runbook: Pick<Runbook, 'approvals' | 'topics'>): ApprovalTopicDefinition[] {
  const cached = resolved.get(runbook);
  if (cached) return cached;
  const ids = [...APPROVAL_TOPICS, ...Object.keys(runbook.topics).filter((t) => !isBuiltInTopic(t))];
  const out = ids.map((id) => {
    const own = runbook.topics[id];
    const builtIn = isBuiltInTopic(id);
    return {
      id,
      role: own?.role ?? runbook.approvals[id] ?? 'approver',
      phrases: own?.phrases ?? [],
      reason: (own?.reason ?? (builtIn ? DEFAULT_TOPIC_REASONS[id] : `It mentions ${id}`)).replace(/\.$/, ''),
      builtIn,
    };
  });
  if (Object.isFrozen(runbook)) resolved.set(runbook, out);
  return out;
}

/**
 * The topic → role table with the runbook's `topics` applied: what the `declared` event's
 * policy carries, so the permission table lets only that role decide each gate.
 *
 * @example
 * topicRoles(runbook).regulator; // 'legalReviewer'
 */
export function topicRoles(runbook: Pick<Runbook, 'approvals' | 'topics'>): Record<string, RoleId> {
  return Object.fromEntries(approvalTopics(runbook).map((t) => [t.id, t.role]));
}

/**
 * The runbook's lint settings with every topic's phrases added to `lint.topics`, so the one topic
 * detector (`detectTopics`) finds custom topics for the linter and the approval gates alike.
 * `undefined` when there is nothing to add and no lint section.
 */
export function lintWithTopicPhrases(
  lint: Runbook['lint'],
  topics: Runbook['topics'],
): Runbook['lint'] | undefined {
  const extra = Object.entries(topics).filter(([, t]) => t.phrases.length > 0);
  if (extra.length === 0) return lint;
  const merged: Record<string, string[]> = { ...lint?.topics };
  for (const [id, t] of extra) merged[id] = [...(merged[id] ?? []), ...t.phrases];
  return { ...lint, topics: merged };
}

/**
 * Path-named problems with the runbook's roles and topics: a topic or approval naming a role
 * the runbook does not staff, a custom topic without a role or phrases, the same phrase in two
 * topics, `lint.topics` naming an undeclared topic.
 */
export function topicProblems(
  rb: Pick<Runbook, 'roles' | 'approvals' | 'topics'> & { lint?: { topics?: Record<string, unknown> } },
): Problem[] {
  const problems: Problem[] = [];
  const roles = runbookRoleIds(rb);
  const known = `one of the runbook's roles (${roles.join(', ')})`;
  for (const [topic, role] of Object.entries(rb.approvals)) {
    if (!roles.includes(role)) problems.push(problem(`approvals.${topic}`, known, JSON.stringify(role)));
  }
  const phraseOwner = new Map<string, string>();
  for (const [id, t] of Object.entries(rb.topics)) {
    if (t.role !== undefined && !roles.includes(t.role))
      problems.push(problem(`topics.${id}.role`, known, JSON.stringify(t.role)));
    if (!isBuiltInTopic(id)) {
      if (t.role === undefined) problems.push(problem(`topics.${id}.role`, `the role that decides ${id}`));
      if (t.phrases.length === 0)
        problems.push(problem(`topics.${id}.phrases`, 'at least one phrase that detects the topic'));
    }
    t.phrases.forEach((phrase, i) => {
      const key = phrase.trim().toLowerCase();
      const other = phraseOwner.get(key);
      if (other !== undefined && other !== id)
        problems.push(
          problem(
            `topics.${id}.phrases.${i}`,
            `a phrase of one topic only (also in ${other})`,
            JSON.stringify(phrase),
          ),
        );
      else phraseOwner.set(key, id);
    });
  }
  for (const id of Object.keys(rb.lint?.topics ?? {})) {
    if (!isBuiltInTopic(id) && !Object.hasOwn(rb.topics, id))
      problems.push(
        problem(
          `lint.topics.${id}`,
          'a built-in topic or one declared under topics (with its role)',
          JSON.stringify(id),
        ),
      );
  }
  return problems;
}
