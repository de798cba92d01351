// Matching quality of one analysis: the summary sentence, the score model, the group sizes, the balance grid,
// the Love plot and the score overlap.
import type { AnalysisResults } from '../../shared/results/runResults';
import type { Bands } from '../../shared/engine/analysisSpec';
import { formatCount, formatFixed } from '../../shared/format/numberFormat';
import { analysisMatchingSummary } from '../../shared/wording/matchingSummary';
import { BalanceGrid } from './BalanceGrid';
import { GateBanner } from './GateBanner';
import { NoticeList } from './NoticeList';
import { LovePlot } from './LovePlot';
import { ScoreOverlap } from './ScoreOverlap';

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

export function MatchingQuality({ analysis: a, bands, onJustify }: { analysis: AnalysisResults; bands: Bands; onJustify: (text: string) => Promise<void> }) {
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
      <h3>Balance of every covariate</h3>
      <BalanceGrid rows={a.balance} />
      <div className="charts-row">
        <LovePlot rows={a.balance} bands={bands} />
        <ScoreOverlap histogram={a.histogram} />
      </div>
    </div>
  );
}
