// "Check robustness" for the open run (METHOD.md section 12): runs the specification grid as one job (its progress
// bar is the app's), then shows, for the chosen analysis and headline measure, the summary sentence and the
// specification curve; the analyst can add covariate sets and check again. The check is stored with the run. For an
// analysis whose findings the matching-quality gate withholds, the curve stays for review and the sentence says
// why nothing is said about its robustness (as the report does).
import { useEffect, useState } from 'react';
import type { AnalysisColumn, JobInfo } from '../../shared/api';
import type { AnalysisResults, RunResults } from '../../shared/results/runResults';
import type { RobustnessCheck } from '../../shared/robustness/robustnessCheck';
import type { CovariateSet } from '../../shared/robustness/robustnessGrid';
import { CURVE_MEASURES, specificationCurve } from '../../shared/charts/specificationCurveGeometry';
import { HEADLINE_MEASURES } from '../../shared/robustness/runRobustness';
import { robustnessSentence, robustnessWithheld } from '../../shared/wording/robustnessSentence';
import { formatDateTime } from '../../shared/format/dateFormat';
import type { HeadlineMeasure } from '../../shared/wording/headlineMeasure';
import { call } from '../api/client';
import { Tabs } from '../components/Tabs';
import { ErrorNote } from '../components/ErrorNote';
import { CovariateChecklist } from '../analysis/CovariateChecklist';
import { SpecificationCurve } from './SpecificationCurve';

/** The tabs' short names of the headline measures. */
const TAB_LABEL: Record<HeadlineMeasure, string> = { rate: 'Reoffending rate', frequency: 'Reoffending frequency', daysToFirst: 'Time to first reoffence' };

interface Props {
  run: RunResults;
  analysis: AnalysisResults;
  jobs: JobInfo[];
}


/** The analyst's set being written, before it is added. */
interface SetDraft {
  name: string;
  covariates: string[];
}

