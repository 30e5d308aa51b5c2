/**
 * @module lint/rules/no-jargon
 * Internal terms (severity codes, 5xx, p99, pods, failover, RCA, upstream) get a plain word.
 */
import { z } from 'zod';
import { CUSTOMER_FACING_AUDIENCES } from '../../vocabulary';
import type { LintConfig } from '../config';
import { defineRule } from '../define-rule';
import { DEFAULT_JARGON } from '../jargon';
import { eachMatch, phraseSource } from '../phrases';

interface CompiledJargon {
  re: RegExp | undefined;
  plain: Map<string, string>;
}

const compiled = new WeakMap<object, Map<string, CompiledJargon>>();
const DEFAULT_KEY = {};

// Compiled once per (config, ignore list) and reused for every message.
function compile(config: LintConfig | undefined, ignore: readonly string[]): CompiledJargon {
  const key = config ?? DEFAULT_KEY;
  let byIgnore = compiled.get(key);
  if (byIgnore === undefined) {
    byIgnore = new Map();
    compiled.set(key, byIgnore);
  }
  const ignoreKey = ignore.join('\u0000');
  const cached = byIgnore.get(ignoreKey);
  if (cached !== undefined) return cached;
  const plain = new Map<string, string>();
  for (const [term, alt] of Object.entries(DEFAULT_JARGON)) plain.set(term.toLowerCase(), alt);
  for (const [term, alt] of Object.entries(config?.jargon ?? {})) {
    if (alt === '') plain.delete(term.toLowerCase());
    else plain.set(term.toLowerCase(), alt);
  }
  for (const term of ignore) plain.delete(term.toLowerCase());
  const terms = [...plain.keys()].sort((a, b) => b.length - a.length).map(phraseSource);
  // When every term starts with a word character, `\b` before the lookbehind lets the scan
  // skip most positions at once; the matches are the same.
  const wordStart = [...plain.keys()].every((t) => /^\w/.test(t));
  const lead = wordStart ? '\\b(?<!-)' : '(?<![\\w-])';
  const re = terms.length === 0 ? undefined : new RegExp(`${lead}(?:${terms.join('|')})(?![\\w-])`, 'gi');
  const result = { re, plain };
  byIgnore.set(ignoreKey, result);
  return result;
}

/** `no-jargon`: see the rule's `docs.description`. */
export const noJargon = defineRule({
  id: 'no-jargon',
  defaultSeverity: 'warning',
  docs: {
    description:
      "Internal terms (severity codes, 5xx, p99, pods, failover, RCA, upstream...) are flagged with a plain alternative. The runbook's `lint.jargon` adds or overrides terms; an empty string removes one.",
  },
  appliesTo: { audiences: CUSTOMER_FACING_AUDIENCES },
  optionsSchema: z
    .object({
      /** Terms from the default list this team's customers do understand. */
      ignore: z.array(z.string().min(1)).default([]),
    })
    .strict(),
  check(ctx) {
    const { re, plain } = compile(ctx.config, ctx.options.ignore);
    if (re === undefined) return;
    eachMatch(re, ctx.text, (m) => {
      if (ctx.doc.isQuoted(m.index, m.index + m[0].length)) return;
      const alt = plain.get(m[0].toLowerCase().replace(/\s+/g, ' '));
      ctx.report({
        start: m.index,
        end: m.index + m[0].length,
        message: `"${m[0]}" is internal jargon; customers understand "${alt ?? 'plain words'}" better.`,
        ...(alt === undefined ? {} : { suggestion: alt }),
      });
    });
  },
});
