// The cohort step: one-year outcomes per record, the exclusion funnel and the treatment-group
// profile, computed from the imported extract and stored whole (one transaction), so the UI and
// the analyses read them without recomputing.
import type { Db } from '../store';
import { writeAudit } from '../audit';
import { deriveOutcomes } from '../../shared/cohort/deriveOutcomes';
import { exclusionFunnel, type FunnelStepCount } from '../../shared/cohort/exclusionFunnel';
import { notAnalysedRecords } from '../../shared/cohort/notAnalysedRecords';
import { treatmentProfile, type GroupProfile } from '../../shared/cohort/treatmentProfile';
import { epochDayFromIso } from '../../shared/cohort/epochDay';
import { extractDescription } from '../extract/storeInfo';
import { writeOutcomeColumns } from '../columnStore/columnTables';
import { loadCohortArrays, loadParticipantRows, loadReoffenceArrays } from './loadExtractArrays';
import { cohortColumnDefs, loadCohortColumns } from './loadCohortColumns';
import type { CohortSettings } from '../../shared/cohort/cohortSettings';
import { withStandardSettings } from '../../shared/cohort/standardCohortSettings';
import { participationPeriod, type ParticipationPeriod } from '../../shared/cohort/participationPeriod';

export interface CohortProfiles {
  treatment: GroupProfile;
  notAnalysed: GroupProfile & { submittedNotAnalysed: number; withoutData: number; duplicates: number };
  /** When the treatment group took part; absent from derivations made before it was recorded. */
  participation?: ParticipationPeriod | null;
}

export interface CohortDerivation {
  /** The settings in force, with the extract date resolved. */
  settings: CohortSettings & { extractDate: string; importedAt: string };
  funnel: FunnelStepCount[];
  profile: CohortProfiles;
  derivedAt: string;
  /** Records that may join a comparison pool (before any analysis's pool filter). */
  poolEligible: number;
}

/** The steps of the cohort step, in order; the job weighs and names them for its progress bar. */
export const DERIVE_STEPS = ['loading', 'outcomes', 'funnel', 'profile', 'saving'] as const;
export type DeriveStep = (typeof DERIVE_STEPS)[number];

export function deriveCohort(db: Db, requested: Partial<CohortSettings> = {}, step: (s: DeriveStep, fraction?: number) => void = () => undefined): CohortDerivation {
  const extract = extractDescription(db);
  if (!extract) throw Object.assign(new Error('Import an extract first'), { code: 'no_extract' });
  const settings = withStandardSettings(requested);
  const extractDate = settings.extractDate ?? extract.extractDate;

  step('loading');
  const cohort = loadCohortArrays(db);
  const reoffences = loadReoffenceArrays(db, cohort);
  const participants = loadParticipantRows(db);
  step('outcomes');
  const derived = deriveOutcomes(cohort, reoffences, {
    followUpDays: settings.followUpDays,
    waitingDays: settings.waitingDays,
    extractDay: epochDayFromIso(extractDate),
  }, (f) => step('outcomes', f));
  step('funnel');
  const funnel = exclusionFunnel(cohort, derived, participants, {
    windowBeforeDays: settings.windowBeforeDays,
    windowAfterDays: settings.windowAfterDays,
    minimumAge: settings.minimumAge,
  }, (f) => step('funnel', f));
  step('profile');
  const profileInputs = { male: cohort.male, ageAtIndex: derived.ageAtIndex, columns: loadCohortColumns(db, cohortColumnDefs(db)) };
  const notAnalysed = notAnalysedRecords(cohort, participants, funnel);
  const profile: CohortProfiles = {
    treatment: treatmentProfile(profileInputs, funnel.treatmentRecords),
    notAnalysed: {
      ...treatmentProfile(profileInputs, notAnalysed.records, { personLevelOnly: true }),
      submittedNotAnalysed: notAnalysed.submittedNotAnalysed,
      withoutData: notAnalysed.withoutData,
      duplicates: notAnalysed.duplicates,
    },
    participation: participationPeriod(participants.startDay, funnel.status),
  };

  step('saving');
  const derivedAt = new Date().toISOString();
  // The import it was derived from: a later import makes this derivation stale.
  const resolved = { ...settings, extractDate, importedAt: extract.importedAt };
  let poolEligible = 0;
  for (let i = 0; i < funnel.poolEligible.length; i++) poolEligible += funnel.poolEligible[i];
  const o = derived.outcomes;
  db.transaction(() => {
    db.exec('DELETE FROM participant_status; DELETE FROM cohort_derivation;');
    // In record_id order, like the cohort's columns (db/runs/analysisData.ts reads them side by side).
    writeOutcomeColumns(db, {
      age_at_index: derived.ageAtIndex,
      complete_follow_up: derived.completeFollowUp,
      pool_eligible: funnel.poolEligible,
      reoffended: o.reoffended,
      reoffences: o.count,
      days_to_first: o.daysToFirst,
      first_court: o.firstCourtOutcome,
      first_custodial: o.firstCustodial,
      n_indictable: o.countByCourt[0],
      n_either_way: o.countByCourt[1],
      n_summary: o.countByCourt[2],
      custodial_sentences: o.custodialCount,
    });
    const status = db.prepare('INSERT INTO participant_status VALUES (?, ?, ?, ?, ?)');
    funnel.status.forEach((s, k) => {
      const r = funnel.record[k];
      status.run(k + 1, participants.participantRef[k], participants.personId[k] || null, s, r >= 0 ? cohort.recordId[r] : null);
    });
    db.prepare('INSERT INTO cohort_derivation VALUES (1, ?, ?, ?, ?)').run(
      JSON.stringify(resolved),
      JSON.stringify(funnel.steps),
      JSON.stringify(profile),
      derivedAt,
    );
    writeAudit(db, 'derive', { settings: resolved, treated: funnel.treatmentRecords.length, poolEligible });
  })();
  return { settings: resolved, funnel: funnel.steps, profile, derivedAt, poolEligible };
}

/** The stored derivation, or null when none was made since the last import. */
export function readCohortDerivation(db: Db): Omit<CohortDerivation, 'poolEligible'> | null {
  const row = db.prepare('SELECT settings, funnel, profile, derived_at FROM cohort_derivation WHERE id = 1').get() as
    { settings: string; funnel: string; profile: string; derived_at: string } | undefined;
  if (!row) return null;
  const settings = JSON.parse(row.settings) as CohortDerivation['settings'];
  if (settings.importedAt !== extractDescription(db)?.importedAt) return null;
  return { settings, funnel: JSON.parse(row.funnel), profile: JSON.parse(row.profile), derivedAt: row.derived_at };
}

