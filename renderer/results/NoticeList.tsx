// The warnings and caveats of one analysis (shared/wording/analysisNotices.ts), the same list the report prints;
// the matching-quality gate has its own banner.
import type { Notice } from '../../shared/wording/analysisNotices';

export function NoticeList({ notices }: { notices: Notice[] }) {
  const shown = notices.filter((n) => n.kind !== 'matchingQuality' && n.kind !== 'justified');
  if (shown.length === 0) return null;
  return (
    <ul className="notice-list" data-testid="notices">
      {shown.map((n) => (
        <li key={n.kind} className={n.level === 'warning' ? 'warn-note' : 'caveat-note'}>
          {n.text}
        </li>
      ))}
    </ul>
  );
}
