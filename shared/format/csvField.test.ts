import { describe, expect, it } from 'vitest';
import { csvField, csvLine } from './csvField';

describe('csvField', () => {
  it('quotes separators, quotes and newlines, and leaves plain values alone', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "no"')).toBe('"say ""no"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('2015-02-30')).toBe('2015-02-30');
    expect(csvField(12)).toBe('12');
    expect(csvField(-0.25)).toBe('-0.25');
    expect(csvField(null)).toBe('');
  });

  it('defuses every formula start, keeps plain numbers', () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField("+1+r16+cmd|' /C calc'!A0")).toBe("'+1+r16+cmd|' /C calc'!A0");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-x')).toBe("'-x");
    expect(csvField('\t=1+1')).toBe("'\t=1+1");
    expect(csvField('\r=1+1')).toBe('"\'\r=1+1"');
    expect(csvField('\uFF1D1+1')).toBe("'\uFF1D1+1");
    for (const n of ['-3', '+1', '-1.5', '+1.5e-7', '-.5', '12']) expect(csvField(n)).toBe(n);
    expect(csvField('-3+cmd')).toBe("'-3+cmd");
  });

  it('joins a line', () => {
    expect(csvLine(['=x', 1, null, 'a,b'])).toBe('\'=x,1,,"a,b"');
  });
});
