// The page of each named destination in a PDF that Chromium printed (its link targets: the report's section ids),
// so that the contents can give page numbers. Chromium (Skia) writes plain objects: a catalogue with /Dests, a dict
// of "/name [pageRef /XYZ ...]", and a page tree of /Pages nodes with /Kids; no object streams.

/** The body of object `n` ("n 0 obj ... endobj"), or null. */
function objectBody(pdf: string, n: number): string | null {
  const at = pdf.search(new RegExp(`(^|[\\r\\n])${n} 0 obj\\b`));
  if (at < 0) return null;
  const start = pdf.indexOf('obj', at) + 3;
  const end = pdf.indexOf('endobj', start);
  return end < 0 ? null : pdf.slice(start, end);
}

/** Page object numbers in document order, walking the page tree from the catalogue's /Pages. */
function pageOrder(pdf: string, root: number, seen = new Set<number>()): number[] {
  if (seen.has(root)) return [];
  seen.add(root);
  const body = objectBody(pdf, root);
  if (body === null) return [];
  const kids = /\/Kids\s*\[([^\]]*)\]/.exec(body);
  if (!kids) return [root];
  return [...kids[1].matchAll(/(\d+)\s+0\s+R/g)].flatMap((m) => pageOrder(pdf, Number(m[1]), seen));
}

/** Destination name -> page number (1-based); empty when the PDF has no /Dests it can read. */
export function pdfDestinationPages(pdf: Buffer): Map<string, number> {
  const text = pdf.toString('latin1');
  const out = new Map<string, number>();
  const catalogue = /\/Type\s*\/Catalog\b[^]*?>>/.exec(text)?.[0] ?? '';
  const pagesRef = /\/Pages\s+(\d+)\s+0\s+R/.exec(catalogue);
  const destsRef = /\/Dests\s+(\d+)\s+0\s+R/.exec(catalogue);
  if (!pagesRef || !destsRef) return out;
  const pages = pageOrder(text, Number(pagesRef[1]));
  const index = new Map(pages.map((p, k) => [p, k + 1]));
  const dests = objectBody(text, Number(destsRef[1])) ?? '';
  for (const m of dests.matchAll(/\/([^\s/[\]<>()]+)\s*\[\s*(\d+)\s+0\s+R/g)) {
    const page = index.get(Number(m[2]));
    // PDF names escape other characters as #xx.
    if (page !== undefined) out.set(m[1].replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), page);
  }
  return out;
}
