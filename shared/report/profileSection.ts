// "Profile of the treatment group" (reference report, page 12; METHOD.md section 10): the treatment group beside the
// participants who were submitted but not analysed, then the risks and needs of the treatment group. The words are
// the app's Cohort screen's (shared/wording/profileWording.ts).
import type { GroupProfileView } from '../api';
import type { RunResults } from '../results/runResults';
import {
  NOT_ANALYSED_NO_INDEX, NO_RISK_NEEDS, PROFILE_ROUNDING_NOTE, SENTENCE_BANDS_HEADING, duplicatesSentence, notAnalysedHeading, profileLines,
  profileNeedsRoundingNote, riskNeedAssessedNote, riskNeedSentence, riskNeedsIntro, treatmentGroupHeading, withoutDataSentence,
} from '../wording/profileWording';
import { escapeHtml as h } from './escapeHtml';
import { profileNote } from './programmeTextSections';

function groupBullets(g: GroupProfileView, withIndex: boolean): string {
  const { lines, bands } = profileLines(g, withIndex);
  const bandList = bands.length > 0 ? `<li>${h(SENTENCE_BANDS_HEADING)}<ul>${bands.map((b) => `<li>${h(b)}</li>`).join('')}</ul></li>` : '';
  return `<ul>${lines.map((l) => `<li>${h(l)}</li>`).join('')}${bandList}</ul>`;
}

function riskNeeds(t: GroupProfileView): string {
  if (t.riskNeeds === null) return `<p>${h(NO_RISK_NEEDS)}</p>`;
  const r = t.riskNeeds;
  const items = r.items
    .map((i) => {
      const note = riskNeedAssessedNote(i, r.assessed);
      return `<li>${h(riskNeedSentence(i))}${note ? ` <span class="small">${h(note)}</span>` : ''}</li>`;
    })
    .join('');
  return `<p>${h(riskNeedsIntro(r))}</p><ul>${items}</ul>`;
}

export function profileSection(run: RunResults): string {
  const t = run.profile.treatment as GroupProfileView;
  const o = run.profile.notAnalysed as GroupProfileView & RunResults['profile']['notAnalysed'];
  const rounding = profileNeedsRoundingNote(o.n > 0 ? [t, o] : [t]) ? `<p class="note">${h(PROFILE_ROUNDING_NOTE)}</p>` : '';
  const without = o.withoutData > 0 ? `<p>${h(withoutDataSentence(o.withoutData))}</p>` : '';
  const duplicates = o.duplicates > 0 ? `<p>${h(duplicatesSentence(o.duplicates))}</p>` : '';
  return `<section class="major" id="profile"><h2>Profile of the treatment group</h2>
${profileNote(run.spec.programme ?? {})}<p>Information on those who were included in the treatment group for the analysis is below, compared with the characteristics of those who could not be included in the analysis.</p>
<div class="two-col">
<div><h3>${h(treatmentGroupHeading(t.n))}</h3>${groupBullets(t, true)}</div>
<div><h3>${h(notAnalysedHeading(o.submittedNotAnalysed, o.n))}</h3>${o.n > 0 ? groupBullets(o, false) : '<p>No personal information is available.</p>'}<p class="small">${h(NOT_ANALYSED_NO_INDEX)}</p></div>
</div>
${without}${duplicates}
${rounding}
<h3>Individual risks and needs</h3>
${riskNeeds(t)}
</section>`;
}
