import { describe, expect, it } from 'vitest';
import { createPreparedMatches } from './preparedMatches';

const file = (analysis: string, rows: number) => ({ analysis, bytes: new Uint8Array(rows), rows });

describe('prepared matches files', () => {
  it('give each file of the latest run once, and nothing for another run or after forget', () => {
    const held = createPreparedMatches();
    held.keep({ runId: 'r1', matches: [file('National', 3), file('Regional', 2)] });
    expect(held.take('r2', 'National')).toBeUndefined();
    expect(held.take('r1', 'National')?.rows).toBe(3);
    expect(held.take('r1', 'National')).toBeUndefined();
    held.keep({ runId: 'r3', matches: [file('National', 5)] });
    expect(held.take('r1', 'Regional')).toBeUndefined();
    held.forget();
    expect(held.take('r3', 'National')).toBeUndefined();
  });
});
