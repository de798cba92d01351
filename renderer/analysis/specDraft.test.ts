import { describe, expect, it } from 'vitest';
import type { AnalysisColumn } from '../../shared/api';
import { presetSpec, specSchema } from '../../shared/engine/analysisSpec';
import { covariateGroups, draftFromSpec, expandCovariates, newAnalysis, removeAnalysis, renameAnalysis, specFromDraft, withSameRegion } from './specDraft';

const col = (name: string, role: string | null, kind: AnalysisColumn['kind'] = 'numeric'): AnalysisColumn => ({ name, kind, role });
const COLUMNS: AnalysisColumn[] = [
  col('sex', 'sex', 'categorical'),
  col('region', 'region', 'categorical'),
  col('ethnicity', 'ethnicity', 'categorical'),
  col('uk_national', 'uk_national'),
  col('index_offence', 'index_offence', 'categorical'),
  col('index_disposal', 'index_disposal', 'categorical'),
  col('prev_offences', 'prev'),
  col('prev_custodial', 'prev'),
  col('oasys_drugs', 'oasys'),
  col('oasys_finance', 'oasys'),
  col('housing_flag', null),
  col('age_at_index', 'derived'),
];

describe('expandCovariates', () => {
  it('expands a prefix pattern in column order, keeps unknown names, and drops repeats', () => {
    expect(expandCovariates(['age_at_index', 'oasys_*', 'oasys_drugs', 'nope'], COLUMNS)).toEqual(['age_at_index', 'oasys_drugs', 'oasys_finance', 'nope']);
  });
});

describe('draft round trip', () => {
  it('running the presets untouched sends a spec equal to the presets, oasys_* spelled out', () => {
    const presets = presetSpec('The programme');
    const check = specFromDraft(draftFromSpec(presets, COLUMNS));
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    const sent = specSchema.parse(check.spec);
    expect(sent.analyses[0].covariates).toEqual(['age_at_index', 'ethnicity', 'uk_national', 'index_offence', 'index_disposal', 'prev_offences', 'prev_custodial', 'oasys_drugs', 'oasys_finance']);
    expect({ ...sent, analyses: sent.analyses.map((a) => ({ ...a, covariates: [] })) }).toEqual({
      ...presets,
      analyses: presets.analyses.map((a) => ({ ...a, covariates: [] })),
    });
  });

  it('names the analysis and the field of every problem', () => {
    const draft = draftFromSpec(presetSpec('X'), COLUMNS);
    draft.organisation = ' ';
    draft.alpha = '0,05';
    draft.analyses[0].caliper = '-1';
    draft.analyses[1].method = 'nearest';
    draft.analyses[1].ratio = '1.5';
    draft.analyses[1].covariates = [];
    const check = specFromDraft(draft);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    const [national, regional] = draft.analyses.map((a) => a.key);
    expect(check.problems).toEqual([
      { field: 'organisation', message: 'Give the organisation’s name: the statements of the results use it.' },
      { field: 'alpha', message: 'The significance level (alpha) must be between 0 and 1, e.g. 0.05.' },
      { field: `${national}:caliper`, message: '“National”: the caliper must be a number above 0 (e.g. 0.2).' },
      { field: `${regional}:covariates`, message: '“Regional”: choose at least one covariate.' },
      { field: `${regional}:ratio`, message: '“Regional”: the number of controls per treated person must be a whole number of 1 or more.' },
    ]);
  });

  it('lets nearest neighbour run without a caliper but not radius', () => {
    const draft = draftFromSpec(presetSpec('X'), COLUMNS);
    draft.analyses[1].method = 'nearest';
    draft.analyses[1].caliper = '';
    const ok = specFromDraft(draft);
    expect(ok.ok && ok.spec.analyses[1].matching).toEqual({ method: 'nearest', ratio: 1, replace: false, caliper: undefined });
    draft.analyses[0].caliper = '';
    const bad = specFromDraft(draft);
    expect(!bad.ok && bad.problems).toEqual([{ field: `${draft.analyses[0].key}:caliper`, message: '“National”: radius matching needs a caliper (e.g. 0.2).' }]);
  });

  it('puts a problem the spec schema finds beside the field it concerns', () => {
    const draft = draftFromSpec(presetSpec('X'), COLUMNS);
    // A stored run's filter this form does not edit, with a value the schema refuses, is the pool's problem; a
    // name of spaces only is the name field's.
    const broken = { ...draft, analyses: [{ ...draft.analyses[0], name: 'National' }, { ...draft.analyses[1], pool: { region: true as unknown as string } }] };
    const check = specFromDraft(broken);
    expect(!check.ok && check.problems).toEqual([{ field: `${draft.analyses[1].key}:pool`, message: expect.stringContaining('“Regional”') }]);
  });

  it('reports two analyses of the same name in the schema’s words', () => {
    const draft = draftFromSpec(presetSpec('X'), COLUMNS);
    const renamed = renameAnalysis(draft, draft.analyses[1].key, 'National');
    const check = specFromDraft(renamed);
    expect(!check.ok && check.problems).toEqual([{ field: null, message: 'two analyses are named "National"' }]);
  });
});

describe('editing the list of analyses', () => {
  it('a new analysis copies the template under a free name', () => {
    const draft = draftFromSpec(presetSpec('X'), COLUMNS);
    const added = newAnalysis(draft.analyses[0], ['National', 'Regional', 'Analysis 3']);
    expect(added.name).toBe('Analysis 4');
    expect(added.key).not.toBe(draft.analyses[0].key);
    expect(added.covariates).toEqual(draft.analyses[0].covariates);
  });

  it('renaming the headline analysis keeps it the headline; removing it moves the headline to the first left', () => {
    let draft = draftFromSpec(presetSpec('X'), COLUMNS);
    draft = renameAnalysis(draft, draft.analyses[0].key, 'England and Wales');
    expect(draft.headline).toBe('England and Wales');
    draft = removeAnalysis(draft, draft.analyses[0].key);
    expect(draft.headline).toBe('Regional');
    expect(draft.analyses.map((a) => a.name)).toEqual(['Regional']);
  });

  it('switches the same-region filter without losing other filters', () => {
    expect(withSameRegion({ sex: 'M' }, true)).toEqual({ sex: 'M', region: 'sameAsTreatment' });
    expect(withSameRegion({ sex: 'M', region: 'sameAsTreatment' }, false)).toEqual({ sex: 'M' });
  });
});

describe('covariateGroups', () => {
  it('groups columns by role, extras last', () => {
    expect(covariateGroups(COLUMNS).map((g) => [g.id, g.columns.map((c) => c.name)])).toEqual([
      ['demographics', ['sex', 'region', 'ethnicity', 'uk_national', 'age_at_index']],
      ['index', ['index_offence', 'index_disposal']],
      ['prev', ['prev_offences', 'prev_custodial']],
      ['oasys', ['oasys_drugs', 'oasys_finance']],
      ['extra', ['housing_flag']],
    ]);
  });
});
