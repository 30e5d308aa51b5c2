/**
 * @module runbook/define
 * Validating a runbook: schema (zod) plus the semantic checks a support lead can get wrong.
 */

import type { z } from 'zod';
import { type Problem, problem, problemsFromZod, protoKeyProblems, RunbookError } from '../errors';
import type { SeverityLevel } from '../severity/index';
import type { Role } from '../vocabulary';
import type { IncidentTypeDefinition } from './defaults';
import { resolveIncidentTypes } from './incident-types';
import { type RunbookInput, runbookSchema } from './schema';
import { segmentProblems } from './segments';
import { lintWithSeverityCodes, resolveSeverities } from './severity-ladder';
import { lintWithTopicPhrases, runbookRoleIds, topicProblems, topicRoles } from './topics';
import { readYaml } from './yaml';

type Parsed = z.output<typeof runbookSchema>;
type RoleDefinition = Parsed['roles']['communicationOwner'];

/** The runbook's cadence with every per-severity rhythm resolved against its ladder. */
export type RunbookCadence = Omit<
  Parsed['cadence'],
  'minutes' | 'monitoringMinutes' | 'firstUpdateTargetMinutes'
> & {
  /** Minutes between customer updates, per severity id on the ladder. */
  minutes: Readonly<Record<string, number>>;
  /** Minutes between updates while monitoring a fix, per severity id. */
  monitoringMinutes: Readonly<Record<string, number>>;
  /** Minutes from declaring to the first customer update, per severity id. */
  firstUpdateTargetMinutes: Readonly<Record<string, number>>;
};

/**
 * A validated runbook with every default applied. Immutable (deep-frozen). `roles` holds the
 * seven built-in roles and any extra role the runbook declares (e.g. `legalReviewer`).
 * Severities and incident types are the runbook's own definitions: read `severityLadder` (most
 * severe first) and `incidentTypes`, never a built-in list.
 */
export type Runbook = Readonly<
  Omit<Parsed, 'roles' | 'severities' | 'cadence' | 'incidentTypes'> & {
    roles: Record<Role, RoleDefinition> & Record<string, RoleDefinition>;
    /** The severity levels by id (same objects as `severityLadder`). */
    severities: Readonly<Record<string, SeverityLevel>>;
    /** The severity levels, most severe first (2 to 6). */
    severityLadder: readonly SeverityLevel[];
    cadence: RunbookCadence;
    /** Incident types by id: the defaults (unless replaced) and the runbook's own. */
    incidentTypes: Readonly<Record<string, IncidentTypeDefinition>>;
  }
>;

/** A person named in the runbook. */
export type Person = RoleDefinition['primary'];

function semanticProblems(rb: z.output<typeof runbookSchema>): Problem[] {
  const problems: Problem[] = [];
  const roles = runbookRoleIds(rb);
  for (const role of roles) {
    const { primary, backup } = rb.roles[role]!;
    if (primary.id === backup.id) {
      problems.push(
        problem(
          `roles.${role}.backup.id`,
          `a different person than the primary (${primary.id})`,
          JSON.stringify(backup.id),
        ),
      );
    }
  }
  // One person, one name: the same id must not be spelt as two different people.
  const names = new Map<string, { name: string; path: string }>();
  for (const role of roles) {
    for (const slot of ['primary', 'backup'] as const) {
      const p = rb.roles[role]![slot];
      const seen = names.get(p.id);
      if (seen && seen.name !== p.name) {
        problems.push(
          problem(
            `roles.${role}.${slot}.name`,
            `the same name as ${seen.path} for id ${p.id} (${JSON.stringify(seen.name)})`,
            JSON.stringify(p.name),
          ),
        );
      } else if (!seen) names.set(p.id, { name: p.name, path: `roles.${role}.${slot}` });
    }
  }
  return [...problems, ...topicProblems(rb), ...segmentProblems(rb)];
}

