// From the cohort table and one analysis spec to the engine's input (METHOD.md section 1): the rows of the
// analysis (treated + eligible pool after the pool filter), the exact-match strata, the resolved covariates.
import type { AnalysisSpec, MatchingSpec } from './analysisSpec';
import { SAME_AS_TREATMENT } from './sameAsTreatment';
import { compareByteOrder } from './byteOrder';
import { numberAt, widenNumbers, type Column, type TableColumn } from './column';
import { MISSING_LEVEL } from './covariateCoding';

export interface CohortTable {
  recordIds: string[];
  columns: Map<string, TableColumn>;
}

export interface EngineInput {
  recordIds: string[];
  /** 1 = treated, 0 = pool. */
  treated: Uint8Array;
  /** Stratum code of each row, 0 .. strataLabels.length - 1. */
  strata: Int32Array;
  /** Stratum labels such as `sex=M, region=London`, in byte order (the code is the index). */
  strataLabels: string[];
  /** Covariates restricted to the rows, in spec order (prefix selections in byte order). */
  covariates: Column[];
  matching: MatchingSpec;
}

export interface PreparedAnalysis extends EngineInput {
  /** The cohort table's row of each analysis row. */
  rows: Int32Array;
  /** Exact-match variables, the `sameAsTreatment` pool-filter columns included. */
  exact: string[];
  /** Covariates left out because they take one value over the rows of the analysis. */
  droppedConstant: string[];
  /** Covariate patterns `prefix*` that selected no column (not an error: presets must run on any extract). */
  emptyPatterns: string[];
  /** Treated records outside an equality pool filter (they are not part of this analysis). */
  treatedOutsideFilter: number;
  /** Their record ids, in table order, so the unmatched list can name them. */
  treatedOutsideFilterIds: string[];
  /** Eligible pool records the pool filter left out (MatchIt's "discarded" controls). */
  poolOutsideFilter: number;
}

function requireColumn(table: CohortTable, name: string, use: string): TableColumn {
  const column = table.columns.get(name);
  if (!column) throw new Error(`${use} "${name}" is not a column of the cohort (columns: ${[...table.columns.keys()].join(', ')})`);
  return column;
}

/** Value of row i as the string an equality filter or a stratum label compares; null when missing. */
function valueLabel(column: TableColumn, i: number): string | null {
  if (column.kind === 'categorical') return column.codes[i] < 0 ? null : column.levels[column.codes[i]];
  const v = numberAt(column.values, i);
  return Number.isNaN(v) ? null : String(v);
}

/**
 * The ids of the given rows. A plain loop: Array.from with a mapping function took 0.36 s for the two analyses of
 * the 1M-record benchmark.
 */
export function recordIdsAt(ids: readonly string[], rows: Int32Array): string[] {
  const out = new Array<string>(rows.length);
  for (let k = 0; k < rows.length; k++) out[k] = ids[rows[k]];
  return out;
}

function subsetColumn(column: TableColumn, rows: Int32Array): Column {
  if (column.kind === 'numeric') return { kind: 'numeric', name: column.name, values: widenNumbers(column.values, rows) };
  const codes = new Int32Array(rows.length);
  for (let k = 0; k < rows.length; k++) codes[k] = column.codes[rows[k]];
  return { kind: 'categorical', name: column.name, codes, levels: column.levels };
}

function isConstant(column: Column): boolean {
  if (column.kind === 'categorical') return column.codes.every((c) => c === column.codes[0]);
  const v = column.values;
  const first = v[0];
  return v.every((x) => (Number.isNaN(first) ? Number.isNaN(x) : x === first));
}

