/**
 * @module lint/define-rule
 * The rule shape: metadata (id, default severity, docs, where it applies, options schema)
 * plus one `check` function, the way ESLint and Vale rules are written.
 */
import type { z } from 'zod';
import { problem, ValidationError } from '../errors';
import type { Audience, MessageKind } from '../vocabulary';
import type { LintConfig } from './config';
import type { TextDocument } from './text';
import type { Fix, LintSeverity, ResolvedFacts, TopicMatch } from './types';

/**
 * Where the built-in rules' documentation lives, relative to the repository root: one page per
 * rule, `docs/rules/<rule-id>.md` (what it catches, why, examples, options).
 */
export const RULE_DOCS_URL = 'docs/rules';

/** What a rule reports; the linter adds the rule id, severity, line and column. */
export interface RuleReport {
  /** UTF-16 offset of the first flagged character. */
  start: number;
  /** UTF-16 offset after the last flagged character. */
  end: number;
  /** Plain words: what is wrong and what to write instead. */
  message: string;
  /** Overrides the rule's default severity for this report; a configured level still wins. */
  severity?: LintSeverity;
  suggestion?: string;
  fix?: Fix;
}

/**
 * What a rule's `check` receives: the draft (segmented once for all rules), the resolved
 * facts, the message kind and audience, its options, and `report`.
 */
export interface RuleContext<Options = unknown> {
  /** The draft text. */
  readonly text: string;
  /** The draft split into sentences and clauses, with negation and quote helpers. */
  readonly doc: TextDocument;
  /** Confirmed facts with defaults applied. */
  readonly facts: ResolvedFacts;
  readonly kind: MessageKind;
  readonly audience: Audience;
  /** The audience's IANA time zone, when known. */
  readonly timeZone: string | undefined;
  /** The facts version the draft was written against, when known. */
  readonly basedOnVersion: number | undefined;
  /** The rule's options after its schema's defaults are applied. */
  readonly options: Options;
  /** Extra phrases from the runbook's `lint.phrases[ruleId]`, compiled; `undefined` when none. */
  readonly extraPhrases: RegExp | undefined;
  /** The parsed lint configuration, when one was given. */
  readonly config: LintConfig | undefined;
  /** Approval topics in the draft (computed once per draft and shared by all rules). */
  topics(): readonly TopicMatch[];
  /** True when the draft says what customers can or cannot do or see (computed once). */
  hasImpactStatement(): boolean;
  /** Reports a diagnostic. */
  report(report: RuleReport): void;
}

/**
 * A lint rule: data plus a function. Build one with {@link defineRule}.
 */
export interface Rule<Options = unknown> {
  /** Public, kebab-case id, e.g. `no-jargon`. */
  readonly id: string;
  readonly defaultSeverity: LintSeverity;
  /** `url`: the rule's documentation page; a plugin rule without one has none. */
  readonly docs: { readonly description: string; readonly url?: string };
  /** Message kinds and audiences the rule checks; absent lists mean all. */
  readonly appliesTo: { readonly kinds?: readonly MessageKind[]; readonly audiences?: readonly Audience[] };
  /** Zod schema of the rule's options; must accept `{}` (defaults fill the rest). */
  readonly optionsSchema: z.ZodType<Options> | undefined;
  /** Options when none are configured: `optionsSchema.parse({})`. */
  readonly defaultOptions: Options;
  /** True when the runbook may add phrases for this rule under `lint.phrases[id]`. */
  readonly acceptsPhrases: boolean;
  check(ctx: RuleContext<Options>): void;
}

/** The input of {@link defineRule}. */
export interface RuleDefinition<Options> {
  id: string;
  defaultSeverity: LintSeverity;
  docs: { description: string; url?: string };
  appliesTo?: { kinds?: readonly MessageKind[]; audiences?: readonly Audience[] };
  optionsSchema?: z.ZodType<Options>;
  acceptsPhrases?: boolean;
  check(ctx: RuleContext<Options>): void;
}

const defined = new WeakSet<object>();

/** True when `value` was made by {@link defineRule} (plugins may hand in plain definitions). */
export function isDefinedRule(value: unknown): value is Rule {
  return typeof value === 'object' && value !== null && defined.has(value);
}

const RULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)?$/;

/**
 * Declares a lint rule. Adding a rule is one file with one `defineRule` call and one line in
 * the rule list; hosts define their own rules the same way and test them with `RuleTester`.
 *
 * @param definition id (kebab-case, optionally `plugin/name`), default severity, docs
 *   (`url` defaults to the built-in rule's page `docs/rules/<id>.md`; a plugin rule has none
 *   unless it sets one), where it applies, an optional
 *   zod options schema that accepts `{}`, and `check`.
 * @returns the rule, frozen
 * @throws {ValidationError} (`input_invalid`) when the id is not kebab-case (path `id`) or the
 *   options schema rejects `{}` (path `optionsSchema`)
 * @example
 * const noTbd = defineRule({
 *   id: 'acme/no-internal-codename',
 *   defaultSeverity: 'error',
 *   docs: { description: 'Customers do not know the codename "Falcon".' },
 *   check(ctx) {
 *     const i = ctx.text.indexOf('Falcon');
 *     if (i >= 0) ctx.report({ start: i, end: i + 6, message: 'Say "the new checkout" instead of "Falcon".' });
 *   },
 * });
 */
export function defineRule<Options = undefined>(definition: RuleDefinition<Options>): Rule<Options> {
  if (!RULE_ID.test(definition.id)) {
    throw new ValidationError('rule definition', [
      problem('id', 'a kebab-case rule id (optionally "plugin/name")', JSON.stringify(definition.id)),
    ]);
  }
  let defaultOptions = undefined as Options;
  if (definition.optionsSchema !== undefined) {
    const parsed = definition.optionsSchema.safeParse({});
    if (!parsed.success) {
      throw new ValidationError('rule definition', [
        problem(
          'optionsSchema',
          `a schema that accepts {} (rule ${definition.id})`,
          'a schema that rejects {}',
        ),
      ]);
    }
    defaultOptions = parsed.data;
  }
  const rule = Object.freeze({
    id: definition.id,
    defaultSeverity: definition.defaultSeverity,
    docs: Object.freeze({
      description: definition.docs.description,
      ...(definition.docs.url !== undefined
        ? { url: definition.docs.url }
        : definition.id.includes('/')
          ? {}
          : { url: `${RULE_DOCS_URL}/${definition.id}.md` }),
    }),
    appliesTo: Object.freeze({ ...definition.appliesTo }),
    optionsSchema: definition.optionsSchema,
    defaultOptions,
    acceptsPhrases: definition.acceptsPhrases === true,
    check: definition.check,
  });
  defined.add(rule);
  return rule;
}
