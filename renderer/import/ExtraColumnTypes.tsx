// The cohort file's extra columns, kept as covariates: each typed by all its values unless the
// analyst sets the type here, with what the preview rows suggest beside it.
import type { ColumnMappingArg, FilePreview } from '../../shared/api';
import { headerKey } from './columnChoices';
import { unusedColumns, valueHint, withOverride, type ColumnKind, type TypeOverrides, type ValueHint } from './extraColumns';

interface Props {
  preview: FilePreview;
  mapping: ColumnMappingArg;
  chosen: TypeOverrides;
  disabled: boolean;
  onChange: (next: TypeOverrides) => void;
}

// Whole numbers with this few different values in the preview rows may well be codes
// (team 101, 102): the hint says so, and the analyst decides.
const FEW_CODES = 12;
const SAMPLE_VALUES = 4;

function hintText(h: ValueHint): string {
  if (h.looks === 'blank') return 'blank in the first rows: numeric unless a later value is not a number';
  if (h.firstText) return `"${h.firstText.value}" (line ${h.firstText.line}) is not a number: categorical`;
  const first = `first ${h.values === 1 ? 'value looks' : `${h.values} values look`} numeric`;
  if (h.whole && h.distinct <= FEW_CODES) return `${first} (${h.distinct} different whole number${h.distinct === 1 ? '' : 's'}): if they are codes, choose Categorical`;
  return `${first}: numeric unless a later value is not a number`;
}

function sampleValues(preview: FilePreview, index: number): string {
  const distinct = [...new Set(preview.rows.map((r) => (r[index] ?? '').trim()).filter((v) => v !== ''))];
  return distinct.slice(0, SAMPLE_VALUES).join(', ') + (distinct.length > SAMPLE_VALUES ? ', …' : '');
}

export function ExtraColumnTypes({ preview, mapping, chosen, disabled, onChange }: Props) {
  const { extras, roleNamed } = unusedColumns(preview.headers, mapping);
  return (
    <section className="extra-types" aria-labelledby="extra-types-title" data-testid="extra-types">
      <h4 id="extra-types-title">Other columns, kept as covariates</h4>
      {roleNamed.length > 0 && (
        <p className="warn-note small" data-testid="role-named">
          Named like a role but not mapped to it: {roleNamed.join(', ')}. The import refuses such a column: map it to its role above, or
          rename it in the file.
        </p>
      )}
      {extras.length === 0 ? (
        <p className="muted small">Every column of this file feeds a role above.</p>
      ) : (
        <>
          <p className="muted small">
            Each is typed by all its values: numeric when every non-blank value is a number, categorical otherwise. Set the type
            where that is wrong, for example codes written as numbers (a team 101, 102) are categories.
          </p>
          <table className="mapping extra-types-table">
            <thead>
              <tr>
                <th scope="col">Column</th>
                <th scope="col">First values</th>
                <th scope="col">In the first rows</th>
                <th scope="col">Type</th>
              </tr>
            </thead>
            <tbody>
              {extras.map((e) => {
                const hint = valueHint(preview, e.index);
                const kind = chosen[headerKey(e.name)];
                const refused = kind === 'numeric' && hint.firstText;
                const id = `extra-type-${e.index}`;
                return (
                  <tr key={e.name} data-testid={`extra-type-${e.name}`} className={refused ? 'reused' : undefined}>
                    <th scope="row" className="role-name">
                      {e.name}
                    </th>
                    <td className="sample">{sampleValues(preview, e.index)}</td>
                    <td className="muted small">{hintText(hint)}</td>
                    <td>
                      <select
                        value={kind ?? ''}
                        disabled={disabled}
                        aria-label={`Type of ${e.name}`}
                        aria-invalid={Boolean(refused)}
                        aria-describedby={refused ? `${id}-why` : undefined}
                        onChange={(ev) => onChange(withOverride(chosen, e.name, ev.target.value === '' ? null : (ev.target.value as ColumnKind)))}
                      >
                        <option value="">By its values (automatic)</option>
                        <option value="numeric">Numeric</option>
                        <option value="categorical">Categorical</option>
                      </select>
                      {refused && (
                        <div id={`${id}-why`} className="map-why">
                          Set to numeric, the import lists every value that is not a number as a problem.
                        </div>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
