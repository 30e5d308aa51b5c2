import { describe, expect, it } from 'vitest';
import { draftAt, grantAt, publishAt, questionAt, requestApprovalAt } from '../../test/review-support';
import { checkoutStart, testRunbook } from '../../test/support';
import { renderReview, reviewIncident } from './index';

const log = () => [
  ...checkoutStart(),
  draftAt(8, 'd1', 1, { kind: 'initial' }),
  ...publishAt(12, 1, 'd1', { nextUpdateMinute: 30 }),
  questionAt(14, 'refunds', 'Will I be charged twice?'),
  questionAt(15, 'refunds', 'Do I get my money back?'),
  questionAt(16, 'refunds', 'Refund | for *failed* orders?'),
  draftAt(30, 'd2', 1),
  requestApprovalAt(31, 'd2', 'compensation', { topic: 'compensation' }),
  grantAt(56, 'd2', 'compensation'),
  ...publishAt(57, 2, 'd2', { nextUpdateMinute: 75 }),
];

describe('renderReview', () => {
  const review = reviewIncident(log(), testRunbook({ timeZones: { default: 'America/New_York' } }));
  const markdown = renderReview(review);

  it('has the summary, figures, suggestions and timeline a team reads in five minutes', () => {
    const headings = markdown.split('\n').filter((l) => l.startsWith('#'));
    expect(headings).toEqual([
      '# Review: Card payments failing at checkout',
      '## Figures',
      '## Suggested runbook changes',
      '## Timeline',
    ]);
    expect(markdown.split(/\s+/).length).toBeLessThan(600);
  });

  it('states the figures in minutes and clock times in the runbook zone', () => {
    expect(markdown).toContain('- **First customer update:** 12 min after declaring (target 15; met)');
    expect(markdown).toContain('- **Updates on time:** 1 of 2 on time (50%); v2 late by 27 min');
    expect(markdown).toContain('waited 25 min, granted by Maya (asked 9:41 AM ET)');
    expect(markdown).toContain('| +57 | 10:07 AM ET | Published v2 investigating (late by 27 min) |');
  });

  it('numbers the suggested runbook changes drawn from the figures', () => {
    expect(markdown).toContain(
      '1. Approval for refunds or credits waited 25 minutes: name a backup approver and agree to answer within 10 minutes.',
    );
    expect(markdown).toMatch(/^3\. Customers asked about refunds 3 times: add it to the update template\.$/m);
  });

  it('says plainly when the figures call for no change', () => {
    const clean = reviewIncident(
      [
        ...checkoutStart(),
        draftAt(8, 'd1', 1, { kind: 'initial' }),
        ...publishAt(12, 1, 'd1', { nextUpdateMinute: 30 }),
      ],
      testRunbook(),
    );
    const text = renderReview(clean);
    expect(text).toContain('The figures call for no change.');
    expect(text).toContain('none: someone owned communication throughout');
  });

  it('escapes Markdown in text that came from people', () => {
    const hostile = reviewIncident(
      [
        { ...checkoutStart()[0]!, title: 'Checkout | <script>alert(1)</script> *down*' } as never,
        ...checkoutStart().slice(1),
      ],
      testRunbook(),
    );
    const text = renderReview(hostile);
    expect(text).toContain('# Review: Checkout \\| \\<script\\>alert(1)\\</script\\> \\*down\\*');
    expect(text).not.toContain('<script>');
  });
});
