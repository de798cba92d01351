// The analysis set-up as the form edits it (numbers kept as typed), and the conversions between it and
// the Spec of CLI.md's SPEC.json. Pure: the screen holds a SpecDraft and calls these.
import type { AnalysisColumn } from '../../shared/api';
import { SAME_AS_TREATMENT, specSchema, type Bands, type CaliperUnit, type PoolFilter, type Spec, type SpecInput, type ProgrammeText } from '../../shared/engine/analysisSpec';

export type MethodName = 'radius' | 'nearest' | 'kernel';

export interface AnalysisDraft {
  /** Stable identity for React lists; never sent. */
  key: number;
  name: string;
  /** Kept whole so filters this form does not edit (e.g. `{ sex: 'M' }` from a stored run) survive. */
  pool: PoolFilter;
  exact: string[];
  /** Explicit column names: a stored `oasys_*` pattern is expanded against the extract's columns. */
  covariates: string[];
  method: MethodName;
  /** As typed; '' means no caliper (allowed for nearest neighbour only). */
  caliper: string;
  caliperUnit: CaliperUnit;
  ratio: string;
  replace: boolean;
}

export interface SpecDraft {
  organisation: string;
  /** The organisation's own words for the report (shared/engine/analysisSpec.ts programmeTextSchema). */
  programme: ProgrammeText;
  headline: string;
  analyses: AnalysisDraft[];
  alpha: string;
  power: string;
  bands: Bands;
}

const REGION = 'region';

export function usesSameRegion(pool: PoolFilter): boolean {
  return pool[REGION] === SAME_AS_TREATMENT;
}

/** The pool filter with "same region as the treatment group" switched on or off; other filters stay. */
export function withSameRegion(pool: PoolFilter, on: boolean): PoolFilter {
  const { [REGION]: _region, ...rest } = pool;
  return on ? { ...rest, [REGION]: SAME_AS_TREATMENT } : rest;
}

/**
 * CLI.md: a name ending in `*` selects every column with that prefix. A name the extract lacks is kept, so
 * the form can show it as missing and the engine's error names it if the user runs it anyway.
 */
export function expandCovariates(patterns: readonly string[], columns: readonly AnalysisColumn[]): string[] {
  const out: string[] = [];
  for (const p of patterns) {
    const picked = p.endsWith('*') ? columns.filter((c) => c.name.startsWith(p.slice(0, -1))).map((c) => c.name) : [p];
    for (const name of picked) if (!out.includes(name)) out.push(name);
  }
  return out;
}

let nextKey = 1;

export function draftFromSpec(spec: Spec, columns: readonly AnalysisColumn[]): SpecDraft {
  return {
    organisation: spec.organisation,
    programme: spec.programme ?? {},
    headline: spec.headline,
    alpha: String(spec.alpha),
    power: String(spec.power),
    bands: spec.bands,
    analyses: spec.analyses.map((a) => ({
      key: nextKey++,
      name: a.name,
      pool: a.pool,
      exact: [...a.exact],
      covariates: expandCovariates(a.covariates, columns),
      method: a.matching.method,
      caliper: a.matching.caliper === undefined ? '' : String(a.matching.caliper),
      caliperUnit: a.matching.caliperUnit,
      ratio: a.matching.method === 'nearest' ? String(a.matching.ratio) : '1',
      replace: a.matching.method === 'nearest' ? a.matching.replace : false,
    })),
  };
}

/** The same draft with keys this session has not handed out (a draft read back from the store). */
export function withFreshKeys(draft: SpecDraft): SpecDraft {
  return { ...draft, analyses: draft.analyses.map((a) => ({ ...a, key: nextKey++ })) };
}

/** A new analysis: a copy of `template` (the first preset) under a name no other analysis has. */
export function newAnalysis(template: AnalysisDraft, taken: readonly string[]): AnalysisDraft {
  let n = taken.length + 1;
  while (taken.includes(`Analysis ${n}`)) n++;
  return { ...template, key: nextKey++, name: `Analysis ${n}`, exact: [...template.exact], covariates: [...template.covariates] };
}

/** Removes an analysis; the headline moves to the first remaining one when it was the removed one. */
export function removeAnalysis(draft: SpecDraft, key: number): SpecDraft {
  const analyses = draft.analyses.filter((a) => a.key !== key);
  const headline = analyses.some((a) => a.name === draft.headline) ? draft.headline : (analyses[0]?.name ?? '');
  return { ...draft, analyses, headline };
}

/** Renames an analysis and keeps the headline pointing at it. */
export function renameAnalysis(draft: SpecDraft, key: number, name: string): SpecDraft {
  const old = draft.analyses.find((a) => a.key === key);
  return {
    ...draft,
    headline: old && draft.headline === old.name ? name : draft.headline,
    analyses: draft.analyses.map((a) => (a.key === key ? { ...a, name } : a)),
  };
}

/** A decimal as typed ("0.2", " 0,2 " is not accepted: the app's numbers use a point). */
function parseNumber(text: string): number | null {
  const t = text.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return null;
  return Number(t);
}

/** A problem of the draft; `field` names the input to mark ("alpha", or "<analysis key>:caliper"), null for the whole spec. */
export interface DraftProblem {
  field: string | null;
  message: string;
}

/** The field id of an analysis's input, as DraftProblem.field names it. */
export function analysisField(a: Pick<AnalysisDraft, 'key'>, input: 'name' | 'caliper' | 'ratio' | 'covariates' | 'pool'): string {
  return `${a.key}:${input}`;
}