/** Names in spec order; `prefix*` expands to every column with that prefix, in byte order. */
function resolveCovariates(table: CohortTable, patterns: readonly string[]): { names: string[]; emptyPatterns: string[] } {
  const names: string[] = [];
  const unknown: string[] = [];
  const emptyPatterns: string[] = [];
  const all = [...table.columns.keys()].sort(compareByteOrder);
  for (const pattern of patterns) {
    if (pattern.endsWith('*')) {
      const prefix = pattern.slice(0, -1);
      const hits = all.filter((name) => name.startsWith(prefix));
      if (hits.length === 0) emptyPatterns.push(pattern);
      names.push(...hits);
    } else if (table.columns.has(pattern)) names.push(pattern);
    else unknown.push(pattern);
  }
  if (unknown.length > 0) throw new Error(`unknown covariate${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`);
  return { names: [...new Set(names)], emptyPatterns };
}

/** Per-row value ids of a column (0 = missing) and the label of each id, without a string per row. */
function valueIds(column: TableColumn, rows: Int32Array): { ids: Int32Array; labels: string[] } {
  const ids = new Int32Array(rows.length);
  if (column.kind === 'categorical') {
    for (let k = 0; k < rows.length; k++) ids[k] = column.codes[rows[k]] + 1;
    return { ids, labels: [MISSING_LEVEL, ...column.levels] };
  }
  const idOf = new Map<number, number>();
  const labels = [MISSING_LEVEL];
  for (let k = 0; k < rows.length; k++) {
    const v = numberAt(column.values, rows[k]);
    if (Number.isNaN(v)) continue;
    let id = idOf.get(v);
    if (id === undefined) {
      id = labels.length;
      idOf.set(v, id);
      labels.push(String(v));
    }
    ids[k] = id;
  }
  return { ids, labels };
}

/** Stratum code per row from the exact variables (missing is a level of its own); codes follow label byte order. */
function strataOf(columns: TableColumn[], rows: Int32Array): { strata: Int32Array; labels: string[] } {
  // Mixed-radix combination of the value ids, then dense codes ordered by label.
  const combined = new Float64Array(rows.length);
  const parts = columns.map((c) => valueIds(c, rows));
  for (const part of parts) {
    const radix = part.labels.length;
    for (let k = 0; k < rows.length; k++) combined[k] = combined[k] * radix + part.ids[k];
  }
  const labelOf = (key: number): string => {
    const names: string[] = [];
    for (let c = parts.length - 1; c >= 0; c--) {
      const radix = parts[c].labels.length;
      names.unshift(`${columns[c].name}=${parts[c].labels[key % radix]}`);
      key = Math.floor(key / radix);
    }
    return names.join(', ');
  };
  // Few possible keys (sex, region): a table indexed by key finds the distinct keys and codes the rows, rather
  // than a Set and a Map of doubles (a lookup per row).
  const keys = parts.reduce((product, part) => product * part.labels.length, 1);
  const table = keys <= Math.max(rows.length, 1 << 16) ? new Int32Array(keys).fill(-1) : null;
  let present: number[];
  if (table) {
    for (let k = 0; k < rows.length; k++) table[combined[k]] = 0;
    present = [];
    table.forEach((seen, key) => {
      if (seen === 0) present.push(key);
    });
  } else present = [...new Set(combined)];
  const distinct = present.map((key) => ({ key, label: labelOf(key) }));
  distinct.sort((a, b) => compareByteOrder(a.label, b.label));
  const strata = new Int32Array(rows.length);
  if (table) {
    distinct.forEach((d, code) => (table[d.key] = code));
    for (let k = 0; k < rows.length; k++) strata[k] = table[combined[k]];
  } else {
    const codeOf = new Map(distinct.map((d, code) => [d.key, code]));
    for (let k = 0; k < rows.length; k++) strata[k] = codeOf.get(combined[k])!;
  }
  return { strata, labels: distinct.map((d) => d.label) };
}

/**
 * Builds the engine input. `treated` and `eligiblePool` are masks over the table's rows; a row in both counts as
 * treated. Pool filter entries: `sameAsTreatment` keeps pool rows whose value occurs among the analysis's treated
 * rows, makes the column an exact-match variable and a covariate of the score model (unless constant); any other value keeps the rows
 * (treated and pool) equal to it (the number as written for a numeric column). Equality filters apply first.
 */
