import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintMessage } from './lint-message';
import { lintRules } from './rules/index';
import type { LintContext } from './types';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const EXAMPLE = /<!-- lint-example (incorrect|correct) (\{.*\}) -->\n```text\n([\s\S]*?)\n```/g;

describe('rule documentation pages', () => {
  for (const rule of lintRules) {
    describe(rule.id, () => {
      const path = `${repoRoot}${rule.docs.url}`;
      it('has a page at its docs url with its default severity and the four sections', () => {
        expect(rule.docs.url).toBe(`docs/rules/${rule.id}.md`);
        expect(existsSync(path)).toBe(true);
        const page = readFileSync(path, 'utf8');
        expect(page).toContain(`# ${rule.id}\n`);
        expect(page).toContain(`Default severity: **${rule.defaultSeverity}**`);
        for (const heading of ['## What it catches', '## Why', '## Examples', '## Options'])
          expect(page).toContain(heading);
      });

      it('its incorrect examples are flagged by the rule and its correct ones are not', () => {
        const page = readFileSync(path, 'utf8');
        const examples = [...page.matchAll(EXAMPLE)];
        expect(examples.some((m) => m[1] === 'incorrect')).toBe(true);
        expect(examples.some((m) => m[1] === 'correct')).toBe(true);
        for (const [, verdict, context, text] of examples) {
          const fired = lintMessage(text!, JSON.parse(context!) as LintContext).some(
            (d) => d.ruleId === rule.id,
          );
          expect({ text, fired }).toEqual({ text, fired: verdict === 'incorrect' });
        }
      });
    });
  }
});
