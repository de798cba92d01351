// Extra cohort columns: numeric when every non-blank value is a number, categorical otherwise.
import { isNumericText } from '../../shared/extract/numericText';

export type ColumnKind = 'numeric' | 'categorical';

// Integers whose decimal text SQLite gives back unchanged, so storing them as INTEGER loses nothing.
const CANONICAL_INTEGER = /^-?(0|[1-9]\d{0,14})$/;

/** What the values of a column read in a worker thread showed, to carry over to this thread. */
export interface ExtraObservations {
  allNumbers: boolean;
  storedIntegers: boolean;
  storedNumberText: boolean;
}

/**
 * Decides a column's kind while its values stream into the store. Values are stored as INTEGER
 * when canonical integers and as TEXT otherwise; `fixUpSql` then converts the minority once the
 * kind is known (REAL for the text of a numeric column, TEXT for the integers of a categorical one).
 */
export class ExtraColumnTyping {
  private allNumbers = true;
  private storedIntegers = false;
  private storedNumberText = false;

  constructor(
    readonly name: string,
    readonly override: ColumnKind | undefined,
  ) {}

  /** Stored value of a trimmed, non-blank cell, or null when an override to numeric refuses it. */
  store(text: string): string | bigint | null {
    if (this.override === 'categorical') return text;
    const isNumber = isNumericText(text);
    if (!isNumber) {
      if (this.override === 'numeric') return null;
      this.allNumbers = false;
      return text;
    }
    if (CANONICAL_INTEGER.test(text)) {
      this.storedIntegers = true;
      // A BigInt binds as SQLite INTEGER; a JS number would bind as REAL in this untyped column.
      return BigInt(text);
    }
    this.storedNumberText = true;
    return text;
  }

  get observed(): ExtraObservations {
    return { allNumbers: this.allNumbers, storedIntegers: this.storedIntegers, storedNumberText: this.storedNumberText };
  }

  /** Takes over what another thread's instance of this column observed. */
  absorb(o: ExtraObservations): void {
    this.allNumbers = o.allNumbers;
    this.storedIntegers = o.storedIntegers;
    this.storedNumberText = o.storedNumberText;
  }

  get kind(): ColumnKind {
    return this.override ?? (this.allNumbers ? 'numeric' : 'categorical');
  }

  /** The UPDATE that makes the column's storage match its kind, or null when it already does. */
  fixUpSql(table: string, quotedName: string): string | null {
    if (this.kind === 'numeric' && this.storedNumberText) {
      return `UPDATE ${table} SET ${quotedName} = CAST(${quotedName} AS REAL) WHERE typeof(${quotedName}) = 'text'`;
    }
    if (this.kind === 'categorical' && this.storedIntegers) {
      return `UPDATE ${table} SET ${quotedName} = CAST(${quotedName} AS TEXT) WHERE typeof(${quotedName}) = 'integer'`;
    }
    return null;
  }
}