export function prepareAnalysis(table: CohortTable, treated: Uint8Array, eligiblePool: Uint8Array, spec: AnalysisSpec): PreparedAnalysis {
  const n = table.recordIds.length;
  const keep = new Uint8Array(n);
  for (let i = 0; i < n; i++) keep[i] = treated[i] === 1 || eligiblePool[i] === 1 ? 1 : 0;

  const sameAs: string[] = [];
  let treatedOutsideFilter = 0;
  for (const [name, wanted] of Object.entries(spec.pool)) {
    const column = requireColumn(table, name, 'pool filter column');
    if (wanted === SAME_AS_TREATMENT) {
      sameAs.push(name);
      continue;
    }
    const target = String(wanted);
    for (let i = 0; i < n; i++) {
      if (keep[i] === 0 || valueLabel(column, i) === target) continue;
      keep[i] = 0;
      if (treated[i] === 1) treatedOutsideFilter++;
    }
  }
  for (const name of sameAs) {
    const column = table.columns.get(name)!;
    const treatedValues = new Set<string | null>();
    for (let i = 0; i < n; i++) if (keep[i] === 1 && treated[i] === 1) treatedValues.add(valueLabel(column, i));
    for (let i = 0; i < n; i++) if (keep[i] === 1 && treated[i] === 0 && !treatedValues.has(valueLabel(column, i))) keep[i] = 0;
  }
  const treatedOutsideFilterIds: string[] = [];
  let poolOutsideFilter = 0;
  for (let i = 0; i < n; i++) {
    if (keep[i] === 1) continue;
    if (treated[i] === 1) treatedOutsideFilterIds.push(table.recordIds[i]);
    else if (eligiblePool[i] === 1) poolOutsideFilter++;
  }

  let count = 0;
  for (let i = 0; i < n; i++) count += keep[i];
  const rows = new Int32Array(count);
  for (let i = 0, k = 0; i < n; i++) if (keep[i] === 1) rows[k++] = i;
  const rowTreated = new Uint8Array(count);
  let nTreated = 0;
  for (let k = 0; k < count; k++) nTreated += rowTreated[k] = treated[rows[k]] === 1 ? 1 : 0;
  if (nTreated === 0) throw new Error(`analysis "${spec.name}": no treated record is left after the pool filter`);
  if (nTreated === count) throw new Error(`analysis "${spec.name}": the comparison pool is empty after the pool filter`);

  const exact = [...new Set([...spec.exact, ...sameAs])];
  const exactColumns = exact.map((name) => requireColumn(table, name, 'exact-match variable'));
  const { strata, labels } = strataOf(exactColumns, rows);

  const { names, emptyPatterns } = resolveCovariates(table, spec.covariates);
  const covariates: Column[] = [];
  const droppedConstant: string[] = [];
  for (const name of names) {
    if (sameAs.includes(name)) continue;
    const column = subsetColumn(table.columns.get(name)!, rows);
    if (isConstant(column)) droppedConstant.push(name);
    else covariates.push(column);
  }
  // Decision (METHOD.md 1 drops region from a regional analysis's covariates, writing for one treated region, where
  // it is constant): when the treated come from several regions, matching within region while the score ignores it
  // lets the other coefficients absorb the regions' differences (London's ethnic make-up, say), which then unbalance
  // every stratum: on the demo extract ethnicity stayed 34% apart after matching, 268 treated. So a same-as-treatment
  // column stays in the score model whenever it varies; with one value it is constant and left out as such.
  for (const name of sameAs) {
    const column = subsetColumn(table.columns.get(name)!, rows);
    if (!isConstant(column)) covariates.push(column);
  }

  return {
    rows,
    recordIds: recordIdsAt(table.recordIds, rows),
    treated: rowTreated,
    strata,
    strataLabels: labels,
    covariates,
    matching: spec.matching,
    exact,
    droppedConstant,
    emptyPatterns,
    treatedOutsideFilter,
    treatedOutsideFilterIds,
    poolOutsideFilter,
  };
}
