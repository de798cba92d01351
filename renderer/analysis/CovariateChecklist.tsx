// The covariates of one analysis as a checklist of the cohort's columns, grouped by role, with
// "all"/"none" per group and any chosen name the extract does not have.
import { useId } from 'react';
import type { AnalysisColumn } from '../../shared/api';
import { covariateGroups } from './specDraft';

interface Props {
  columns: AnalysisColumn[];
  selected: string[];
  /** Columns that cannot be covariates here, with the reason shown beside them. */
  blocked: Record<string, string>;
  /** No covariate chosen where one is needed. */
  invalid: boolean;
  onChange: (selected: string[]) => void;
}

export function CovariateChecklist({ columns, selected, blocked, invalid, onChange }: Props) {
  const id = useId();
  const groups = covariateGroups(columns);
  const known = new Set(columns.map((c) => c.name));
  const unknown = selected.filter((s) => !known.has(s));
  // Selection keeps the extract's column order, so the same choice always gives the same spec.
  const ordered = (names: Set<string>) => [...columns.map((c) => c.name).filter((n) => names.has(n)), ...unknown.filter((n) => names.has(n))];
  const setMany = (names: string[], on: boolean) => {
    const next = new Set(selected);
    for (const n of names) if (on) next.add(n);
    else next.delete(n);
    onChange(ordered(next));
  };

  return (
    <fieldset className={invalid ? 'plain covariates invalid' : 'plain covariates'} aria-invalid={invalid}>
      <legend>
        Covariates of the score model <span className="muted small">({selected.length} chosen)</span>
      </legend>
      {unknown.length > 0 && (
        <div className="warn-note small">
          Not in this extract: {unknown.map((u) => <code key={u}>{u}</code>)}.{' '}
          <button type="button" className="secondary small" onClick={() => setMany(unknown, false)}>
            Remove them
          </button>
        </div>
      )}
      <div className="covariate-groups">
        {groups.map((g) => {
          const usable = g.columns.filter((c) => !blocked[c.name]).map((c) => c.name);
          const chosen = usable.filter((n) => selected.includes(n)).length;
          return (
            <div key={g.id} className="covariate-group" role="group" aria-labelledby={`${id}-${g.id}`}>
              <div className="covariate-group-head">
                <strong id={`${id}-${g.id}`}>{g.label}</strong>
                <span className="muted small">
                  {chosen} of {usable.length}
                </span>
                <button type="button" className="linkish small" onClick={() => setMany(usable, true)} disabled={chosen === usable.length} aria-label={`Choose all of ${g.label}`}>
                  all
                </button>
                <button type="button" className="linkish small" onClick={() => setMany(usable, false)} disabled={chosen === 0} aria-label={`Choose none of ${g.label}`}>
                  none
                </button>
              </div>
              {g.columns.map((c) => (
                <label key={c.name} className="check" title={blocked[c.name]}>
                  <input type="checkbox" checked={selected.includes(c.name) && !blocked[c.name]} disabled={Boolean(blocked[c.name])} onChange={(e) => setMany([c.name], e.target.checked)} />
                  <code>{c.name}</code>
                  <span className="muted small">{blocked[c.name] ? ` ${blocked[c.name]}` : c.kind === 'categorical' ? ' categories' : ''}</span>
                </label>
              ))}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
