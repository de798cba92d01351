// The time left beside a job's bar, from the whole job's pace so far.
import { describe, expect, it } from 'vitest';
import { timeLeft } from './timeLeft';

const startedAt = '2026-11-30T00:00:00.000Z';
const at = (seconds: number) => Date.parse(startedAt) + seconds * 1000;

describe('timeLeft', () => {
  it('extrapolates the pace so far: 10 s for 40% leaves about 15 s, and minutes past one', () => {
    expect(timeLeft({ done: 40, total: 100, startedAt }, at(10))).toBe('about 15 s left');
    expect(timeLeft({ done: 10, total: 100, startedAt }, at(20))).toBe('about 3 min left');
  });

  it('says nothing in the first 2 s or at the ends, and "nearly done" rather than "about 0 s left"', () => {
    expect(timeLeft({ done: 50, total: 100, startedAt }, at(1))).toBeNull();
    expect(timeLeft({ done: 0, total: 100, startedAt }, at(10))).toBeNull();
    expect(timeLeft({ done: 100, total: 100, startedAt }, at(10))).toBeNull();
    expect(timeLeft({ done: 95, total: 100, startedAt }, at(5))).toBe('nearly done');
  });
});
