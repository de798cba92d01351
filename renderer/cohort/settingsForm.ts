// The derivation settings form: the fields as typed, their checks (the bounds of the shared
// settings schema, with messages an analyst can act on) and the settings sent to `cohort.derive`.
import type { ApiArgs, CohortSettingsView } from '../../shared/api';
import { COHORT_SETTING_BOUNDS, STANDARD_COHORT_SETTINGS, type CohortNumberSetting } from '../../shared/cohort/cohortSettings';

export type NumberField = CohortNumberSetting;
export type SettingsField = 'extractDate' | NumberField;
export type SettingsForm = Record<SettingsField, string>;

export interface NumberFieldSpec {
  field: NumberField;
  label: string;
  unit: 'days' | 'years';
  min: number;
  max: number;
  standard: number;
  hint: string;
}

const LABELS: { field: NumberField; label: string; unit: 'days' | 'years'; hint: string }[] = [
  { field: 'followUpDays', label: 'Follow-up period', unit: 'days', hint: 'Offences committed within this many days after the index date count.' },
  { field: 'waitingDays', label: 'Waiting period for a conviction', unit: 'days', hint: 'Time after the follow-up for an offence to be proven.' },
  { field: 'windowBeforeDays', label: 'Record window before the start date', unit: 'days', hint: "A participant's record may start this many days before their start date." },
  { field: 'windowAfterDays', label: 'Record window after the start date', unit: 'days', hint: '…or up to this many days after it.' },
  { field: 'minimumAge', label: 'Minimum age at the start date', unit: 'years', hint: 'Younger participants are excluded.' },
];

/** The fields with the bounds and standard values of shared/cohort/cohortSettings.ts. */
export const NUMBER_FIELDS: NumberFieldSpec[] = LABELS.map((l) => ({ ...l, ...COHORT_SETTING_BOUNDS[l.field], standard: STANDARD_COHORT_SETTINGS[l.field] }));

export function formFromSettings(s: CohortSettingsView): SettingsForm {
  return {
    extractDate: s.extractDate,
    followUpDays: String(s.followUpDays),
    waitingDays: String(s.waitingDays),
    windowBeforeDays: String(s.windowBeforeDays),
    windowAfterDays: String(s.windowAfterDays),
    minimumAge: String(s.minimumAge),
  };
}

/** The standard settings, with the extract date the import set. */
export function standardForm(importExtractDate: string): SettingsForm {
  const form: SettingsForm = { extractDate: importExtractDate } as SettingsForm;
  for (const f of NUMBER_FIELDS) form[f.field] = String(f.standard);
  return form;
}

function isRealIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const [y, m, d] = text.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export interface SettingsCheck {
  errors: Partial<Record<SettingsField, string>>;
  /** Allowed but worth a second look (they change what the figures mean). */
  warnings: Partial<Record<SettingsField, string>>;
  /** The request for `cohort.derive`, when there are no errors. */
  settings: ApiArgs<'cohort.derive'>['settings'] | null;
}

/**
 * `importExtractDate` is the date set at import; `today` is YYYY-MM-DD. The whole set is always sent,
 * because the service fills any setting left out with its standard value, not the one in force.
 */
export function checkSettingsForm(form: SettingsForm, importExtractDate: string, today: string): SettingsCheck {
  const errors: SettingsCheck['errors'] = {};
  const warnings: SettingsCheck['warnings'] = {};
  const numbers = {} as Record<NumberField, number>;

  const date = form.extractDate.trim();
  if (date === '') errors.extractDate = 'Give the extract date as YYYY-MM-DD.';
  else if (!isRealIsoDate(date)) errors.extractDate = `"${date}" is not a date: write it as YYYY-MM-DD, e.g. 2019-03-31.`;
  else if (date > today) errors.extractDate = `The extract date cannot be after today (${today}).`;
  // Later than the latest proven offence: records would count as fully followed up although their
  // reoffences may not be in the extract yet, which understates reoffending.
  else if (date > importExtractDate) warnings.extractDate = `Later than the extract's latest proven offence (${importExtractDate}): reoffences after that date are not in the extract, so some follow-ups would look complete when they are not.`;

  for (const spec of NUMBER_FIELDS) {
    const text = form[spec.field].trim();
    const value = Number(text);
    if (text === '') errors[spec.field] = `Give the ${spec.label.toLowerCase()} in ${spec.unit}.`;
    else if (!/^\d+$/.test(text) || !Number.isSafeInteger(value)) errors[spec.field] = `Write a whole number of ${spec.unit} (e.g. ${spec.standard}).`;
    else if (value < spec.min || value > spec.max) errors[spec.field] = `Must be from ${spec.min} to ${spec.max} ${spec.unit}.`;
    else {
      numbers[spec.field] = value;
      if (value !== spec.standard) warnings[spec.field] = `The Justice Data Lab method uses ${spec.standard} ${spec.unit}.`;
    }
  }

  if (Object.keys(errors).length > 0) return { errors, warnings, settings: null };
  // The import's own date goes as null, the api's "the extract date set at import".
  return { errors, warnings, settings: { extractDate: date === importExtractDate ? null : date, ...numbers } };
}

/** True when the form says something other than the settings in force. */
export function formDiffers(form: SettingsForm, inForce: CohortSettingsView): boolean {
  const current = formFromSettings(inForce);
  return (Object.keys(current) as SettingsField[]).some((k) => form[k].trim() !== current[k]);
}
