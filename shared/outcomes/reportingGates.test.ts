import { describe, expect, it } from 'vitest';
import { inSignificantResults, measureGate } from './reportingGates';

describe('reporting gates (METHOD.md section 8)', () => {
  it('always shows rate and frequency', () => {
    expect(measureGate('rate', 3, 3)).toEqual({ shown: true, hiddenReason: null });
    expect(measureGate('frequency', 0, 0)).toEqual({ shown: true, hiddenReason: null });
  });

  it('needs 30 treated reoffenders for time to first reoffence and Tables 4-7', () => {
    expect(measureGate('daysToFirst', 30, 30).shown).toBe(true);
    const hidden = measureGate('daysToFirst', 29, 29);
    expect(hidden).toEqual({
      shown: false,
      hiddenReason: 'Time to first reoffence was left out because of low numbers: the treatment group has 29 reoffenders, and at least 30 are needed.',
    });
    expect(measureGate('custodialFrequency', 1, 12).hiddenReason).toBe(
      'This measure of reoffenders only was left out because of low numbers: the treatment group has 1 reoffender, and at least 30 are needed.',
    );
    expect(measureGate('courtOutcomeRate', 29, 20, 'summary').shown).toBe(false);
  });

  it('needs 10 events for a by-court-outcome row', () => {
    expect(measureGate('courtOutcomeRate', 40, 10, 'summary').shown).toBe(true);
    expect(measureGate('courtOutcomeRate', 40, 9, 'summary').hiddenReason).toBe(
      'Not shown because only 9 reoffenders in the treatment group had a first reoffence with a summary court outcome; at least 10 are needed for a reliable estimate.',
    );
    expect(measureGate('courtOutcomeFrequency', 40, 4, 'either_way').hiddenReason).toBe(
      'Not shown because the treatment group committed only 4 either way reoffences; at least 10 are needed for a reliable estimate.',
    );
    expect(measureGate('courtOutcomeRate', 40, 0, 'indictable').hiddenReason).toBe(
      'Not shown because no reoffender in the treatment group had a first reoffence with an indictable court outcome; at least 10 are needed for a reliable estimate.',
    );
    expect(measureGate('courtOutcomeFrequency', 40, 0, 'summary').hiddenReason).toBe(
      'Not shown because the treatment group committed no summary reoffences; at least 10 are needed for a reliable estimate.',
    );
    // Custodial rows are not by court outcome: no event gate.
    expect(measureGate('custodialRate', 40, 2).shown).toBe(true);
  });

  it('lists a significant result only when shown and with 10 events', () => {
    expect(inSignificantResults({ significant: true, shown: true, events: 10 })).toBe(true);
    expect(inSignificantResults({ significant: true, shown: true, events: 9 })).toBe(false);
    expect(inSignificantResults({ significant: true, shown: false, events: 50 })).toBe(false);
    expect(inSignificantResults({ significant: false, shown: true, events: 50 })).toBe(false);
  });

});
