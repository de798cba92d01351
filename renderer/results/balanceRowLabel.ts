// A balance row's short name for chart labels: the column as the analyst named it, then the level.
import type { BalanceRow } from '../../shared/engine/balance';

export function balanceRowLabel(row: Pick<BalanceRow, 'variable' | 'level'>): string {
  if (row.variable === 'score') return 'propensity score (logit)';
  if (row.level === null) return row.variable;
  if (row.level === '(missing)') return `${row.variable} (missing)`;
  return `${row.variable}: ${row.level}`;
}
