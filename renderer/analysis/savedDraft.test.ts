import { describe, expect, it } from 'vitest';
import { draftFromSaved, savedDraftOf } from './savedDraft';
import type { SpecDraft } from './specDraft';

const DRAFT: SpecDraft = {
  organisation: 'Southwark IOM',
  programme: { description: 'We work with offenders.\n\nIn custody and the community.', contact: 'The IOM team' },
  headline: 'Men',
  alpha: '0.1',
  power: '0.8',
  bands: { well: 4, reasonably: 12 },
  analyses: [
    { key: 7, name: 'Men', pool: { sex: 'M', region: 'sameAsTreatment' }, exact: ['sex'], covariates: ['age_at_index'], method: 'nearest', caliper: '', caliperUnit: 'logit', ratio: '3', replace: true },
    { key: 8, name: 'All', pool: {}, exact: [], covariates: ['prev_offences', 'nope'], method: 'kernel', caliper: '0.0x', caliperUnit: 'sd', ratio: '1', replace: false },
  ],
};

describe('saved draft', () => {
  it('reads back what was saved (through JSON, as the store keeps it), typed text and unknown pool filters included', () => {
    const read = draftFromSaved(JSON.parse(JSON.stringify(savedDraftOf(DRAFT))));
    expect(read).not.toBeNull();
    const strip = (d: SpecDraft) => ({ ...d, analyses: d.analyses.map(({ key: _key, ...a }) => a) });
    expect(strip(read!)).toEqual(strip(DRAFT));
  });

  it('reads a draft saved before the programme texts existed, with none', () => {
    const { programme: _programme, ...older } = DRAFT;
    expect(draftFromSaved({ version: 1, draft: older })?.programme).toEqual({});
  });

  it('hands out new keys, distinct from each other', () => {
    const read = draftFromSaved(savedDraftOf(DRAFT))!;
    const keys = read.analyses.map((a) => a.key);
    expect(new Set(keys).size).toBe(2);
    expect(keys).not.toEqual([7, 8]);
  });

  it('gives null for nothing saved, another version, or a damaged draft', () => {
    expect(draftFromSaved(null)).toBeNull();
    expect(draftFromSaved({ version: 2, draft: DRAFT })).toBeNull();
    expect(draftFromSaved(DRAFT)).toBeNull();
    expect(draftFromSaved({ version: 1, draft: { ...DRAFT, alpha: 0.1 } })).toBeNull();
    expect(draftFromSaved({ version: 1, draft: { ...DRAFT, analyses: [{ ...DRAFT.analyses[0], method: 'optimal' }] } })).toBeNull();
    expect(draftFromSaved({ version: 1, draft: { ...DRAFT, bands: { well: 12, reasonably: 4 } } })).toBeNull();
  });
});
