// The files of a robustness check (the CLI's `robustness --out DIR`): robustness.json and its specification curves as
// standalone SVG, one per analysis and headline measure that has a summary, `specification-curve-<analysis>-
// <measure>.svg`. Aggregates only. Made in memory here; the service writes each through the one export writer.
import type { RobustnessCheck } from '../../shared/robustness/robustnessCheck';
import type { RunResults } from '../../shared/results/runResults';
import { CURVE_MEASURES, specificationCurve } from '../../shared/charts/specificationCurveGeometry';
import { HEADLINE_MEASURES } from '../../shared/robustness/runRobustness';
import { specificationCurveSvg } from '../../shared/report/specificationCurveSvg';
import { robustnessStatement } from '../../shared/wording/robustnessSentence';
import { fileNamePart } from './fileNamePart';

export interface NamedFile {
  name: string;
  content: string;
}

/** robustness.json first, then the charts; each chart says what the report says of its curve (`run`: the checked run). */
export function robustnessFiles(check: RobustnessCheck, run: RunResults): NamedFile[] {
  const files: NamedFile[] = [{ name: 'robustness.json', content: JSON.stringify(check, null, 2) + '\n' }];
  for (const a of check.analyses) {
    const publishable = run.analyses.find((r) => r.name === a.analysis)?.findings.publishable ?? false;
    for (const id of HEADLINE_MEASURES) {
      const { title } = CURVE_MEASURES[id];
      const summary = a.summaries[id];
      const layout = specificationCurve(a.entries, id);
      if (!summary || !layout) continue;
      const fullTitle = `${title}: ${a.analysis} analysis, ${a.entries.length} specifications`;
      files.push({
        name: `specification-curve-${fileNamePart(a.analysis)}-${id}.svg`,
        content: specificationCurveSvg(layout, { alpha: check.alpha, label: fullTitle, standalone: { title: fullTitle, sentence: robustnessStatement(id, summary, publishable) } }),
      });
    }
  }
  return files;
}
