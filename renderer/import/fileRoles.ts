// The column roles of DATA-FORMAT.md sections 1-3 as the mapping screen shows them. The importer
// holds its own rules in db/import/roles.ts, which the renderer may not import: the api does not
// (yet) send the roles with a preview, so their names and meanings are listed here for display.
import type { FileKind } from '../../shared/api';

export interface RoleView {
  name: string;
  required: boolean;
  meaning: string;
}

export const FILE_KINDS: readonly FileKind[] = ['cohort', 'reoffences', 'participants'];

export const FILE_LABEL: Record<FileKind, { title: string; hint: string }> = {
  cohort: { title: 'Cohort', hint: 'one row per index event of an offender (release from custody or start of a court order)' },
  reoffences: { title: 'Proven reoffences', hint: 'one row per proven offence' },
  participants: { title: 'Participants', hint: "the programme's submission" },
};

export const FILE_ROLES: Record<FileKind, RoleView[]> = {
  cohort: [
    { name: 'record_id', required: true, meaning: 'unique key of the record' },
    { name: 'person_id', required: true, meaning: 'PNC identifier or stable pseudonym' },
    { name: 'index_date', required: true, meaning: 'start of the one-year follow-up' },
    { name: 'date_of_birth', required: true, meaning: 'for age at index and at programme start' },
    { name: 'sex', required: true, meaning: 'M or F' },
    { name: 'region', required: true, meaning: 'e.g. London, North West' },
    { name: 'ethnicity', required: false, meaning: 'White, Black, Asian, Mixed, Other, Unknown' },
    { name: 'uk_national', required: false, meaning: '1 / 0' },
    { name: 'index_offence', required: false, meaning: 'offence group of the index offence' },
    { name: 'index_disposal', required: false, meaning: 'non_custodial, custody_lt_6m, … custody_4y_plus' },
  ],
  reoffences: [
    { name: 'person_id', required: true, meaning: 'joins to the cohort' },
    { name: 'offence_date', required: true, meaning: 'date the offence was committed' },
    { name: 'disposal_date', required: true, meaning: 'date it was proven' },
    { name: 'court_outcome', required: true, meaning: 'indictable, either_way or summary' },
    { name: 'custodial', required: true, meaning: '1 when the disposal was custodial' },
    { name: 'pnd', required: false, meaning: '1 for a penalty notice for disorder (never counted)' },
  ],
  participants: [
    { name: 'participant_ref', required: true, meaning: "the organisation's own unique reference" },
    { name: 'person_id', required: false, meaning: 'blank when the person could not be identified' },
    { name: 'start_date', required: true, meaning: 'start of participation' },
    { name: 'end_date', required: false, meaning: 'end of participation' },
  ],
};

/** Cohort column families (prev_*, oasys_*): every column so named takes the family's rule. */
export function isFamilyTarget(kind: FileKind, target: string): boolean {
  const t = target.trim().toLowerCase();
  return kind === 'cohort' && /^(prev_|oasys_)./.test(t);
}
