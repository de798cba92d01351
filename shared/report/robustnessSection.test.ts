// The report's robustness section, from a real check of a small synthetic run: one specification curve per measure
// with a summary, the analyst's words escaped; in the report only when a check was run, and then in the contents.
import { describe, expect, it } from 'vitest';
import { syntheticCohortData } from '../../bench/reference/syntheticCohortData';
import { SYNTHETIC_COVARIATES } from '../../bench/reference/syntheticCohort';
import { specSchema } from '../engine/analysisSpec';
import { buildRunResults } from '../results/buildRunResults';
import { runRobustness } from '../robustness/runRobustness';
import type { RobustnessCheck } from '../robustness/robustnessCheck';
import { robustnessSentence } from '../wording/robustnessSentence';
import { renderReportHtml } from './renderReportHtml';
import { robustnessSection } from './robustnessSection';
import { southwarkRun } from './reportFixture';
import { escapeHtml } from './escapeHtml';
import { completeRun } from '../results/completeRun';
import { robustnessWithheld } from '../wording/robustnessSentence';

const data = syntheticCohortData(2500, 120, 31, -0.12);
const spec = specSchema.parse({ organisation: 'Test', analyses: [{ name: 'National', covariates: SYNTHETIC_COVARIATES }] });
const { results: run, records } = buildRunResults(data, spec, { runId: 'r1', createdAt: '2026-01-01T00:00:00.000Z', cohortSettings: {}, funnel: [], profile: {} as never });
const added = [{ name: '<b>Age</b> & record', covariates: ['age_at_index', 'prev_offences'] }];
const { result } = runRobustness(data, run.analyses[0].spec, { alpha: spec.alpha, power: spec.power, bands: spec.bands }, added, { reference: records.get('National') });
const check: RobustnessCheck = { runId: 'r1', checkedAt: '2026-01-02T00:00:00.000Z', engineVersion: 'x', alpha: 0.05, addedCovariateSets: added, analyses: [result] };

describe('robustness section of the report', () => {
  const section = robustnessSection(run, check);

  it('holds each measure’s summary sentence and specification curve', () => {
    expect(section).toContain('<h2>Robustness across specifications</h2>');
    for (const id of ['rate', 'frequency'] as const) expect(section).toContain(escapeHtml(robustnessSentence(id, result.summaries[id]!)));
    const curves = section.match(/<svg class="chart spec-curve"/g) ?? [];
    expect(curves.length).toBe(Object.values(result.summaries).filter((s) => s !== null).length);
    // Every specification of the rate is a point (18 own + 18 without OASys + 18 the analyst's), plus the legend's two.
    const rate = section.slice(section.indexOf('<svg class="chart spec-curve"'), section.indexOf('</svg>') + 6);
    expect(rate.match(/class="point /g)!.length).toBe(54 + 2);
    expect(rate.match(/class="own-ring"/g)!.length).toBe(1 + 1);
  });

  it('escapes the analyst’s names', () => {
    expect(section).toContain('&lt;b&gt;Age&lt;/b&gt; &amp; record');
    expect(section).not.toContain('<b>Age</b>');
  });

  it('is in the report, and its contents, only when a check was run', () => {
    const reference = southwarkRun();
    const named: RobustnessCheck = { ...check, analyses: reference.analyses.map((a) => ({ ...result, analysis: a.name })) };
    const withCheck = renderReportHtml(reference, { robustness: named });
    expect(withCheck).toContain('<a href="#robustness"><span class="entry">Robustness across specifications</span>');
    expect(withCheck).toContain('<section class="major" id="robustness">');
    const without = renderReportHtml(reference);
    expect(without).not.toContain('id="robustness"');
    expect(without).not.toContain('href="#robustness"');
    expect(without).not.toContain('spec-curve');
  });

  it('gives an analysis whose findings are withheld its curves for review, without the summary sentence', () => {
    expect(run.analyses[0].findings.publishable).toBe(true);
    const poorly = completeRun({ ...run, analyses: run.analyses.map((a) => ({ ...a, balance: a.balance.map((r, k) => (k === 1 ? { ...r, smdAfter: 18.9, band: 'poorly' as const } : r)) })) });
    expect(poorly.analyses[0].findings.publishable).toBe(false);
    const withheld = robustnessSection(poorly, check);
    expect(withheld).not.toContain('class="robustness-sentence"');
    expect(withheld).toContain(`<p class="note robustness-withheld">${escapeHtml(robustnessWithheld(result.summaries.rate!))}</p>`);
    expect(withheld.match(/<svg class="chart spec-curve"/g)!.length).toBe(section.match(/<svg class="chart spec-curve"/g)!.length);
  });
});
