// Role -> column: one select per role of DATA-FORMAT.md for this file, required roles marked,
// unmatched required roles highlighted, with a sample value to confirm the choice.
import type { ColumnMappingArg, FileKind, FilePreview } from '../../shared/api';
import { headerKey, withRole } from './columnChoices';
import { FILE_ROLES } from './fileRoles';

interface Props {
  kind: FileKind;
  preview: FilePreview;
  mapping: ColumnMappingArg;
  reused: readonly string[];
  disabled: boolean;
  onChange: (mapping: ColumnMappingArg) => void;
}

export function MappingTable({ kind, preview, mapping, reused, disabled, onChange }: Props) {
  const sample = (header: string | undefined) => {
    if (header === undefined) return '';
    const i = preview.headers.findIndex((h) => headerKey(h) === headerKey(header));
    return preview.rows.find((r) => (r[i] ?? '').trim() !== '')?.[i] ?? '';
  };
  return (
    <table className="mapping">
      <thead>
        <tr>
          <th scope="col">Role</th>
          <th scope="col">Column in the file</th>
          <th scope="col">First value</th>
          <th scope="col">Meaning</th>
        </tr>
      </thead>
      <tbody>
        {FILE_ROLES[kind].map((role) => {
          const header = mapping.columns[role.name];
          const missing = role.required && header === undefined;
          const twice = header !== undefined && reused.includes(headerKey(header));
          const id = `map-${kind}-${role.name}`;
          return (
            <tr key={role.name} className={missing ? 'missing' : twice ? 'reused' : undefined} data-testid={id}>
              <th scope="row">
                <label htmlFor={id} className="role-name">
                  {role.name}
                  {role.required ? <span className="required"> required</span> : <span className="muted"> optional</span>}
                </label>
              </th>
              <td>
                <select
                  id={id}
                  value={header ?? ''}
                  disabled={disabled}
                  aria-invalid={missing || twice}
                  aria-describedby={missing || twice ? `${id}-why` : undefined}
                  onChange={(e) => onChange(withRole(mapping, role.name, e.target.value === '' ? null : e.target.value))}
                >
                  <option value="">{role.required ? '— choose a column —' : '— not in this file —'}</option>
                  {preview.headers.map((h, i) =>
                    h.trim() === '' ? null : (
                      <option key={i} value={h}>
                        {h}
                      </option>
                    ),
                  )}
                </select>
                {missing && (
                  <div id={`${id}-why`} className="map-why">
                    No column of this name: choose the one that holds it.
                  </div>
                )}
                {twice && (
                  <div id={`${id}-why`} className="map-why">
                    This column is also chosen for another role.
                  </div>
                )}
              </td>
              <td className="sample">{sample(header)}</td>
              <td className="muted small">{role.meaning}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
