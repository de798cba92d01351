// Results of the open run: the key findings and charts of one analysis (the headline one first), the group
// sizes and Tables 1-7 of every analysis.
import type { JobInfo } from '../../shared/api';
import type { RunResults } from '../../shared/results/runResults';
import { AnalysisTabs } from './AnalysisTabs';
import { GroupSizesTable } from './GroupSizesTable';
import { KeyFindings } from './KeyFindings';
import { OutcomeBars } from './OutcomeBars';
import { OUTCOME_CHARTS } from '../../shared/charts/outcomeChartSpecs';
import { OutcomeTables } from './OutcomeTables';
import { RobustnessPanel } from './RobustnessPanel';
import { SensitivityPanel } from './SensitivityPanel';

interface Props {
  run: RunResults;
  selected: string;
  onSelect: (name: string) => void;
  /** Records or withdraws an analysis's justification (METHOD.md 4a). */
  onJustify: (analysis: string, text: string) => Promise<void>;
  /** The running jobs, for the robustness check's progress bar. */
  jobs: JobInfo[];
}

export function ResultsPanel({ run, selected, onSelect, onJustify, jobs }: Props) {
  const analysis = run.analyses.find((a) => a.name === selected) ?? run.analyses[0];
  const o = analysis.outcomes;
  return (
    <div className="results">
      <AnalysisTabs names={run.analyses.map((a) => a.name)} headline={run.spec.headline} selected={analysis.name} onSelect={onSelect} label="Analysis of the key findings" idPrefix="results-analysis">
        <h3>Key findings: {analysis.name.toLowerCase()} analysis</h3>
        <KeyFindings analysis={analysis} onJustify={(text) => onJustify(analysis.name, text)} />
        <h3>Charts</h3>
        <div className="charts-row" data-testid="outcome-charts">
          {OUTCOME_CHARTS.map((spec) => (
            <OutcomeBars key={spec.measure} spec={spec} organisation={run.spec.organisation} measure={o[spec.measure]} />
          ))}
        </div>
        <p className="muted small">Bars are each group’s mean; whiskers its own confidence interval.</p>
        <SensitivityPanel analysis={analysis} />
        <RobustnessPanel run={run} analysis={analysis} jobs={jobs} />
      </AnalysisTabs>
      {/* The detail tables show every analysis (the chosen one highlighted), so they sit outside its tab panel. */}
      <h3>The results in detail</h3>
      <GroupSizesTable analyses={run.analyses} headline={run.spec.headline} />
      <OutcomeTables analyses={run.analyses} organisation={run.spec.organisation} selected={analysis.name} alpha={run.spec.alpha} />
    </div>
  );
}