export function RobustnessPanel({ run, analysis, jobs }: Props) {
  const [check, setCheck] = useState<RobustnessCheck | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [measure, setMeasure] = useState<HeadlineMeasure>('rate');
  const [sets, setSets] = useState<CovariateSet[]>([]);
  const [draft, setDraft] = useState<SetDraft | null>(null);
  const [columns, setColumns] = useState<AnalysisColumn[] | null>(null);
  // The latest robustness job started for this run (the app's job list keeps its state while the screen is left).
  const job = [...jobs].reverse().find((j) => j.kind === 'robustness' && j.runId === run.runId);
  const running = job?.status === 'running';

  useEffect(() => {
    let live = true;
    call('robustness.get', { runId: run.runId }).then(
      ({ check: c }) => {
        if (!live) return;
        setCheck(c);
        setSets(c?.addedCovariateSets ?? []);
      },
      (e: Error) => live && setError(`The robustness check could not be read: ${e.message}`),
    );
    return () => {
      live = false;
    };
    // Read again when a robustness job ends.
  }, [run.runId, job?.id, job?.status]);

  const start = (withSets: CovariateSet[]) => {
    setError(null);
    call('robustness.run', { runId: run.runId, covariateSets: withSets }).catch((e: Error) => setError(`The check could not start: ${e.message}`));
  };

  const openDraft = () => {
    setDraft({ name: `Covariate set ${sets.length + 1}`, covariates: [] });
    if (!columns) call('analysis.options', {}).then((o) => setColumns(o.columns), (e: Error) => setError(`The cohort’s columns could not be read: ${e.message}`));
  };
  const blocked: Record<string, string> = {};
  for (const e of analysis.spec.exact) blocked[e] = 'matched exactly';
  for (const [k, v] of Object.entries(analysis.spec.pool)) if (v === 'sameAsTreatment') blocked[k] = 'matched exactly (same-region pool)';
  const draftProblem =
    draft === null ? null
    : draft.name.trim() === '' ? 'Give the set a name.'
    : sets.some((s) => s.name === draft.name.trim()) ? 'Another set has this name.'
    : draft.covariates.length === 0 ? 'Choose at least one covariate.'
    : null;

  const result = check?.analyses.find((a) => a.analysis === analysis.name);
  const summary = result?.summaries[measure] ?? null;
  const { title } = CURVE_MEASURES[measure];
  const layout = result ? specificationCurve(result.entries, measure) : null;

  return (
    <section className="card robustness" data-testid="robustness" aria-labelledby="robustness-title">
      <h3 id="robustness-title">Would other reasonable choices give the same answer?</h3>
      <p>
        A finding that holds for one caliper or one matching method only is fragile. The robustness check makes the same comparison again with other reasonable
        choices (four matching methods, calipers from 0.05 to 0.5 standard deviations, the covariates with and without the OASys assessments, and any covariate set you add)
        and shows every estimate side by side.
      </p>
      <div className="robustness-actions">
        <button onClick={() => start(sets)} disabled={running || jobs.some((j) => j.status === 'running')} data-testid="check-robustness">
          {check ? 'Check again' : 'Check robustness'}
        </button>
        <button className="secondary" onClick={openDraft} disabled={running || draft !== null}>
          Add a covariate set
        </button>
        {running && job && (
          <span className="muted small" role="status">
            Checking: {job.phase} ({job.total > 0 ? Math.round((100 * job.done) / job.total) : 0}%; the progress bar above can cancel it)
          </span>
        )}
        {check && !running && <span className="muted small">Last checked {formatDateTime(check.checkedAt)}</span>}
      </div>
      <ErrorNote message={error} />
      {sets.length > 0 && (
        <ul className="added-sets" aria-label="Covariate sets you added">
          {sets.map((s) => (
            <li key={s.name}>
              <strong>{s.name}</strong>: <span className="muted small">{s.covariates.join(', ')}</span>{' '}
              <button className="linkish small" onClick={() => setSets(sets.filter((x) => x !== s))} aria-label={`Remove the covariate set ${s.name}`} disabled={running}>
                remove
              </button>
            </li>
          ))}
          {check && JSON.stringify(sets) !== JSON.stringify(check.addedCovariateSets) && <li className="muted small">Check again to include the changes.</li>}
        </ul>
      )}
      {draft && (
        <div className="set-draft" role="group" aria-label="New covariate set">
          <label>
            Name of the set
            <input value={draft.name} maxLength={60} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
          </label>
          {columns ? (
            <CovariateChecklist columns={columns} selected={draft.covariates} blocked={blocked} invalid={draft.covariates.length === 0} onChange={(covariates) => setDraft({ ...draft, covariates })} />
          ) : (
            <p className="muted small">Reading the cohort’s columns…</p>
          )}
          {draftProblem && <p className="muted small">{draftProblem}</p>}
          <button
            onClick={() => {
              const next = [...sets, { name: draft.name.trim(), covariates: draft.covariates }];
              setSets(next);
              setDraft(null);
            }}
            disabled={draftProblem !== null}
          >
            Add the set
          </button>{' '}
          <button className="secondary" onClick={() => setDraft(null)}>
            Cancel
          </button>
        </div>
      )}
      {result && (
        <Tabs items={HEADLINE_MEASURES.map((id) => ({ id, label: TAB_LABEL[id], disabled: result.summaries[id] === null, title: result.summaries[id] === null ? 'Not shown for this analysis' : undefined }))} selected={measure} onSelect={setMeasure} label="Headline measure" idPrefix="robustness-measure">
          {summary &&
            (analysis.findings.publishable ? (
              <p className="robustness-summary" data-testid="robustness-summary">
                {robustnessSentence(measure, summary)}
              </p>
            ) : (
              <p className="robustness-withheld" data-testid="robustness-withheld">
                {robustnessWithheld(summary)}
              </p>
            ))}
          {layout && check && <SpecificationCurve layout={layout} alpha={check.alpha} label={`Specification curve: ${title.toLowerCase()}, ${analysis.name} analysis`} />}
          <h4>Covariate sets</h4>
          <ul className="plain-list small">
            {result.covariateSets.map((s) => (
              <li key={s.name}>
                <strong>{s.name}</strong>: {s.covariates.join(', ')}
                {s.note && <span className="muted"> ({s.note})</span>}
              </li>
            ))}
          </ul>
        </Tabs>
      )}
      {check && !result && <p className="muted">The stored check has no results for this analysis.</p>}
    </section>
  );
}
