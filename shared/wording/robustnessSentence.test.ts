import { describe, expect, it } from 'vitest';
import { robustnessSentence, robustnessStatement, robustnessWithheld } from './robustnessSentence';

const summary = { direction: -1 as const, specifications: 36, passing: 30, holding: 27, significant: 20, significantOpposite: 0 };

describe('robustness sentence', () => {
  it('says in how many passing specifications the direction holds and how many are significant', () => {
    expect(robustnessSentence('rate', summary)).toBe(
      'The estimate’s direction (a lower reoffending rate for participants) holds in 27 of the 30 specifications that pass the matching-quality gate; 20 of them are significant.',
    );
    expect(robustnessSentence('daysToFirst', { ...summary, direction: 1, passing: 2, holding: 1, significant: 1 })).toBe(
      'The estimate’s direction (a longer time to first reoffence for participants) holds in 1 of the 2 specifications that pass the matching-quality gate; 1 of them is significant.',
    );
  });

  it('words a single passing specification and a direction that holds nowhere', () => {
    expect(robustnessSentence('rate', { ...summary, passing: 1, holding: 1, significant: 1 })).toBe(
      'The estimate’s direction (a lower reoffending rate for participants) holds in the only specification that passes the matching-quality gate, which is significant.',
    );
    expect(robustnessSentence('rate', { ...summary, passing: 1, holding: 1, significant: 0 })).toMatch(/, which is not significant\.$/);
    expect(robustnessSentence('rate', { ...summary, passing: 1, holding: 0, significant: 0, significantOpposite: 1 })).toBe(
      'The estimate’s direction (a lower reoffending rate for participants) does not hold in the only specification that passes the matching-quality gate. It is significant in the opposite direction.',
    );
    expect(robustnessSentence('rate', { ...summary, passing: 4, holding: 0, significant: 0 })).toBe(
      'The estimate’s direction (a lower reoffending rate for participants) holds in none of the 4 specifications that pass the matching-quality gate.',
    );
  });

  it('names significant results the other way, and a check where nothing passes the gate', () => {
    expect(robustnessSentence('frequency', { ...summary, significantOpposite: 2 })).toMatch(/fewer reoffences per person .* 2 are significant in the opposite direction\.$/);
    expect(robustnessSentence('rate', { ...summary, passing: 0, holding: 0, significant: 0 })).toBe(
      'None of the 36 specifications passes the matching-quality gate, so the check cannot say how robust the estimate is.',
    );
  });

  it('says nothing about the robustness of an analysis whose findings are withheld, only how many specifications pass', () => {
    expect(robustnessWithheld(summary)).toBe(
      'This analysis does not pass the matching-quality gate, so nothing is said about how robust its estimate is; 30 of the 36 specifications pass the gate (the filled points).',
    );
    expect(robustnessWithheld({ ...summary, passing: 1 })).toMatch(/; 1 of the 36 specifications passes the gate \(the filled points\)\.$/);
    expect(robustnessWithheld({ ...summary, passing: 0 })).toMatch(/; none of the 36 specifications passes the gate either\.$/);
  });

  it('states the summary for a publishable analysis and why nothing is said for a withheld one', () => {
    expect(robustnessStatement('rate', summary, true)).toBe(robustnessSentence('rate', summary));
    expect(robustnessStatement('rate', summary, false)).toBe(robustnessWithheld(summary));
  });
});
