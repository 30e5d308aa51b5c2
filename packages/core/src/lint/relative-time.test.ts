import { describe, expect, it } from 'vitest';
import { findRelativeTime } from './relative-time';

describe('findRelativeTime', () => {
  it('reads durations in minutes', () => {
    expect(findRelativeTime('Next update in 30 minutes.')).toEqual({
      start: 12,
      end: 25,
      minutes: 30,
      preposition: 'in',
    });
    expect(findRelativeTime('within the hour')?.minutes).toBe(60);
    expect(findRelativeTime('in half an hour')?.minutes).toBe(30);
    expect(findRelativeTime('at 10:00 UTC')).toBeUndefined();
  });
});
