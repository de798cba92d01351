// The treatment group profile and that of the participants submitted but not analysed (METHOD.md
// section 10), laid out as the reference report's "Profile of the treatment group", in its words
// (shared/wording/profileWording.ts, which the report prints too).
import type { CohortView, GroupProfileView } from '../../shared/api';
import {
  NOT_ANALYSED_NO_INDEX, NO_RISK_NEEDS, PROFILE_ROUNDING_NOTE, SENTENCE_BANDS_HEADING, duplicatesSentence, notAnalysedHeading, profileLines,
  profileNeedsRoundingNote, riskNeedAssessedNote, riskNeedSentence, riskNeedsIntro, treatmentGroupHeading, withoutDataSentence,
} from '../../shared/wording/profileWording';

type Profiles = NonNullable<CohortView['derivation']>['profile'];

function Lines({ g, withIndex }: { g: GroupProfileView; withIndex: boolean }) {
  const { lines, bands } = profileLines(g, withIndex);
  return (
    <>
      {lines.map((l) => (
        <li key={l}>{l}</li>
      ))}
      {bands.length > 0 && (
        <li>
          {SENTENCE_BANDS_HEADING}
          <ul>
            {bands.map((b) => (
              <li key={b}>{b}</li>
            ))}
          </ul>
        </li>
      )}
    </>
  );
}

function RiskNeeds({ r }: { r: NonNullable<GroupProfileView['riskNeeds']> }) {
  return (
    <>
      <p>{riskNeedsIntro(r)}</p>
      <ul className="profile-list" data-testid="profile-risk-needs">
        {r.items.map((item) => {
          const note = riskNeedAssessedNote(item, r.assessed);
          return (
            <li key={item.item}>
              {riskNeedSentence(item)}
              {note && <span className="muted small"> {note}</span>}
            </li>
          );
        })}
      </ul>
    </>
  );
}

export function GroupProfile({ profile }: { profile: Profiles }) {
  const t = profile.treatment;
  const na = profile.notAnalysed;
  const roundingNote = profileNeedsRoundingNote(na.n > 0 ? [t, na] : [t]);
  return (
    <div className="profile" data-testid="profile">
      <section className="card" aria-labelledby="profile-treated">
        <h3 id="profile-treated">{treatmentGroupHeading(t.n)}</h3>
        {t.n === 0 ? (
          <p className="muted">Nobody is in the treatment group under the current settings.</p>
        ) : (
          <>
            <ul className="profile-list" data-testid="profile-treated">
              <Lines g={t} withIndex />
            </ul>
            {t.riskNeeds ? <RiskNeeds r={t.riskNeeds} /> : <p className="muted small">{NO_RISK_NEEDS}</p>}
          </>
        )}
      </section>

      <section className="card" aria-labelledby="profile-not-analysed">
        <h3 id="profile-not-analysed">{notAnalysedHeading(na.submittedNotAnalysed, na.n)}</h3>
        {na.n > 0 ? (
          <ul className="profile-list" data-testid="profile-not-analysed">
            <Lines g={na} withIndex={false} />
          </ul>
        ) : (
          <p className="muted">None of them has a record in the extract.</p>
        )}
        <p className="small">{NOT_ANALYSED_NO_INDEX}</p>
        {na.withoutData > 0 && <p className="small">{withoutDataSentence(na.withoutData)}</p>}
        {na.duplicates > 0 && <p className="small">{duplicatesSentence(na.duplicates)}</p>}
        <p className="muted small">Participants an analysis cannot match are added to this group in that analysis's report.</p>
      </section>
      {roundingNote && (
        <p className="muted small" data-testid="rounding-note">
          {PROFILE_ROUNDING_NOTE}
        </p>
      )}
    </div>
  );
}
