// One progress bar for a whole job: the job's phases share the bar in proportion to their expected
// cost, so the bar moves at an even pace through phases of very different lengths and never goes
// back. It stops short of the end: only the job's end (jobRunner) fills it.

export interface ProgressPhase<Id extends string = string> {
  id: Id;
  /** What the analyst reads while the phase runs: what happens, e.g. "Deriving one-year outcomes". */
  label: string;
  /** Expected cost, in any unit shared by the job's phases (measured on the benchmarks' extracts). */
  weight: number;
}

/** The scale of every job's done/total. */
export const PROGRESS_TOTAL = 1000;
/** The most a running job shows (99%): 100% means the job has ended. */
export const PROGRESS_CEILING = 990;

export type ProgressReport = (phase: string, done: number, total: number) => void;

export class WeightedProgress<Id extends string = string> {
  private readonly start = new Map<Id, number>();
  private readonly sum: number;
  private shown = 0;

  constructor(
    private readonly phases: readonly ProgressPhase<Id>[],
    private readonly report: ProgressReport,
  ) {
    let at = 0;
    for (const p of phases) {
      this.start.set(p.id, at);
      at += p.weight;
    }
    this.sum = at;
  }

  /** Phase `id` has done `fraction` (0 to 1) of its work; `detail` follows the label. */
  at(id: Id, fraction = 0, detail?: string): void {
    const phase = this.phase(id);
    this.show(this.start.get(id)! + phase.weight * clamp(fraction), detail ? `${phase.label} ${detail}` : phase.label);
  }

  /**
   * For phases that run side by side (a spec's analyses on two threads): each listed phase has done
   * its fraction, and a phase not listed nothing; `label` says what is running.
   */
  atEach(fractions: ReadonlyMap<Id, number>, label: string): void {
    let weightDone = 0;
    for (const [id, fraction] of fractions) weightDone += this.phase(id).weight * clamp(fraction);
    this.show(weightDone, label);
  }

  private phase(id: Id): ProgressPhase<Id> {
    const phase = this.phases.find((p) => p.id === id);
    if (!phase) throw new Error(`no progress phase "${id}"`);
    return phase;
  }

  private show(weightDone: number, label: string): void {
    const done = Math.floor((PROGRESS_TOTAL * weightDone) / this.sum);
    this.shown = Math.max(this.shown, Math.min(PROGRESS_CEILING, done));
    this.report(label, this.shown, PROGRESS_TOTAL);
  }
}

const clamp = (fraction: number) => (Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0);