// A built-in topic's role set in both `approvals` and `topics` must agree.
function topicConflicts(input: unknown): Problem[] {
  const given = (input ?? {}) as {
    approvals?: Record<string, unknown>;
    topics?: Record<string, { role?: unknown }>;
  };
  return Object.entries(given.topics ?? {}).flatMap(([id, t]) => {
    const other = given.approvals?.[id];
    return other !== undefined && t?.role !== undefined && other !== t.role
      ? [
          problem(
            `topics.${id}.role`,
            `the same role as approvals.${id} (${JSON.stringify(other)}), or only one of them`,
            JSON.stringify(t.role),
          ),
        ]
      : [];
  });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * Extra validation a caller passes in (e.g. the templates package's `checkRunbookTemplates`):
 * takes the parsed, frozen runbook and returns its problems (empty when fine); must not throw.
 */
export type RunbookCheck = (runbook: Runbook) => Problem[];

/** Options of {@link defineRunbook}, {@link parseRunbook} and `loadRunbook`. */
export interface RunbookOptions {
  /** A name for messages, e.g. the file path. */
  readonly source?: string | undefined;
  /**
   * Checks run after the runbook's own validation; their problems join the same
   * `RunbookError`. Nothing is registered globally: a runbook is checked by exactly the
   * checks its caller passes, whatever modules were imported before.
   */
  readonly checks?: readonly RunbookCheck[] | undefined;
}

const optionsOf = (options: string | RunbookOptions | undefined): RunbookOptions =>
  typeof options === 'string' ? { source: options } : (options ?? {});

/**
 * Validates a runbook and fills every default from the practice (severities, cadence 15/30/60
 * minutes, checkpoints every 30, approval routing, the five incident types, time zones).
 *
 * @param input - the runbook as plain data (from YAML/JSON or code). Only `roles` is required:
 *   each of the seven roles with a `primary` and a `backup` person `{ id, name, contact }`.
 * @param options - the source name for messages (a string is the source), and the extra
 *   {@link RunbookCheck}s to run, e.g. `{ checks: [checkRunbookTemplates] }`.
 * @returns the validated, deep-frozen {@link Runbook}.
 * @throws {RunbookError} `code: 'runbook_invalid'` listing every problem at once, each with its
 *   path, the expected value and what was found, e.g. `roles.approver.backup: required`,
 *   `cadence.minutes.SEV1: expected a positive number of minutes, got -5`.
 * @example
 * const person = (id: string) => ({ id, name: id, contact: `@${id}` });
 * const roles = Object.fromEntries(ROLES.map((r) => [r, { primary: person(`${r}-1`), backup: person(`${r}-2`) }]));
 * const runbook = defineRunbook({ roles });
 * runbook.cadence.minutes.SEV1; // 15
 */
export function defineRunbook(input: unknown, options?: string | RunbookOptions): Runbook {
  const { source, checks = [] } = optionsOf(options);
  const dropped = protoKeyProblems(input);
  if (dropped.length > 0) throw new RunbookError(dropped, source);
  const parsed = runbookSchema.safeParse(input);
  if (!parsed.success) throw new RunbookError(problemsFromZod(parsed.error, input), source);
  const rb = parsed.data;
  // A more severe level never gets a slower rhythm than a less severe one (checked here).
  const ladder = resolveSeverities(rb.severities ?? { form: 'named', overrides: {} }, rb.cadence);
  const incidentTypes = resolveIncidentTypes(rb.incidentTypes);
  const areas = new Set([...Object.values(incidentTypes).map((t) => t.productArea), ...rb.productAreas]);
  rb.productAreas = [...areas];
  const own = [...ladder.problems, ...semanticProblems(rb), ...topicConflicts(input)];
  // Custom topics are found by the linter's one topic detector, through its `lint.topics`.
  rb.approvals = topicRoles(rb);
  // Custom severity codes (SEV0, P3) are jargon in customer text, like SEV1 is.
  const lint = lintWithSeverityCodes(lintWithTopicPhrases(rb.lint, rb.topics), ladder.value.severityLadder);
  if (lint !== undefined) rb.lint = lint;
  const { severities: _severities, cadence, incidentTypes: _types, ...rest } = rb;
  const frozen = deepFreeze({
    ...rest,
    severities: ladder.value.severities,
    severityLadder: ladder.value.severityLadder,
    cadence: {
      ...cadence,
      minutes: ladder.value.minutes,
      monitoringMinutes: ladder.value.monitoringMinutes,
      firstUpdateTargetMinutes: ladder.value.firstUpdateTargetMinutes,
    },
    incidentTypes,
  }) as Runbook;
  // Caller checks join in the same error; the ladder resolves even when its order is wrong.
  const problems = [...own, ...checks.flatMap((check) => check(frozen))];
  if (problems.length > 0) throw new RunbookError(problems, source);
  return frozen;
}

/**
 * Parses runbook text (YAML, a superset of JSON) and validates it with {@link defineRunbook}.
 *
 * @param text - the file's contents.
 * @param options - a name for messages (e.g. the file path) and extra checks, as for
 *   {@link defineRunbook}.
 * @returns the validated, frozen {@link Runbook} with every default filled in.
 * @throws {RunbookError} for YAML syntax errors (with line and column) and invalid content.
 * @example
 * const runbook = parseRunbook(readFileSync('runbook.yaml', 'utf8'), 'runbook.yaml');
 * runbook.cadence.minutes.SEV1; // 15 unless the file says otherwise
 */
export function parseRunbook(text: string, options?: string | RunbookOptions): Runbook {
  const read = readYaml(text);
  if (!read.ok) throw new RunbookError(read.problems, optionsOf(options).source);
  return defineRunbook(read.data, options);
}

/**
 * The plugin modules a runbook's `lint.plugins` lists, read before the runbook is validated (its
 * `lint` section may configure those plugins' rules, so they must be registered first). Only the
 * CLI needs this: it imports and registers each, then calls {@link parseRunbook}.
 *
 * @param text - the runbook file's contents.
 * @returns the listed module specifiers; empty when there are none or the file does not parse
 *   (parseRunbook then reports the problem).
 * @example
 * runbookPluginModules('lint:\n  plugins: [./acme-plugin.mjs]\n'); // ['./acme-plugin.mjs']
 */
export function runbookPluginModules(text: string): string[] {
  const read = readYaml(text);
  if (!read.ok) return [];
  const lint = (read.data as { lint?: { plugins?: unknown } } | null)?.lint;
  const list = lint !== null && typeof lint === 'object' ? lint.plugins : undefined;
  return Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string' && p.trim() !== '') : [];
}

export type { RunbookInput };
