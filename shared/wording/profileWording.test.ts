import { describe, expect, it } from 'vitest';
import { ageSentence, breakdownSentence, riskNeedSentence } from './profileWording';

const share = (key: string, label: string, count: number, total: number) => ({ key, label, count, percent: (100 * count) / total, roundedPercent: Math.round((100 * count) / total) });

describe('profile wording', () => {
  it('prints the reference report\'s treatment group lines (71 people)', () => {
    // 61/71 = 85.9% male, 10/71 = 14.1%; 52/71 = 73.2% white, 19/71 = 26.8%; 57/71 = 80.3% UK, 14/71 = 19.7%.
    expect(breakdownSentence('sex', { total: 71, roundingNote: false, shares: [share('male', 'Male', 61, 71), share('female', 'Female', 10, 71)] })).toBe('86% male, 14% female');
    expect(breakdownSentence('ethnicity', { total: 71, roundingNote: false, shares: [share('white', 'White', 52, 71), share('other', 'Black, Asian, other and unknown', 19, 71)] })).toBe(
      '73% white, 27% Black, Asian, other and unknown',
    );
    expect(breakdownSentence('ukNational', { total: 71, roundingNote: false, shares: [share('uk', 'UK nationals', 57, 71), share('non_uk', 'Non-UK nationals', 14, 71)] })).toBe(
      '80% UK nationals, 20% non-UK nationals',
    );
    expect(ageSentence({ min: 18, max: 55, mean: 35.6 })).toBe('Aged 18 to 55 at the index date (mean age 36 years)');
  });

  it('shows "<1%" for a share that rounds to 0, and an unknown nationality', () => {
    expect(breakdownSentence('ukNational', { total: 300, roundingNote: false, shares: [share('uk', 'UK nationals', 298, 300), share('non_uk', 'Non-UK nationals', 1, 300), share('unknown', 'Nationality unknown', 1, 300)] })).toBe(
      '99% UK nationals, <1% non-UK nationals, <1% nationality unknown',
    );
  });

  it('words risk/need items, known or not, and an item nobody was assessed on', () => {
    expect(riskNeedSentence({ item: 'oasys_employment', percent: (100 * 44) / 64 })).toBe('69% had some or significant problems with employment history');
    expect(riskNeedSentence({ item: 'oasys_gang_links', percent: 50 })).toBe('50% had some or significant problems with gang links');
    expect(riskNeedSentence({ item: 'oasys_finance', percent: null })).toBe('Nobody was assessed on financial management');
  });
});
