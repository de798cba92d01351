// "Size of treatment and comparison groups" of the reference report: one row per analysis.
import type { AnalysisResults } from '../../shared/results/runResults';
import { SAME_AS_TREATMENT } from '../../shared/engine/analysisSpec';
import { formatCount } from '../../shared/format/numberFormat';

export function GroupSizesTable({ analyses, headline }: { analyses: AnalysisResults[]; headline: string }) {
  return (
    <div className="table-scroll">
      <table className="report-table" data-testid="group-sizes">
        <caption>
          Size of the treatment and comparison groups for the reoffending rate and frequency (the time to first reoffence looks at reoffenders only). The
          headline results refer to the <strong>{headline.toLowerCase()} analysis</strong>.
        </caption>
        <thead>
          <tr>
            <th scope="col">Analysis</th>
            <th scope="col">Controlled for region</th>
            <th scope="col">Treatment group size</th>
            <th scope="col">Reoffenders in treatment group</th>
            <th scope="col">Comparison group size</th>
            <th scope="col">Reoffenders in comparison group</th>
          </tr>
        </thead>
        <tbody>
          {analyses.map((a) => (
            <tr key={a.name}>
              <th scope="row">{a.name}</th>
              <td>{a.spec.pool.region === SAME_AS_TREATMENT ? 'Yes' : 'No'}</td>
              <td className="num">{formatCount(a.treatment.n)}</td>
              <td className="num">{formatCount(a.treatment.reoffenders)}</td>
              <td className="num">{formatCount(a.comparison.records)}</td>
              <td className="num">{formatCount(a.comparison.reoffenders)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
