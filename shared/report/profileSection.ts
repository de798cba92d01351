// "Profile of the treatment group" (reference report, page 12; METHOD.md section 10): the treatment group beside the
// participants who were submitted but not analysed, then the risks and needs of the treatment group.
import { formatCount, formatFixed } from '../format/numberFormat';
import type { GroupProfile, ProfileBreakdown } from '../cohort/treatmentProfile';
import { profileNote } from './programmeTextSections';
import type { RunResults } from '../results/runResults';
import { escapeHtml as h } from './escapeHtml';

/** The reference words the shares in lower case after the percentage ("86% male"). */
const SHARE_WORDS: Record<string, string> = {
  male: 'male', female: 'female', white: 'white', other: 'Black, Asian, other and unknown',
  uk: 'UK nationals', non_uk: 'non-UK nationals', unknown: 'unknown',
};

/** A percentage of a profile, rounded half up as the profile rounds it; "n/a" for a missing one (NaN or JSON null). */
const percent = (x: number | null): string => (x === null || !Number.isFinite(x) ? 'n/a' : `${formatFixed(Math.round(x), 0)}%`);

function shareLine(b: ProfileBreakdown | null): string | null {
  if (b === null || b.total === 0) return null;
  return b.shares.filter((s) => s.count > 0).map((s) => `${s.roundedPercent}% ${SHARE_WORDS[s.key] ?? s.label}`).join(', ');
}

function groupBullets(g: GroupProfile): string {
  const items = [shareLine(g.sex), shareLine(g.ethnicity), shareLine(g.ukNational)].filter((x): x is string => x !== null);
  if (g.age !== null) items.push(`Aged ${g.age.min} to ${g.age.max} at the time of the index offence (mean age ${formatFixed(g.age.mean, 0)} years)`);
  let sentence = '';
  if (g.sentence !== null) {
    sentence = `<li>Index sentence:<ul>${g.sentence.shares.map((s) => `<li>${h(s.label)}: ${s.roundedPercent}%</li>`).join('')}</ul></li>`;
  }
  return `<ul>${items.map((i) => `<li>${h(i)}</li>`).join('')}${sentence}</ul>`;
}

const riskItemWords = (item: string): string => item.replace(/^oasys_/, '').replace(/_/g, ' ');

function riskNeeds(t: GroupProfile): string {
  if (t.riskNeeds === null) return '<p>No information on individual risks and needs (OASys) was available for this treatment group.</p>';
  const r = t.riskNeeds;
  const items = r.items
    .map((i) => `<li>${percent(i.percent)} had some or significant problems with ${h(riskItemWords(i.item))}${i.assessed < r.assessed ? ` <span class="small">(${formatCount(i.assessed)} assessed)</span>` : ''}</li>`)
    .join('');
  return `<p>Information on individual risks and needs was available for ${formatCount(r.assessed)} people in the treatment group (${percent(r.assessedPercent)}), recorded near to the time of their original conviction. Among these people, it is estimated that:</p><ul>${items}</ul>`;
}

export function profileSection(run: RunResults): string {
  const t = run.profile.treatment;
  const o = run.profile.notAnalysed;
  const rounding = [t.sex, t.ethnicity, t.ukNational, t.sentence, o.sex, o.ethnicity, o.ukNational].some((b) => b?.roundingNote)
    ? '<p class="note">Percentages are rounded to whole numbers, so those of a characteristic may not add up to 100%.</p>'
    : '';
  const notAnalysedIntro = `Of the ${formatCount(o.submittedNotAnalysed)} participants who are not included in any analyses (${formatCount(o.n)} with available data)`;
  const noIndex = o.n > 0 && o.sentence === null ? '<p>Information on index offences is not available for this group, as they could not be linked to a suitable sentence.</p>' : '';
  const without = o.withoutData > 0 ? `<p>For the <strong>${formatCount(o.withoutData)} ${o.withoutData === 1 ? 'person' : 'people'}</strong> without any records in the reoffending database, no personal information is available.</p>` : '';
  const duplicates = o.duplicates > 0 ? `<p>${formatCount(o.duplicates)} of the submitted rows repeated a person submitted earlier; each person is described once.</p>` : '';
  return `<section class="major" id="profile"><h2>Profile of the treatment group</h2>
${profileNote(run.spec.programme ?? {})}<p>Information on those who were included in the treatment group for the analysis is below, compared with the characteristics of those who could not be included in the analysis.</p>
<div class="two-col">
<div><h3>Participants included in analysis</h3><p class="small">${formatCount(t.n)} people, before matching</p>${groupBullets(t)}</div>
<div><h3>Participants not included</h3><p class="small">${h(notAnalysedIntro)}</p>${o.n > 0 ? groupBullets(o) : '<p>No personal information is available.</p>'}${noIndex}</div>
</div>
${without}${duplicates}
${rounding}
<h3>Individual risks and needs</h3>
${riskNeeds(t)}
</section>`;
}
