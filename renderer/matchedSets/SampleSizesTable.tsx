// Sample sizes as MatchIt's summary() prints them: all, matched (effective size and count), unmatched, discarded,
// for the comparison and treated groups.
import type { SampleSizes } from '../../shared/engine/sampleSizes';
import { formatCount, formatFixed } from '../../shared/format/numberFormat';

const ROWS: { key: keyof SampleSizes['treated']; label: string; help: string }[] = [
  { key: 'all', label: 'All', help: 'every record of the group before the pool filter' },
  { key: 'matchedEffective', label: 'Matched (effective size)', help: '(sum of weights)² / sum of squared weights' },
  { key: 'matched', label: 'Matched', help: 'records with a weight above 0' },
  { key: 'unmatched', label: 'Unmatched', help: 'in the analysis but given no weight' },
  { key: 'discarded', label: 'Discarded', help: 'left out by the pool filter' },
];

export function SampleSizesTable({ sizes }: { sizes: SampleSizes }) {
  return (
    <table className="report-table sample-sizes" data-testid="sample-sizes">
      <caption>Sample sizes (as MatchIt’s summary)</caption>
      <thead>
        <tr>
          <th scope="col">Records</th>
          <th scope="col">Comparison</th>
          <th scope="col">Treated</th>
        </tr>
      </thead>
      <tbody>
        {ROWS.map((r) => (
          <tr key={r.key}>
            <th scope="row" title={r.help}>
              {r.label}
            </th>
            <td className="num">{r.key === 'matchedEffective' ? formatFixed(sizes.comparison[r.key], 1) : formatCount(sizes.comparison[r.key])}</td>
            <td className="num">{formatCount(sizes.treated[r.key])}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
