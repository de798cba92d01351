// Compare runs: two to four stored runs side by side for one analysis name (compareRuns.ts says what is compared).
// The runs chosen are kept in the workspace, so a reload comes back to the same comparison.
import { useEffect, useState } from 'react';
import type { RunListEntry } from '../../shared/api';
import type { RunResults } from '../../shared/results/runResults';
import { formatCi, formatCount, formatDifference, formatFixed, formatSigned } from '../../shared/format/numberFormat';
import { call } from '../api/client';
import { ErrorNote } from '../components/ErrorNote';
import { ScrollRegion } from '../components/ScrollRegion';
import { runLabel } from '../analysis/runLabel';
import { niceAxis, scaleLinear } from '../../shared/charts/chartScale';
import { analysisNames, compareRun, HEADLINE_MEASURES, setupRows, type ComparedRun } from './compareRuns';

const MAX_RUNS = 4;

interface Props {
  runs: RunListEntry[];
  chosen: string[];
  onChoose: (runIds: string[]) => void;
  analysis: string;
  onAnalysis: (name: string) => void;
}

export function CompareRuns({ runs, chosen, onChoose, analysis, onAnalysis }: Props) {
  const [loaded, setLoaded] = useState<Map<string, RunResults>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const present = chosen.filter((id) => runs.some((r) => r.runId === id));

  useEffect(() => {
    for (const runId of present) {
      if (loaded.has(runId)) continue;
      call('runs.get', { runId }).then(
        (run) => setLoaded((m) => new Map(m).set(runId, run)),
        (e: Error) => setError(`The run ${runId} could not be read: ${e.message}`),
      );
    }
  }, [present, loaded]);

  const chosenRuns = present.map((id) => loaded.get(id)).filter((r): r is RunResults => r !== undefined);
  const names = analysisNames(chosenRuns);
  const name = names.includes(analysis) ? analysis : (names[0] ?? '');
  const compared = chosenRuns.length === present.length ? chosenRuns.map((r) => compareRun(r, name)) : [];
  const labelOf = (runId: string) => {
    const entry = runs.find((r) => r.runId === runId);
    return entry ? runLabel(entry) : runId;
  };
  const toggle = (runId: string, on: boolean) => onChoose(on ? [...present, runId] : present.filter((id) => id !== runId));

  return (
    <div className="compare" data-testid="compare-runs">
      <fieldset className="card compare-picker">
        <legend>Runs to compare (two to four)</legend>
        {runs.length < 2 && <p className="muted small">Compare needs at least two stored runs: change a setting and run again.</p>}
        <div className="check-columns">
          {runs.map((r) => (
            <label key={r.runId} className="check">
              <input type="checkbox" checked={present.includes(r.runId)} disabled={!present.includes(r.runId) && present.length >= MAX_RUNS} onChange={(e) => toggle(r.runId, e.target.checked)} />
              {runLabel(r)} <span className="muted small">({r.analyses.join(', ')})</span>
            </label>
          ))}
        </div>
        {names.length > 1 && (
          <label className="compare-analysis">
            Analysis compared
            <select value={name} onChange={(e) => onAnalysis(e.target.value)}>
              {names.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
        )}
      </fieldset>
      <ErrorNote message={error} />
      {present.length >= 2 && compared.length === present.length && <Comparison compared={compared} name={name} labelOf={labelOf} />}
    </div>
  );
}

function Comparison({ compared, name, labelOf }: { compared: ComparedRun[]; name: string; labelOf: (runId: string) => string }) {
  const setup = setupRows(compared);
  const head = (
    <thead>
      <tr>
        <th scope="col">{name}</th>
        {compared.map((c) => (
          <th scope="col" key={c.run.runId}>
            {labelOf(c.run.runId)}
          </th>
        ))}
      </tr>
    </thead>
  );
  const cells = (f: (c: ComparedRun) => React.ReactNode) => compared.map((c) => <td key={c.run.runId}>{c.analysis ? f(c) : <span className="muted">no {name} analysis</span>}</td>);
  return (
    <>
      <ScrollRegion label="Set-up of the runs compared">
        <table className="report-table compare-table" data-testid="compare-setup">
          <caption>Set-up (rows that differ between the runs are highlighted)</caption>
          {head}
          <tbody>
            {setup.map((row) => (
              <tr key={row.label} className={row.differs ? 'differs' : undefined} data-row={row.label} data-differs={row.differs}>
                <th scope="row">
                  {row.label}
                  {row.differs && <span className="visually-hidden"> (differs)</span>}
                </th>
                {row.values.map((v, k) => (
                  <td key={k}>{v}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <ScrollRegion label="Group sizes and matching quality of the runs compared">
        <table className="report-table compare-table" data-testid="compare-quality">
          <caption>Group sizes and matching quality</caption>
          {head}
          <tbody>
            <tr>
              <th scope="row">Treated matched (not matched)</th>
              {cells((c) => `${formatCount(c.analysis!.treatment.n)} (${formatCount(c.analysis!.treatment.notMatched)})`)}
            </tr>
            <tr>
              <th scope="row">Comparison records</th>
              {cells((c) => formatCount(c.analysis!.comparison.records))}
            </tr>
            <tr>
              <th scope="row">Effective comparison size</th>
              {cells((c) => formatFixed(c.analysis!.comparison.effectiveSize, 1))}
            </tr>
            <tr>
              <th scope="row">Covariate rows well / reasonably / poorly matched</th>
              {cells((c) => `${c.balance!.bands.well} / ${c.balance!.bands.reasonably} / ${c.balance!.bands.poorly}`)}
            </tr>
            <tr>
              <th scope="row">Worst rows (SMD after, %)</th>
              {cells((c) => (
                <ul className="worst-rows">
                  {c.balance!.worst.map((w) => (
                    <li key={w.label} className={`band-${w.band}`}>
                      {w.label}: {w.smdAfter === null ? 'n/a' : formatSigned(w.smdAfter, 1)}
                    </li>
                  ))}
                </ul>
              ))}
            </tr>
            <tr>
              <th scope="row">Matching-quality gate (METHOD.md 4a)</th>
              {cells((c) =>
                c.gate!.passes ? (
                  <span className="status-pill good">passes</span>
                ) : (
                  <span className="status-pill bad" title={c.gate!.poorlyMatched.map((r) => (r.level ? `${r.variable}: ${r.level}` : r.variable)).join(', ')}>
                    does not pass{c.gate!.belowMinimumTreated ? ': too few treated' : `: ${c.gate!.poorlyMatched.length} poorly matched`}
                  </span>
                ),
              )}
            </tr>
          </tbody>
        </table>
      </ScrollRegion>
      <EstimatesChart compared={compared} labelOf={labelOf} />
    </>
  );
}

const LABEL_W = 190;
const PLOT_W = 300;
const ROW_H = 26;

/** Each headline measure's difference (treatment minus comparison) with its 95% CI, one row per run, on one chart. */
function EstimatesChart({ compared, labelOf }: { compared: ComparedRun[]; labelOf: (runId: string) => string }) {
  const withAnalysis = compared.filter((c) => c.measures);
  return (
    <figure className="chart compare-estimates" data-testid="compare-estimates">
      <figcaption>
        <strong>Headline estimates with their 95% confidence intervals</strong>
        <span className="muted small"> Filled: the run passes the matching-quality gate; hollow: it does not, so its findings are not reliable.</span>
      </figcaption>
      <div className="estimate-panels">
        {HEADLINE_MEASURES.map((m) => {
          const scale = m.unit === 'rate' ? 100 : 1;
          const bounds = withAnalysis.flatMap((c) => [c.measures![m.id].ciLow, c.measures![m.id].ciHigh, c.measures![m.id].difference]).filter((x): x is number => x !== null).map((x) => x * scale);
          const axis = niceAxis(Math.min(0, ...bounds), Math.max(0, ...bounds), 5);
          const x = scaleLinear(axis.min, axis.max, LABEL_W, LABEL_W + PLOT_W);
          const top = 22;
          const height = top + withAnalysis.length * ROW_H + 40;
          const bottom = top + withAnalysis.length * ROW_H;
          return (
            <svg key={m.id} width={LABEL_W + PLOT_W + 20} height={height} role="img" aria-label={`${m.label}: ${withAnalysis.map((c) => `${labelOf(c.run.runId)} ${formatDifference(c.measures![m.id].difference, m.id)} (${formatCi(c.measures![m.id].ciLow, c.measures![m.id].ciHigh, m.id)})`).join('; ')}`}>
              <text x={LABEL_W} y={14} className="panel-title">
                {m.label}
              </text>
              <text x={LABEL_W + PLOT_W / 2} y={height - 4} textAnchor="middle" className="axis-title">
                treatment minus comparison
              </text>
              {axis.ticks.map((t) => (
                <g key={t}>
                  <line x1={x(t)} x2={x(t)} y1={top} y2={bottom} className={t === 0 ? 'axis-zero' : 'gridline'} />
                  <text x={x(t)} y={bottom + 14} textAnchor="middle" className="tick">
                    {formatFixed(t, axis.dp)}
                  </text>
                </g>
              ))}
              {withAnalysis.map((c, i) => {
                const e = c.measures![m.id];
                const y = top + i * ROW_H + ROW_H / 2;
                const passes = c.gate!.passes;
                return (
                  <g key={c.run.runId}>
                    <text x={LABEL_W - 8} y={y + 4} textAnchor="end" className="row-label">
                      {labelOf(c.run.runId).slice(0, 26)}
                    </text>
                    {e.ciLow !== null && e.ciHigh !== null && <line x1={x(e.ciLow * scale)} x2={x(e.ciHigh * scale)} y1={y} y2={y} className="ci-line" />}
                    {e.difference !== null && <circle cx={x(e.difference * scale)} cy={y} r={5} className={passes ? 'estimate-dot' : 'estimate-dot not-reliable'} />}
                  </g>
                );
              })}
            </svg>
          );
        })}
      </div>
    </figure>
  );
}
