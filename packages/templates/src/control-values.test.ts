import { describe, expect, it } from 'vitest';
import { renderAll } from './index';
import { exampleRunbook, realisticUpdate } from './realistic-updates.test-support';

const runbook = exampleRunbook();
// Values that are empty once control and invisible characters are cleaned away.
const EMPTY_AFTER_CLEANING = [
  '\u0007',
  '\u0000\u0001',
  '\u200B',
  '\u200B\u200D\uFEFF',
  ' \u0007 ',
  '\u202E',
  '\u0085',
  '\u00A0\u3000',
];

describe('a value that renders as nothing is refused with a typed error naming it', () => {
  it.each(EMPTY_AFTER_CLEANING.map((v) => [JSON.stringify(v), v]))('%s', (_shown, value) => {
    for (const field of ['symptom', 'affected', 'teamAction', 'title'] as const) {
      const update = { ...realisticUpdate('checkout', 'SEV1', 'update', runbook), [field]: value };
      const attempt = () => renderAll(update, runbook, { incidentId: 'inc-1' });
      expect(attempt).toThrow(expect.objectContaining({ code: 'input_invalid' }));
      try {
        attempt();
      } catch (error) {
        expect((error as { problems: Array<{ path: string }> }).problems.map((p) => p.path)).toContain(
          `statusUpdate.${field}`,
        );
      }
    }
  });
});
