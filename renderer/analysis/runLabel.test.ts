import { describe, expect, it } from 'vitest';
import { runLabels } from './runLabel';
import { formatDateTime, formatDateTimeSeconds } from '../../shared/format/dateFormat';

const run = (runId: string, createdAt: string, name = '') => ({ runId, createdAt, name });

describe('runLabels', () => {
  it('names a run by its minute unless another run reads the same', () => {
    const runs = [run('a', '2026-11-29T20:38:05Z'), run('b', '2026-11-29T20:38:41Z'), run('c', '2026-11-29T20:39:02Z'), run('d', '2026-11-29T20:38:41Z')];
    const label = runLabels(runs);
    // c is alone in its minute; a is alone in its second; b and d were made in the same second: their numbers.
    expect(label(runs[2])).toBe(formatDateTime(runs[2].createdAt));
    expect(label(runs[0])).toBe(formatDateTimeSeconds(runs[0].createdAt));
    expect(label(runs[1])).toBe(`${formatDateTimeSeconds(runs[1].createdAt)} (run 2)`);
    expect(label(runs[3])).toBe(`${formatDateTimeSeconds(runs[3].createdAt)} (run 3)`);
    expect(new Set(runs.map(label)).size).toBe(4);
  });

  it("keeps the analyst's names, adding the time to two runs given the same name", () => {
    const runs = [run('a', '2026-11-29T20:38:05Z', 'caliper 0.1'), run('b', '2026-11-29T20:45:00Z', 'caliper 0.1'), run('c', '2026-11-29T20:38:06Z', 'caliper 0.2')];
    const label = runLabels(runs);
    expect(runs.map(label)).toEqual([`caliper 0.1, ${formatDateTime(runs[0].createdAt)}`, `caliper 0.1, ${formatDateTime(runs[1].createdAt)}`, 'caliper 0.2']);
    // A run no longer in the list (just deleted) keeps its plain label.
    expect(label(run('z', '2026-11-29T20:38:05Z', 'gone'))).toBe('gone');
  });
});
