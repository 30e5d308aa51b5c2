import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deliveryKey } from './channel';
import { laneKey } from './lanes';

const part = fc.string({ minLength: 1, maxLength: 12 });
const noteKey = (incident: string, note: string, channel: string, recipient: string) =>
  [incident, `note-${note}`, channel, recipient].map(encodeURIComponent).join('/');

describe('laneKey', () => {
  it('puts every version to one recipient in one lane, and nothing else in it', () => {
    fc.assert(
      fc.property(
        fc.tuple(part, part, part),
        fc.tuple(part, part, part),
        fc.nat(50),
        fc.nat(50),
        ([i1, c1, r1], [i2, c2, r2], v1, v2) => {
          const a = laneKey({ key: deliveryKey(i1, v1, c1, r1) });
          const b = laneKey({ key: deliveryKey(i2, v2, c2, r2) });
          const same = i1 === i2 && c1 === c2 && r1 === r2;
          expect(a === b).toBe(same);
        },
      ),
      { seed: 16, numRuns: 500 },
    );
  });

  it('gives a side note a lane of its own, apart from the versions and from other notes', () => {
    fc.assert(
      fc.property(
        part,
        part,
        part,
        part,
        part,
        fc.nat(50),
        (incident, note, other, channel, recipient, v) => {
          const lane = laneKey({ key: noteKey(incident, note, channel, recipient) });
          expect(lane).not.toBe(laneKey({ key: deliveryKey(incident, v, channel, recipient) }));
          expect(lane === laneKey({ key: noteKey(incident, other, channel, recipient) })).toBe(
            note === other,
          );
        },
      ),
      { seed: 16, numRuns: 300 },
    );
  });
});
