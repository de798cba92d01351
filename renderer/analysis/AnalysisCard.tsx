// One analysis of the spec as an editable card: name, pool, exact-match variables, covariates, matching method.
import { useId } from 'react';
import type { AnalysisColumn } from '../../shared/api';
import { CovariateChecklist } from './CovariateChecklist';
import { analysisField, usesSameRegion, withSameRegion, type AnalysisDraft, type MethodName } from './specDraft';

const METHODS: { id: MethodName; label: string }[] = [
  { id: 'radius', label: 'Radius (JDL default)' },
  { id: 'nearest', label: 'Nearest neighbour k:1' },
  { id: 'kernel', label: 'Kernel (Epanechnikov)' },
];

const METHOD_HELP: Record<MethodName, string> = {
  radius: 'Each treated person is matched to every pool record within the caliper of their score, with replacement.',
  nearest: 'Each treated person takes the k closest pool records, highest score first.',
  kernel: 'Every pool record is weighted by its closeness to each treated person, within the bandwidth.',
};

interface Props {
  draft: AnalysisDraft;
  columns: AnalysisColumn[];
  /** Field ids with a problem (specDraft's DraftProblem.field). */
  invalid: ReadonlySet<string | null>;
  isHeadline: boolean;
  canRemove: boolean;
  onChange: (next: AnalysisDraft) => void;
  onRename: (name: string) => void;
  onRemove: () => void;
}

function toggle(list: string[], name: string, on: boolean): string[] {
  return on ? (list.includes(name) ? list : [...list, name]) : list.filter((n) => n !== name);
}

export function AnalysisCard({ draft, columns, invalid, isHeadline, canRemove, onChange, onRename, onRemove }: Props) {
  const bad = (input: Parameters<typeof analysisField>[1]) => invalid.has(analysisField(draft, input));
  const id = useId();
  const sameRegion = usesSameRegion(draft.pool);
  const set = (patch: Partial<AnalysisDraft>) => onChange({ ...draft, ...patch });
  const otherFilters = Object.entries(draft.pool).filter(([k]) => !(k === 'region' && sameRegion));
  // Region is implied as an exact-match variable by the same-region pool (METHOD.md section 1).
  const exactChoices = columns.filter((c) => c.kind === 'categorical' && !(sameRegion && c.name === 'region'));
  // A variable matched exactly is constant within each stratum: offering it as a covariate too would add nothing.
  const blocked: Record<string, string> = {};
  if (sameRegion) blocked.region = 'matched exactly (same-region pool)';
  for (const e of draft.exact) blocked[e] = 'matched exactly';

  return (
    <fieldset className="card analysis-card" aria-labelledby={`${id}-legend`} data-testid={`analysis-card-${draft.name}`}>
      <legend id={`${id}-legend`} className="visually-hidden">
        Analysis {draft.name}
      </legend>
      <div className="analysis-card-head">
        <label className="grow">
          Analysis name
          <input value={draft.name} onChange={(e) => onRename(e.target.value)} aria-invalid={bad('name')} />
        </label>
        {isHeadline && <span className="status-pill good">Headline analysis</span>}
        <button type="button" className="secondary small" onClick={onRemove} disabled={!canRemove} title={canRemove ? undefined : 'A spec needs at least one analysis'}>
          Remove analysis
        </button>
      </div>

      <div className="analysis-card-grid">
        <div>
          <fieldset className="plain" aria-invalid={bad('pool')}>
            <legend>Comparison pool</legend>
            <label className="radio">
              <input type="radio" name={`${id}-pool`} checked={!sameRegion} onChange={() => set({ pool: withSameRegion(draft.pool, false) })} />
              All eligible records (England and Wales)
            </label>
            <label className="radio">
              <input type="radio" name={`${id}-pool`} checked={sameRegion} onChange={() => set({ pool: withSameRegion(draft.pool, true), covariates: draft.covariates.filter((c) => c !== 'region') })} />
              Same region as each treated person
            </label>
            {otherFilters.length > 0 && (
              <p className="muted small">Also restricted to {otherFilters.map(([k, v]) => `${k} = ${v}`).join(', ')} (from the settings this draft was loaded from).</p>
            )}
          </fieldset>

          <fieldset className="plain">
            <legend>Exact-match variables</legend>
            <p className="muted small field-help">Treated people are matched only to records with the same values.</p>
            <div className="check-columns">
              {exactChoices.map((c) => (
                <label key={c.name} className="check">
                  <input type="checkbox" checked={draft.exact.includes(c.name)} onChange={(e) => set({ exact: toggle(draft.exact, c.name, e.target.checked), covariates: draft.covariates.filter((x) => x !== c.name || !e.target.checked) })} />
                  <code>{c.name}</code>
                </label>
              ))}
            </div>
            {sameRegion && <p className="muted small field-help">Region too, because the pool is the treated person’s own region.</p>}
          </fieldset>

          <fieldset className="plain">
            <legend>Matching method</legend>
            <label>
              Method
              <select value={draft.method} onChange={(e) => set({ method: e.target.value as MethodName })}>
                {METHODS.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.label}
                  </option>
                ))}
              </select>
            </label>
            <p className="muted small method-help">{METHOD_HELP[draft.method]}</p>
            <div className="inline-fields">
              <label>
                {draft.method === 'kernel' ? 'Bandwidth (caliper)' : 'Caliper'}
                <input inputMode="decimal" value={draft.caliper} placeholder={draft.method === 'nearest' ? 'none' : '0.2'} onChange={(e) => set({ caliper: e.target.value })} aria-invalid={bad('caliper')} />
              </label>
              <label>
                Caliper unit
                <select value={draft.caliperUnit} onChange={(e) => set({ caliperUnit: e.target.value as AnalysisDraft['caliperUnit'] })}>
                  <option value="sd">SD units</option>
                  <option value="logit">logit units</option>
                </select>
              </label>
            </div>
            {draft.method === 'nearest' && (
              <div className="inline-fields">
                <label>
                  Controls per treated person
                  <input inputMode="numeric" value={draft.ratio} onChange={(e) => set({ ratio: e.target.value })} aria-invalid={bad('ratio')} />
                </label>
                <label className="check inline-check">
                  <input type="checkbox" checked={draft.replace} onChange={(e) => set({ replace: e.target.checked })} />
                  With replacement
                </label>
              </div>
            )}
            {draft.method === 'nearest' && <p className="muted small field-help">Leave the caliper empty to match without one.</p>}
          </fieldset>
        </div>

        <CovariateChecklist columns={columns} selected={draft.covariates} blocked={blocked} invalid={bad('covariates')} onChange={(covariates) => set({ covariates })} />
      </div>
    </fieldset>
  );
}
