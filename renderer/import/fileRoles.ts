// The column roles of DATA-FORMAT.md sections 1-3 as the mapping screen shows them: the same
// definition the importer checks against (shared/extract/extractRoles.ts), with the screen's labels.
import { FILE_KINDS, prefixRoleOf, ROLES, type FileKind, type RoleSpec } from '../../shared/extract/extractRoles';

export type RoleView = Pick<RoleSpec, 'name' | 'required' | 'meaning'>;

export { FILE_KINDS };

export const FILE_LABEL: Record<FileKind, { title: string; hint: string }> = {
  cohort: { title: 'Cohort', hint: 'one row per index event of an offender (release from custody or start of a court order)' },
  reoffences: { title: 'Proven reoffences', hint: 'one row per proven offence' },
  participants: { title: 'Participants', hint: "the programme's submission" },
};

export const FILE_ROLES: Record<FileKind, RoleView[]> = ROLES;

/** Cohort column families (prev_*, oasys_*): every column so named takes the family's rule. */
export function isFamilyTarget(kind: FileKind, target: string): boolean {
  return prefixRoleOf(kind, target) !== undefined;
}
