import { formatDemoSummary, parseDemoArgs, writeDemoExtract } from './demoCommand';

export async function demoMain(args: string[]): Promise<string> {
  const { outDir, options } = parseDemoArgs(args);
  return formatDemoSummary(await writeDemoExtract(outDir, options));
}
