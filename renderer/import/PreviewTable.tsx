// The first rows of a file as read, with the role each column feeds above its name.
import type { FilePreview } from '../../shared/api';
import { headerKey } from './columnChoices';

/** `otherTag` names what becomes of a column that feeds no role. */
export function PreviewTable({ preview, roleOf, label, otherTag }: { preview: FilePreview; roleOf: Map<string, string>; label: string; otherTag: string }) {
  return (
    <div className="preview-wrap" tabIndex={0} role="region" aria-label={label}>
      <table className="preview">
        <thead>
          <tr>
            <th scope="col" className="muted">line</th>
            {preview.headers.map((h, i) => (
              <th scope="col" key={i}>
                <span className={roleOf.has(headerKey(h)) ? 'preview-role' : 'preview-role none'}>{roleOf.get(headerKey(h)) ?? otherTag}</span>
                {h || <em className="muted">(no name)</em>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((row, r) => (
            <tr key={r}>
              <td className="muted">{preview.lines[r]}</td>
              {preview.headers.map((_, c) => (
                <td key={c}>{row[c] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {preview.rows.length === 0 && <p className="muted small pad-s">The file has a header but no data rows.</p>}
    </div>
  );
}
