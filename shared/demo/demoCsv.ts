// The demo extract as CSV text (DATA-FORMAT.md sections 1-3): LF line ends, a header row, and
// quoting only where a field needs it. Text comes in chunks of about a megabyte so that a
// writer can stream 300,000 records without building one huge string.

import { COURT_OUTCOMES } from '../cohort/recordOutcomes';
import { isoFromEpochDay } from '../cohort/epochDay';
import { DISPOSALS, ETHNICITIES, OASYS_ITEMS, OFFENCE_GROUPS, PREV_COLUMNS, REGIONS } from './demoVocabulary';
import { demoRecordId } from './demoIds';
import { csvField } from '../format/csvField';
import type { DemoExtract } from './generateDemoExtract';

const CHUNK_CHARS = 1 << 20;


/** ISO strings of every day from `first` to `last`, so rows look dates up instead of formatting them. */
function isoTable(first: number, last: number): string[] {
  return Array.from({ length: last - first + 1 }, (_, k) => isoFromEpochDay(first + k));
}

function minMax(values: Int32Array, minSoFar: number, maxSoFar: number): [number, number] {
  let lo = minSoFar;
  let hi = maxSoFar;
  for (let i = 0; i < values.length; i++) {
    if (values[i] < lo) lo = values[i];
    if (values[i] > hi) hi = values[i];
  }
  return [lo, hi];
}

export const COHORT_HEADER = [
  'record_id', 'person_id', 'index_date', 'date_of_birth', 'sex', 'region', 'ethnicity', 'uk_national',
  'index_offence', 'index_disposal', ...PREV_COLUMNS, ...OASYS_ITEMS,
];

export function* cohortCsvChunks(extract: DemoExtract): Generator<string> {
  const c = extract.cohort;
  const [lo, hi] = minMax(c.indexDay, ...minMax(c.dobDay, Infinity, -Infinity));
  const iso = isoTable(lo, hi);
  const regions = REGIONS.map(csvField);
  const ethnicities = ETHNICITIES.map(csvField);
  const offences = OFFENCE_GROUPS.map(csvField);
  const oasysText = ['', '0', '1', '2'];
  const [p0, p1, p2, p3] = c.prev;
  let chunk = COHORT_HEADER.join(',') + '\n';
  for (let i = 0; i < c.size; i++) {
    let oasys = '';
    for (let q = 0; q < c.oasys.length; q++) oasys += ',' + oasysText[c.oasys[q][i] + 1];
    chunk += `${demoRecordId(i)},${extract.personIds[c.personOf[i]]},${iso[c.indexDay[i] - lo]},${iso[c.dobDay[i] - lo]},${c.male[i] ? 'M' : 'F'},${regions[c.region[i]]},${ethnicities[c.ethnicity[i]]},${c.ukNational[i]},${offences[c.offence[i]]},${DISPOSALS[c.disposal[i]]},${p0[i]},${p1[i]},${p2[i]},${p3[i]}${oasys}\n`;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  yield chunk;
}

export const REOFFENCES_HEADER = ['person_id', 'offence_date', 'disposal_date', 'court_outcome', 'custodial', 'pnd'];

export function* reoffencesCsvChunks(extract: DemoExtract): Generator<string> {
  const r = extract.reoffences;
  const [lo, hi] = minMax(r.disposalDay, ...minMax(r.offenceDay, Infinity, -Infinity));
  const iso = isoTable(lo, hi);
  let chunk = REOFFENCES_HEADER.join(',') + '\n';
  for (let k = 0; k < r.size; k++) {
    chunk += `${extract.personIds[r.personOf[k]]},${iso[r.offenceDay[k] - lo]},${iso[r.disposalDay[k] - lo]},${COURT_OUTCOMES[r.court[k]]},${r.custodial[k]},${r.pnd[k]}\n`;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  yield chunk;
}

export const PARTICIPANTS_HEADER = ['participant_ref', 'person_id', 'start_date', 'end_date'];

export function participantsCsv(extract: DemoExtract): string {
  const p = extract.participants;
  let text = PARTICIPANTS_HEADER.join(',') + '\n';
  for (let k = 0; k < p.participantRef.length; k++) {
    const end = p.endDay[k] < 0 ? '' : isoFromEpochDay(p.endDay[k]);
    text += `${csvField(p.participantRef[k])},${csvField(p.personId[k])},${isoFromEpochDay(p.startDay[k])},${end}\n`;
  }
  return text;
}
