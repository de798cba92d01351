// Identifiers of the demo extract, shaped like the real ones analysts see.

const CHECK_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

/** PNC-style person id `YYYY/NNNNNNNL`: year of first record, serial, check letter. Unique per serial. */
export function demoPersonId(serial: number): string {
  const year = 1985 + (serial % 31);
  return `${year}/${String(serial).padStart(7, '0')}${CHECK_LETTERS[serial % CHECK_LETTERS.length]}`;
}

export function demoRecordId(recordIndex: number): string {
  return `CR${String(recordIndex + 1).padStart(8, '0')}`;
}

export function demoParticipantRef(rowIndex: number): string {
  return `IOM-${String(rowIndex + 1).padStart(4, '0')}`;
}
