// What the balance grid and the Love plot show: rows of the bands ticked (each with its count) whose name contains
// the text typed. Both views take the rows this keeps.
import type { Band } from '../../shared/engine/balance';
import { BANDS } from '../../shared/results/balanceView';
import { formatCount } from '../../shared/format/numberFormat';
import { BAND_WORDS } from '../../shared/wording/balanceLabels';

export interface BalanceFilter {
  bands: Record<Band, boolean>;
  text: string;
}

export const SHOW_EVERY_ROW: BalanceFilter = { bands: { well: true, reasonably: true, poorly: true }, text: '' };

export function BalanceFilters({ filter, counts, shown, total, onChange }: { filter: BalanceFilter; counts: Record<Band, number>; shown: number; total: number; onChange: (f: BalanceFilter) => void }) {
  return (
    <div className="balance-bar" data-testid="balance-filters">
      <fieldset className="band-filter">
        <legend>Rows matched</legend>
        {BANDS.map((b) => (
          <label key={b} className={`check band-count band-${b}`}>
            <input type="checkbox" checked={filter.bands[b]} onChange={(e) => onChange({ ...filter, bands: { ...filter.bands, [b]: e.target.checked } })} />
            {BAND_WORDS[b]} <span className="count" data-testid={`band-count-${b}`}>{formatCount(counts[b])}</span>
          </label>
        ))}
      </fieldset>
      <label className="find-row">
        Find a covariate
        <input type="search" value={filter.text} onChange={(e) => onChange({ ...filter, text: e.target.value })} placeholder="e.g. age" />
      </label>
      <span className="muted small" data-testid="rows-shown" aria-live="polite">
        {shown === total ? `All ${formatCount(total)} rows shown` : `${formatCount(shown)} of ${formatCount(total)} rows shown`}
      </span>
    </div>
  );
}

/** The rows a filter keeps; the name searched is the row's label (variable and level), case ignored. */
export function filterRows<R extends { band: Band; variable: string; level: string | null }>(rows: readonly R[], filter: BalanceFilter, label: (r: R) => string): R[] {
  const text = filter.text.trim().toLowerCase();
  return rows.filter((r) => filter.bands[r.band] && (text === '' || label(r).toLowerCase().includes(text)));
}
