import { describe, expect, it } from 'vitest';
import { numberPersons, personNumbersOf, unknownPersons } from './personNumbers';

describe('person numbers', () => {
  it('numbers persons by first appearance among the records, and others as -1', () => {
    const persons = numberPersons(['P2', 'P1', 'P2', 'P3']);
    expect([...persons.ofRecord]).toEqual([0, 1, 0, 2]);
    expect(persons.count).toBe(3);
    const reoffences = ['P3', 'P9', 'P1', 'P9', 'P8', ''];
    const numbers = personNumbersOf(persons, reoffences);
    expect([...numbers]).toEqual([2, -1, 1, -1, -1, -1]);
    // P9 twice and P8 once: 3 rows, 2 persons; the blank is nobody.
    expect(unknownPersons(reoffences, numbers)).toEqual({ rows: 3, persons: 2 });
  });

  it("reports its progress every 32,768 ids: a job's cancel point", () => {
    const ids = Array.from({ length: 70_000 }, (_, k) => `P${k % 10}`);
    const seen: number[] = [];
    const numbers = personNumbersOf(numberPersons(['P3']), ids, (f) => seen.push(f));
    expect(seen).toEqual([0, 32768 / 70_000, 65536 / 70_000]);
    expect(numbers.filter((p) => p === 0).length).toBe(7000);
  });
});
