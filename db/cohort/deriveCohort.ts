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
import { COURT_OUTCOMES } from '../../shared/cohort/recordOutcomes';
import { storeInfo } from '../extract/storeInfo';
import { loadCohortArrays, loadParticipantRows, loadReoffenceArrays } from './loadExtractArrays';
import { cohortColumnDefs, loadCohortColumns } from './loadCohortColumns';
import { cohortSettingsSchema, type CohortSettings } from '../../shared/cohort/cohortSettings';
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

type Progress = (phase: string, done: number, total: number) => void;

export function deriveCohort(db: Db, requested: Partial<CohortSettings> = {}, progress: Progress = () => undefined): CohortDerivation {
  const info = storeInfo(db);
  if (!info.extract) throw Object.assign(new Error('Import an extract first'), { code: 'no_extract' });
  const settings = { ...cohortSettingsSchema.parse(requested) };
  const extractDate = settings.extractDate ?? info.extract.extractDate;

  progress('Loading the extract', 0, 5);
  const cohort = loadCohortArrays(db);
  const reoffences = loadReoffenceArrays(db);
  const participants = loadParticipantRows(db);
  progress('Deriving one-year outcomes', 1, 5);
  const derived = deriveOutcomes(cohort, reoffences, {
    followUpDays: settings.followUpDays,
    waitingDays: settings.waitingDays,
    extractDay: epochDayFromIso(extractDate),
  });
  progress('Applying the exclusion funnel', 2, 5);
  const funnel = exclusionFunnel(cohort, derived, participants, {
    windowBeforeDays: settings.windowBeforeDays,
    windowAfterDays: settings.windowAfterDays,
    minimumAge: settings.minimumAge,
  });
  progress('Profiling the groups', 3, 5);
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

  progress('Saving', 4, 5);
  const derivedAt = new Date().toISOString();
  // The import it was derived from: a later import makes this derivation stale.
  const resolved = { ...settings, extractDate, importedAt: info.extract.importedAt };
  let poolEligible = 0;
  db.transaction(() => {
    db.exec('DELETE FROM record_outcomes; DELETE FROM participant_status; DELETE FROM cohort_derivation;');
    const insert = db.prepare('INSERT INTO record_outcomes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const o = derived.outcomes;
    for (let i = 0; i < cohort.recordId.length; i++) {
      poolEligible += funnel.poolEligible[i];
      insert.run(
        cohort.recordId[i],
        derived.ageAtIndex[i],
        derived.completeFollowUp[i],
        funnel.poolEligible[i],
        o.reoffended[i],
        o.count[i],
        Number.isNaN(o.daysToFirst[i]) ? null : o.daysToFirst[i],
        o.firstCourtOutcome[i] < 0 ? null : COURT_OUTCOMES[o.firstCourtOutcome[i]],
        o.firstCustodial[i],
        o.countByCourt[0][i],
        o.countByCourt[1][i],
        o.countByCourt[2][i],
        o.custodialCount[i],
      );
    }
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
  progress('Saving', 5, 5);
  return { settings: resolved, funnel: funnel.steps, profile, derivedAt, poolEligible };
}

/** The stored derivation, or null when none was made since the last import. */
export function readCohortDerivation(db: Db): Omit<CohortDerivation, 'poolEligible'> | null {
  const row = db.prepare('SELECT settings, funnel, profile, derived_at FROM cohort_derivation WHERE id = 1').get() as
    { settings: string; funnel: string; profile: string; derived_at: string } | undefined;
  if (!row) return null;
  const settings = JSON.parse(row.settings) as CohortDerivation['settings'];
  if (settings.importedAt !== storeInfo(db).extract?.importedAt) return null;
  return { settings, funnel: JSON.parse(row.funnel), profile: JSON.parse(row.profile), derivedAt: row.derived_at };
}

