import { describe, expect, it } from 'vitest';
import { checkSettingsForm, formDiffers, formFromSettings, standardForm } from './settingsForm';

const IMPORT_DATE = '2019-03-31';
const TODAY = '2025-06-01';
const inForce = { extractDate: IMPORT_DATE, followUpDays: 365, waitingDays: 183, windowBeforeDays: 365, windowAfterDays: 90, minimumAge: 18 };

describe('checkSettingsForm', () => {
  it('sends the whole set, with the import extract date as null', () => {
    const check = checkSettingsForm({ ...formFromSettings(inForce), windowAfterDays: ' 30 ' }, IMPORT_DATE, TODAY);
    expect(check.errors).toEqual({});
    expect(check.settings).toEqual({ extractDate: null, followUpDays: 365, waitingDays: 183, windowBeforeDays: 365, windowAfterDays: 30, minimumAge: 18 });
    expect(check.warnings.windowAfterDays).toBe('The Justice Data Lab method uses 90 days.');
  });

  it('sends an earlier extract date as written, without a warning', () => {
    const check = checkSettingsForm({ ...formFromSettings(inForce), extractDate: '2018-12-31' }, IMPORT_DATE, TODAY);
    expect(check.settings?.extractDate).toBe('2018-12-31');
    expect(check.warnings).toEqual({});
  });

  it('warns about an extract date after the latest proven offence, and refuses one after today', () => {
    expect(checkSettingsForm({ ...formFromSettings(inForce), extractDate: '2019-04-01' }, IMPORT_DATE, TODAY).warnings.extractDate).toMatch(/^Later than the extract's latest proven offence \(2019-03-31\)/);
    const future = checkSettingsForm({ ...formFromSettings(inForce), extractDate: '2025-06-02' }, IMPORT_DATE, TODAY);
    expect(future.errors.extractDate).toBe('The extract date cannot be after today (2025-06-01).');
    expect(future.settings).toBeNull();
  });

  it('refuses impossible and malformed dates', () => {
    expect(checkSettingsForm({ ...formFromSettings(inForce), extractDate: '2015-02-30' }, IMPORT_DATE, TODAY).errors.extractDate).toBe('"2015-02-30" is not a date: write it as YYYY-MM-DD, e.g. 2019-03-31.');
    expect(checkSettingsForm({ ...formFromSettings(inForce), extractDate: '31/03/2019' }, IMPORT_DATE, TODAY).errors.extractDate).toMatch(/is not a date/);
    expect(checkSettingsForm({ ...formFromSettings(inForce), extractDate: '' }, IMPORT_DATE, TODAY).errors.extractDate).toBe('Give the extract date as YYYY-MM-DD.');
  });

  it('names each bad number with its bounds', () => {
    const check = checkSettingsForm(
      { ...formFromSettings(inForce), followUpDays: '0', waitingDays: '-1', windowBeforeDays: '12.5', windowAfterDays: '', minimumAge: '101' },
      IMPORT_DATE,
      TODAY,
    );
    expect(check.errors).toEqual({
      followUpDays: 'Must be from 1 to 3650 days.',
      waitingDays: 'Write a whole number of days (e.g. 183).',
      windowBeforeDays: 'Write a whole number of days (e.g. 365).',
      windowAfterDays: 'Give the record window after the start date in days.',
      minimumAge: 'Must be from 0 to 100 years.',
    });
    expect(check.settings).toBeNull();
  });

  it('accepts the bounds themselves', () => {
    const check = checkSettingsForm({ extractDate: IMPORT_DATE, followUpDays: '3650', waitingDays: '0', windowBeforeDays: '0', windowAfterDays: '3650', minimumAge: '0' }, IMPORT_DATE, TODAY);
    expect(check.errors).toEqual({});
  });
});

describe('formDiffers and standardForm', () => {
  it('sees a changed field, not surrounding spaces', () => {
    expect(formDiffers({ ...formFromSettings(inForce), minimumAge: ' 18 ' }, inForce)).toBe(false);
    expect(formDiffers({ ...formFromSettings(inForce), minimumAge: '21' }, inForce)).toBe(true);
  });

  it('gives the Justice Data Lab standard with the import date', () => {
    expect(standardForm(IMPORT_DATE)).toEqual({ extractDate: IMPORT_DATE, followUpDays: '365', waitingDays: '183', windowBeforeDays: '365', windowAfterDays: '90', minimumAge: '18' });
    expect(formDiffers(standardForm(IMPORT_DATE), inForce)).toBe(false);
  });
});
