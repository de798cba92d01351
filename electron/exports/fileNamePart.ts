/** A name (an analysis's, chosen by the analyst) made safe in a file name: anything unusual becomes "_". */
export function fileNamePart(name: string): string {
  return name.replace(/[^A-Za-z0-9 _.-]/g, '_');
}
