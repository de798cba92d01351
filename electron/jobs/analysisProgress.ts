// The analysis job's one bar: loading, each analysis's steps, saving. Analyses run side by side
// (analysisThreads.ts), so the bar adds up where each one is, and the label names those running.
import { WeightedProgress, type ProgressPhase, type ProgressReport } from './weightedProgress';
import type { RunStep } from '../../shared/results/buildRunResults';
import type { AnalysisPosition } from './analysisWorkerProtocol';

// One analysis's steps, in the order they run, with their share of its time (the National preset on
// a shuffled 300,000-record extract in the app: the score model's iterations lead, then balance).
const ANALYSIS_STEPS: { step: RunStep; what: string; weight: number }[] = [
  { step: 'preparing', what: 'selecting the pool and covariates', weight: 5 },
  { step: 'order', what: 'putting the records in order', weight: 10 },
  { step: 'design', what: 'building the design matrix', weight: 10 },
  { step: 'fit', what: 'fitting the score model', weight: 40 },
  { step: 'match', what: 'matching', weight: 8 },
  { step: 'balance', what: 'checking balance', weight: 17 },
  { step: 'outcomes', what: 'estimating the outcomes', weight: 5 },
];

/** The bar's phases for a spec: loading, each analysis's steps, saving. */
export function analysisPhases(names: readonly string[]): ProgressPhase[] {
  const per = ANALYSIS_STEPS.reduce((s, x) => s + x.weight, 0);
  return [
    { id: 'loading', label: 'Loading the cohort', weight: per / 7 },
    ...names.flatMap((name, a) =>
      ANALYSIS_STEPS.map(({ step, what, weight }) => ({
        id: `${a}:${step}`,
        label: names.length > 1 ? `${name} (${a + 1} of ${names.length}): ${what}` : `${name}: ${what}`,
        weight,
      })),
    ),
    { id: 'saving', label: 'Saving the run', weight: per / 20 },
  ];
}

export class AnalysesProgress {
  private readonly bar: WeightedProgress;
  private readonly phases: Map<string, ProgressPhase>;
  private readonly where = new Map<number, AnalysisPosition>();
  private label = '';

  constructor(names: readonly string[], report: ProgressReport) {
    const phases = analysisPhases(names);
    this.bar = new WeightedProgress(phases, report);
    this.phases = new Map(phases.map((p) => [p.id, p]));
  }

  loading(): void {
    this.bar.at('loading');
  }

  saving(): void {
    this.bar.at('saving');
  }

  /** Analysis `a` (in spec order) is at `at`. */
  analysis(a: number, at: AnalysisPosition): void {
    this.where.set(a, at);
    const fractions = new Map<string, number>([['loading', 1]]);
    const running: string[] = [];
    for (const [index, position] of [...this.where].sort(([x], [y]) => x - y)) {
      const current = position === 'done' ? ANALYSIS_STEPS.length : ANALYSIS_STEPS.findIndex((s) => s.step === position.step);
      ANALYSIS_STEPS.forEach(({ step }, k) => {
        if (k < current) fractions.set(`${index}:${step}`, 1);
        else if (k === current && position !== 'done') fractions.set(`${index}:${step}`, position.fraction);
      });
      if (position !== 'done') running.push(this.phases.get(`${index}:${position.step}`)!.label);
    }
    // Between one analysis's end and the next one's first step, the last label stays.
    if (running.length > 0) this.label = running.join('; ');
    this.bar.atEach(fractions, this.label);
  }
}
