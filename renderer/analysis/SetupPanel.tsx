// The set-up of a run: organisation, the analyses as cards, headline, alpha and power, and "Run analysis".
import { useState } from 'react';
import { ProgrammeTexts } from './ProgrammeTexts';
import type { AnalysisOptions } from '../../shared/api';
import { formatCount } from '../../shared/format/numberFormat';
import { ErrorNote } from '../components/ErrorNote';
import { AnalysisCard } from './AnalysisCard';
import { draftFromSpec, newAnalysis, removeAnalysis, renameAnalysis, specFromDraft, type SpecDraft } from './specDraft';
import type { SpecInput } from '../../shared/engine/analysisSpec';

interface Props {
  options: AnalysisOptions;
  draft: SpecDraft;
  /** What the last discarding action did, while it can still be undone. */
  undo: { what: string } | null;
  onEdit: (draft: SpecDraft) => void;
  /** Replaces the draft in a way that can be undone (setupState.ts). */
  onDiscard: (what: string, draft: SpecDraft) => void;
  onUndo: () => void;
  busy: boolean;
  onRun: (spec: SpecInput) => void;
  /** A problem keeping the set-up in the store (reading or saving it). */
  notice: string | null;
}

export function SetupPanel({ options, draft, undo, onEdit: onDraft, onDiscard: discard, onUndo, busy, onRun, notice }: Props) {
  // After a first attempt the problems follow the edits, so each one goes away as it is fixed.
  const [tried, setTried] = useState(false);
  const check = specFromDraft(draft);
  const problems = tried && !check.ok ? check.problems : [];
  const invalid = new Set(problems.map((p) => p.field));
  const run = () => {
    setTried(true);
    if (check.ok) onRun(check.spec);
  };
  const names = draft.analyses.map((a) => a.name);
  const presetTemplate = () => draftFromSpec(options.presets, options.columns).analyses[0];

  return (
    <div className="setup">
      <p className="muted small">
        {formatCount(options.treated)} people in the treatment group and {formatCount(options.poolEligible)} eligible comparison records after the cohort step.
      </p>
      <div className="card setup-general">
        <label className="org-field">
          Organisation or programme (as the statements will name it)
          <input value={draft.organisation} onChange={(e) => onDraft({ ...draft, organisation: e.target.value })} placeholder="e.g. Southwark's IOM programme" aria-describedby="org-reads" aria-invalid={invalid.has('organisation')} />
        </label>
        <label>
          Headline analysis
          <select value={draft.headline} onChange={(e) => onDraft({ ...draft, headline: e.target.value })}>
            {names.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <label>
          Significance level (alpha)
          <input inputMode="decimal" value={draft.alpha} onChange={(e) => onDraft({ ...draft, alpha: e.target.value })} aria-invalid={invalid.has('alpha')} />
        </label>
        <label>
          Power for the sample size needed
          <input inputMode="decimal" value={draft.power} onChange={(e) => onDraft({ ...draft, power: e.target.value })} aria-invalid={invalid.has('power')} />
        </label>
        {/* The name goes mid-sentence as typed, so show how it will read. */}
        <p id="org-reads" className="muted small org-reads">
          Reads as: “This analysis provides evidence that, for every 100 participants, {draft.organisation.trim() || '…'} may decrease …”
        </p>
      </div>

      <ProgrammeTexts value={draft.programme} onChange={(programme) => onDraft({ ...draft, programme })} />

      {draft.analyses.map((a) => (
        <AnalysisCard
          key={a.key}
          draft={a}
          columns={options.columns}
          invalid={invalid}
          isHeadline={a.name === draft.headline}
          canRemove={draft.analyses.length > 1}
          onChange={(next) => onDraft({ ...draft, analyses: draft.analyses.map((x) => (x.key === a.key ? next : x)) })}
          onRename={(name) => onDraft(renameAnalysis(draft, a.key, name))}
          onRemove={() => discard(`Removed the analysis “${a.name}”.`, removeAnalysis(draft, a.key))}
        />
      ))}

      {/* Sticky at the bottom of the window: the problems show beside the button that found them. */}
      <div className="setup-actions">
        <ErrorNote message={notice} />
        {/* Removing an analysis, resetting to the presets or setting up from a run throws edits away: undoable until the next edit. */}
        {undo && (
          <p className="undo-note" role="status">
            {undo.what}{' '}
            <button type="button" className="secondary small" onClick={onUndo} data-testid="undo-setup">
              Undo
            </button>
          </p>
        )}
        {problems.length > 0 && (
          <div className="error-note" role="alert">
            The analysis cannot run yet:
            <ul>
              {problems.map((p) => (
                <li key={p.message}>{p.message}</li>
              ))}
            </ul>
          </div>
        )}
        <div className="setup-buttons">
          <button type="button" className="secondary" onClick={() => onDraft({ ...draft, analyses: [...draft.analyses, newAnalysis(presetTemplate(), names)] })}>
            Add an analysis
          </button>
          <button type="button" className="secondary" onClick={() => discard('Reset the analyses to the National and Regional presets.', draftFromSpec({ ...options.presets, organisation: draft.organisation, programme: draft.programme }, options.columns))}>
            Reset to the National and Regional presets
          </button>
          <span className="grow" />
          <button type="button" onClick={run} disabled={busy} data-testid="run-analysis">
            {busy ? 'A job is running…' : 'Run analysis'}
          </button>
        </div>
      </div>
    </div>
  );
}