function matchingOf(a: AnalysisDraft, problems: DraftProblem[]): SpecInput['analyses'][number]['matching'] {
  const where = `“${a.name || 'unnamed analysis'}”`;
  const caliper = a.caliper.trim() === '' ? null : parseNumber(a.caliper);
  const field = analysisField(a, 'caliper');
  if (a.caliper.trim() !== '' && (caliper === null || caliper <= 0)) problems.push({ field, message: `${where}: the caliper must be a number above 0 (e.g. 0.2).` });
  if (a.caliper.trim() === '' && a.method !== 'nearest') problems.push({ field, message: `${where}: ${a.method} matching needs a caliper (e.g. 0.2).` });
  // The unit is sent only with a caliper: the spec refuses a unit that reads nothing.
  const unit = caliper === null ? {} : { caliperUnit: a.caliperUnit };
  if (a.method !== 'nearest') return { method: a.method, caliper: caliper ?? undefined, ...unit };
  const ratio = parseNumber(a.ratio);
  if (ratio === null || !Number.isInteger(ratio) || ratio < 1) problems.push({ field: analysisField(a, 'ratio'), message: `${where}: the number of controls per treated person must be a whole number of 1 or more.` });
  return { method: 'nearest', ratio: ratio ?? 1, replace: a.replace, caliper: caliper ?? undefined, ...unit };
}

const ANALYSIS_INPUTS: Record<string, Parameters<typeof analysisField>[1]> = { name: 'name', covariates: 'covariates', exact: 'covariates', pool: 'pool', matching: 'caliper' };

/** A problem the spec schema found, beside the input its path leads to (an analysis's, or a top-level one). */
function schemaProblem(path: readonly PropertyKey[], message: string, draft: SpecDraft): DraftProblem {
  if (path[0] === 'analyses' && typeof path[1] === 'number' && draft.analyses[path[1]]) {
    const a = draft.analyses[path[1]];
    const input = path[2] === 'matching' && path[3] === 'ratio' ? 'ratio' : ANALYSIS_INPUTS[String(path[2])];
    return { field: input ? analysisField(a, input) : null, message: `“${a.name || 'unnamed analysis'}”: ${message}` };
  }
  const top = String(path[0] ?? '');
  return { field: ['organisation', 'alpha', 'power'].includes(top) ? top : null, message };
}

export type DraftCheck = { ok: true; spec: SpecInput } | { ok: false; problems: DraftProblem[] };

/** The spec to send, or every problem in words that name the analysis and the field. */
export function specFromDraft(draft: SpecDraft): DraftCheck {
  const problems: DraftProblem[] = [];
  if (draft.organisation.trim() === '') problems.push({ field: 'organisation', message: 'Give the organisation’s name: the statements of the results use it.' });
  if (draft.analyses.length === 0) problems.push({ field: null, message: 'Add at least one analysis.' });
  const alpha = parseNumber(draft.alpha);
  if (alpha === null || alpha <= 0 || alpha >= 1) problems.push({ field: 'alpha', message: 'The significance level (alpha) must be between 0 and 1, e.g. 0.05.' });
  const power = parseNumber(draft.power);
  if (power === null || power <= 0 || power >= 1) problems.push({ field: 'power', message: 'The power must be between 0 and 1, e.g. 0.95.' });
  const analyses = draft.analyses.map((a) => {
    if (a.name.trim() === '') problems.push({ field: analysisField(a, 'name'), message: 'Every analysis needs a name.' });
    if (a.covariates.length === 0) problems.push({ field: analysisField(a, 'covariates'), message: `“${a.name}”: choose at least one covariate.` });
    return { name: a.name.trim(), pool: a.pool, exact: a.exact, covariates: a.covariates, matching: matchingOf(a, problems) };
  });
  const spec: SpecInput = { organisation: draft.organisation.trim(), programme: draft.programme, headline: draft.headline.trim() || undefined, analyses, alpha: alpha ?? 0.05, power: power ?? 0.95, bands: draft.bands };
  if (problems.length > 0) return { ok: false, problems };
  // The schema's own checks (duplicate names, a headline naming no analysis) in its words.
  const parsed = specSchema.safeParse(spec);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => schemaProblem(i.path, i.message, draft)) };
  return { ok: true, spec };
}

export interface ColumnGroup {
  id: string;
  label: string;
  columns: AnalysisColumn[];
}

const GROUPS: { id: string; label: string; roles: (string | null)[] }[] = [
  { id: 'demographics', label: 'Demographics', roles: ['derived', 'sex', 'ethnicity', 'uk_national', 'region'] },
  { id: 'index', label: 'Index offence and disposal', roles: ['index_offence', 'index_disposal'] },
  { id: 'prev', label: 'Criminal history (prev_*)', roles: ['prev'] },
  { id: 'oasys', label: 'Risks and needs (OASys, oasys_*)', roles: ['oasys'] },
];

/** The cohort's columns grouped by role for the covariate checklist; unrecognised roles join the extras. */
export function covariateGroups(columns: readonly AnalysisColumn[]): ColumnGroup[] {
  const known = new Set(GROUPS.flatMap((g) => g.roles));
  const groups = GROUPS.map((g) => ({ id: g.id, label: g.label, columns: columns.filter((c) => g.roles.includes(c.role)) }));
  groups.push({ id: 'extra', label: 'Other columns of the extract', columns: columns.filter((c) => !known.has(c.role)) });
  return groups.filter((g) => g.columns.length > 0);
}
