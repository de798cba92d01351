import { describe, expect, it } from 'vitest';
import { pdfDestinationPages } from './pdfDestinations';

// The shape Chromium writes: a catalogue naming /Pages and /Dests, a two-level page tree, destinations by page ref.
const PDF = `%PDF-1.4
3 0 obj
<</Type /Page /Parent 8 0 R>>
endobj
4 0 obj
<</Type /Page /Parent 8 0 R>>
endobj
5 0 obj
<</Type /Page /Parent 9 0 R>>
endobj
8 0 obj
<</Type /Pages /Kids [3 0 R 4 0 R]>>
endobj
9 0 obj
<</Type /Pages /Kids [5 0 R]>>
endobj
7 0 obj
<</Type /Pages
/Count 3
/Kids [8 0 R 9 0 R]>>
endobj
6 0 obj
<</key-findings [3 0 R /XYZ 0 841.91998 0]
/results [4 0 R /XYZ 0 400 0]
/caveats#2D1 [5 0 R /XYZ 0 841.91998 0]>>
endobj
10 0 obj
<</Type /Catalog
/Pages 7 0 R
/Dests 6 0 R>>
endobj
%%EOF`;

describe('pdfDestinationPages', () => {
  it('gives each named destination its page, walking the page tree in order', () => {
    expect([...pdfDestinationPages(Buffer.from(PDF, 'latin1'))]).toEqual([
      ['key-findings', 1],
      ['results', 2],
      ['caveats-1', 3],
    ]);
  });

  it('gives nothing for a PDF without destinations', () => {
    expect(pdfDestinationPages(Buffer.from('%PDF-1.4\n1 0 obj\n<</Type /Catalog /Pages 2 0 R>>\nendobj\n', 'latin1')).size).toBe(0);
  });
});
