// The specification curves of a robustness check as standalone SVG files (the CLI's chart): one per analysis and
// headline measure that has a summary, `specification-curve-<analysis>-<measure>.svg`. Aggregates only.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RobustnessCheck } from '../../shared/robustness/robustnessCheck';
import type { RunResults } from '../../shared/results/runResults';
import { CURVE_MEASURES, specificationCurve } from '../../shared/charts/specificationCurveGeometry';
import { HEADLINE_MEASURES } from '../../shared/robustness/runRobustness';
import { specificationCurveSvg } from '../../shared/report/specificationCurveSvg';
import { robustnessStatement } from '../../shared/wording/robustnessSentence';
import { fileNamePart } from './fileNamePart';

/** Writes the files into `dir`; returns their names. Each says what the report says of its curve (`run`: the checked run). */
export async function writeSpecificationCurves(dir: string, check: RobustnessCheck, run: RunResults): Promise<string[]> {
  const written: string[] = [];
  for (const a of check.analyses) {
    const publishable = run.analyses.find((r) => r.name === a.analysis)?.findings.publishable ?? false;
    for (const id of HEADLINE_MEASURES) {
      const { title } = CURVE_MEASURES[id];
      const summary = a.summaries[id];
      const layout = specificationCurve(a.entries, id);
      if (!summary || !layout) continue;
      const name = `specification-curve-${fileNamePart(a.analysis)}-${id}.svg`;
      const fullTitle = `${title}: ${a.analysis} analysis, ${a.entries.length} specifications`;
      await writeFile(join(dir, name), specificationCurveSvg(layout, { alpha: check.alpha, label: fullTitle, standalone: { title: fullTitle, sentence: robustnessStatement(id, summary, publishable) } }));
      written.push(name);
    }
  }
  return written;
}
