import { describe, expect, it } from 'vitest';
import { PROGRESS_CEILING, PROGRESS_TOTAL, WeightedProgress } from './weightedProgress';

function recorder() {
  const seen: { phase: string; done: number; total: number }[] = [];
  return { seen, report: (phase: string, done: number, total: number) => seen.push({ phase, done, total }) };
}

describe('WeightedProgress', () => {
  it('gives each phase its share of one bar: reading (weight 3) half done of reading + indexing (1) is 3/8', () => {
    const { seen, report } = recorder();
    const p = new WeightedProgress([{ id: 'read', label: 'Reading the files', weight: 3 }, { id: 'index', label: 'Indexing', weight: 1 }], report);
    p.at('read', 0.5, '(cohort: 10 rows)');
    p.at('index', 0);
    p.at('index', 0.5);
    expect(seen).toEqual([
      { phase: 'Reading the files (cohort: 10 rows)', done: 375, total: PROGRESS_TOTAL },
      { phase: 'Indexing', done: 750, total: PROGRESS_TOTAL },
      { phase: 'Indexing', done: 875, total: PROGRESS_TOTAL },
    ]);
  });

  it('never reaches 100% while the job runs, and never goes back', () => {
    const { seen, report } = recorder();
    const p = new WeightedProgress([{ id: 'a', label: 'A', weight: 1 }, { id: 'b', label: 'B', weight: 1 }], report);
    p.at('b', 1);
    p.at('a', 0.2);
    p.at('b', 2);
    expect(seen.map((s) => s.done)).toEqual([PROGRESS_CEILING, PROGRESS_CEILING, PROGRESS_CEILING]);
    expect(seen[1].phase).toBe('A');
  });

  it('adds up phases running side by side: load (2) done, a (4) half, b (4) a quarter of 12 is 5/12', () => {
    const { seen, report } = recorder();
    const p = new WeightedProgress(
      [{ id: 'load', label: 'L', weight: 2 }, { id: 'a', label: 'A', weight: 4 }, { id: 'b', label: 'B', weight: 4 }, { id: 'save', label: 'S', weight: 2 }],
      report,
    );
    p.atEach(new Map([['load', 1], ['a', 0.5], ['b', 0.25]]), 'A; B');
    p.atEach(new Map([['load', 1], ['a', 0.25]]), 'A');
    expect(seen).toEqual([
      { phase: 'A; B', done: 416, total: PROGRESS_TOTAL },
      { phase: 'A', done: 416, total: PROGRESS_TOTAL },
    ]);
  });

  it('refuses a phase it was not given', () => {
    const p = new WeightedProgress([{ id: 'a', label: 'A', weight: 1 }], () => undefined);
    expect(() => p.at('b' as 'a')).toThrow(/no progress phase "b"/);
  });
});
