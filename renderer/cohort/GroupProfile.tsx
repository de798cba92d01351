// The treatment group profile and that of the participants submitted but not analysed (METHOD.md
// section 10), laid out as the reference report's "Profile of the treatment group".
import type { CohortView, GroupProfileView, ProfileBreakdownView } from '../../shared/api';
import { formatCount, formatPercent } from '../../shared/format/numberFormat';
import { ageSentence, breakdownSentence, riskNeedSentence } from './profileWording';

type Profiles = NonNullable<CohortView['derivation']>['profile'];

function people(n: number): string {
  return n === 1 ? '1 person' : `${formatCount(n)} people`;
}

function PersonLevel({ p }: { p: GroupProfileView }) {
  return (
    <>
      <li>{breakdownSentence('sex', p.sex)}</li>
      {p.ethnicity && <li>{breakdownSentence('ethnicity', p.ethnicity)}</li>}
      {p.ukNational && <li>{breakdownSentence('ukNational', p.ukNational)}</li>}
    </>
  );
}

function SentenceBands({ b }: { b: ProfileBreakdownView }) {
  return (
    <li>
      Sentence type at the index date:
      <table className="profile-bands">
        <tbody>
          {b.shares.map((s) => (
            <tr key={s.key}>
              <th scope="row">{s.label}</th>
              <td>{formatPercent(s.percent / 100)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </li>
  );
}

function RiskNeeds({ r }: { r: NonNullable<GroupProfileView['riskNeeds']> }) {
  return (
    <>
      <p>
        Information on individual risks and needs was available for {people(r.assessed)} in the treatment group ({formatPercent(r.assessedPercent / 100)}). Among
        these people:
      </p>
      <ul className="profile-list" data-testid="profile-risk-needs">
        {r.items.map((item) => (
          <li key={item.item}>
            {riskNeedSentence(item)}
            {/* An item can be assessed for fewer people than the group's assessed count. */}
            {item.assessed !== r.assessed && <span className="muted small"> (of the {formatCount(item.assessed)} assessed on it)</span>}
          </li>
        ))}
      </ul>
    </>
  );
}

function anyRoundingNote(p: GroupProfileView): boolean {
  return [p.sex, p.ethnicity, p.ukNational, p.sentence].some((b) => b?.roundingNote);
}

export function GroupProfile({ profile }: { profile: Profiles }) {
  const t = profile.treatment;
  const na = profile.notAnalysed;
  const roundingNote = anyRoundingNote(t) || (na.n > 0 && anyRoundingNote(na));
  return (
    <div className="profile" data-testid="profile">
      <section className="card" aria-labelledby="profile-treated">
        <h3 id="profile-treated">Participants included in the treatment group ({people(t.n)})</h3>
        {t.n === 0 ? (
          <p className="muted">Nobody is in the treatment group under the current settings.</p>
        ) : (
          <>
            <ul className="profile-list" data-testid="profile-treated">
              <PersonLevel p={t} />
              {t.age && <li>{ageSentence(t.age)}</li>}
              {t.sentence && <SentenceBands b={t.sentence} />}
            </ul>
            {t.riskNeeds ? <RiskNeeds r={t.riskNeeds} /> : <p className="muted small">The extract has no risk/need (oasys_*) columns.</p>}
          </>
        )}
      </section>

      <section className="card" aria-labelledby="profile-not-analysed">
        <h3 id="profile-not-analysed">
          Of the {formatCount(na.submittedNotAnalysed)} participant{na.submittedNotAnalysed === 1 ? '' : 's'} not included in the analysis ({people(na.n)} with available data)
        </h3>
        {na.n > 0 ? (
          <ul className="profile-list" data-testid="profile-not-analysed">
            <PersonLevel p={na} />
          </ul>
        ) : (
          <p className="muted">None of them has a record in the extract.</p>
        )}
        <p className="small">
          Age, sentence and risk/need information is not given for this group: many could not be linked to a record for their period of participation.
        </p>
        {na.withoutData > 0 && (
          <p className="small">
            For the {people(na.withoutData)} who could not be identified in the extract, no personal information is available.
          </p>
        )}
        {na.duplicates > 0 && (
          <p className="small">
            {na.duplicates === 1 ? '1 row repeated' : `${formatCount(na.duplicates)} rows repeated`} a person submitted earlier; each person is described once.
          </p>
        )}
        <p className="muted small">Participants an analysis cannot match are added to this group in that analysis's report.</p>
      </section>
      {roundingNote && (
        <p className="muted small" data-testid="rounding-note">
          Percentages may not add up to 100% because of rounding.
        </p>
      )}
    </div>
  );
}
