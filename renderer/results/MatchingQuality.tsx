// Matching quality of one analysis: the summary sentence, the score model, the group sizes, MatchIt's sample sizes,
// then the linked views: the balance grid and the Love plot show the rows the filters keep, banded by the view's
// thresholds, and share one selected row, whose covariate's distribution is drawn beside the plot; then the score
// overlap. The selected row and the view's thresholds are the workspace's (kept across a reload); the filters are
// the screen's.
import { useMemo, useState } from 'react';
import type { AnalysisResults } from '../../shared/results/runResults';
import { balanceViewRows, bandCounts, leastWellMatched } from '../../shared/results/balanceView';
import type { Bands } from '../../shared/engine/analysisSpec';
import { formatCount, formatFixed } from '../../shared/format/numberFormat';
import { analysisMatchingSummary } from '../../shared/wording/matchingSummary';
import { BALANCE_TABLE_NOTE, balanceRowLabel } from '../../shared/wording/balanceLabels';
import { SampleSizesTable } from '../matchedSets/SampleSizesTable';
import { BalanceFilters, filterRows, SHOW_EVERY_ROW } from './BalanceFilters';
import { BalanceGrid } from './BalanceGrid';
import { CovariateDistribution } from './CovariateDistribution';
import { GateBanner } from './GateBanner';
import { NoticeList } from './NoticeList';
import { LovePlot } from './LovePlot';
import { ScoreOverlap } from './ScoreOverlap';
import { ViewBands } from './ViewBands';

const METHOD_LABEL: Record<string, string> = { radius: 'Radius', nearest: 'Nearest neighbour', kernel: 'Kernel' };

function methodLine(a: AnalysisResults): string {
  const m = a.spec.matching;
  const caliper =
    a.matching.caliper === null
      ? 'no caliper'
      : `caliper ${m.caliper}${m.caliperUnit === 'sd' ? ' SD' : ''} = ${formatFixed(a.matching.caliper, 3)} on the logit score`;
  const nearest = m.method === 'nearest' ? `, ${m.ratio}:1 ${m.replace ? 'with' : 'without'} replacement` : '';
  return `${METHOD_LABEL[m.method] ?? m.method}${nearest}, ${caliper}`;
}

/** The variables of strata named like "sex=F, region=London". */
function strataVariables(strata: string[]): string {
  return strata[0].split(', ').map((part) => part.split('=')[0]).join(', ');
}

function Fact({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="fact" data-testid={testId}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

export interface BalanceLook {
  /** The row selected (`variable|level`); null: the least well matched row shown. */
  selectedKey: string | null;
  onSelect: (key: string) => void;
  /** The view's thresholds; null: the run's. */
  viewBands: Bands | null;
  onViewBands: (bands: Bands | null) => void;
}

export function MatchingQuality({ analysis: a, bands: runBands, look, onJustify }: { analysis: AnalysisResults; bands: Bands; look: BalanceLook; onJustify: (text: string) => Promise<void> }) {
  const bands = look.viewBands ?? runBands;
  const rows = useMemo(() => balanceViewRows(a, bands), [a, bands]);
  const [filter, setFilter] = useState(SHOW_EVERY_ROW);
  const shown = useMemo(() => filterRows(rows, filter, balanceRowLabel), [rows, filter]);
  // The chosen row while the filters keep it; otherwise the least well matched row shown.
  const selected = shown.find((r) => r.key === look.selectedKey) ?? leastWellMatched(shown);
  const model = a.model;
  const summary = analysisMatchingSummary(a);
  const strata = a.matching.strata;
  return (
    <div className="matching-quality">
      <p className="summary-sentence" data-testid="matching-summary">
        {summary}
      </p>
      <GateBanner analysis={a} onJustify={onJustify} />
      <NoticeList notices={a.notices} />
      <div className="fact-cards">
        <section className="card">
          <h3>Score model</h3>
          <dl className="facts">
            <Fact label="Converged" value={model.converged ? `yes, in ${model.iterations} iterations` : `no, stopped after ${model.iterations} iterations`} />
            <Fact label="Matching" value={methodLine(a)} />
            <Fact label="Exact-match strata" value={strata.length === 0 ? 'none' : `${formatCount(strata.length)} (by ${strataVariables(strata)})`} />
            <Fact label="Dropped columns" value={model.droppedColumns.length === 0 ? 'none' : model.droppedColumns.join(', ')} />
            {model.droppedCovariates.length > 0 && <Fact label="Covariates left out" value={model.droppedCovariates.join(', ')} />}
            <Fact
              label="Separation"
              value={
                model.separation.variables.length === 0 && model.separation.fittedAtBounds === 0
                  ? 'none detected'
                  : `${formatCount(model.separation.fittedAtBounds)} records with fitted probability 0 or 1${model.separation.variables.length > 0 ? `; variables: ${model.separation.variables.join(', ')}` : ''}`
              }
            />
            {model.problem && <Fact label="Problem" value={model.problem} />}
          </dl>
        </section>
        <section className="card">
          <h3>Group sizes</h3>
          <dl className="facts">
            <Fact label="Treatment group (matched)" value={`${formatCount(a.treatment.n)} people, ${formatCount(a.treatment.reoffenders)} reoffenders`} testId="treated-n" />
            <Fact label="Not matched" value={`${formatCount(a.treatment.notMatched)} ${a.treatment.notMatched === 1 ? 'person' : 'people'}`} />
            {a.treatment.outsideFilter > 0 && <Fact label="Outside the pool filter" value={formatCount(a.treatment.outsideFilter)} />}
            <Fact label="Comparison group" value={`${formatCount(a.comparison.records)} records, ${formatCount(a.comparison.reoffenders)} reoffenders`} />
            <Fact label="Effective comparison size" value={formatFixed(a.comparison.effectiveSize, 1)} />
            <Fact label="Comparison pool" value={`${formatCount(a.comparison.poolRecords)} records`} />
          </dl>
        </section>
      </div>
      {a.sampleSizes && <SampleSizesTable sizes={a.sampleSizes} />}
      <h3>Balance of every covariate</h3>
      <p className="muted small" data-testid="balance-note">{BALANCE_TABLE_NOTE}</p>
      <div className="balance-controls">
        <BalanceFilters filter={filter} counts={bandCounts(rows)} shown={shown.length} total={rows.length} onChange={setFilter} />
        <ViewBands runBands={runBands} viewBands={look.viewBands} onChange={look.onViewBands} />
      </div>
      <BalanceGrid rows={shown} selectedKey={selected?.key ?? null} onSelect={look.onSelect} />
      <div className="charts-row linked">
        <LovePlot rows={shown} allRows={rows} bands={bands} selectedKey={selected?.key ?? null} onSelect={look.onSelect} />
        <CovariateDistribution analysis={a} row={selected} />
        <ScoreOverlap histogram={a.histogram} />
      </div>
    </div>
  );
}
