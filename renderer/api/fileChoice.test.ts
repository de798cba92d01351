import { describe, expect, it } from 'vitest';
import type { DialogRequest, NativeDialogs } from '../../shared/api';
import { chooseExportTarget, exportFilters } from './fileChoice';

function dialogsAnswering(answer: string | null) {
  const asked: DialogRequest[] = [];
  const dialogs: NativeDialogs = {
    openFile: async () => null,
    saveFile: async (request) => {
      asked.push(request);
      return answer;
    },
  };
  return { dialogs, asked };
}

describe('chooseExportTarget', () => {
  it('asks the system where to save, and lets its answer replace a file (the system asked)', async () => {
    const { dialogs, asked } = dialogsAnswering('/home/jo/Reports/iom.pdf');
    expect(await chooseExportTarget(dialogs, 'Save the report', '/data/exports/report-1.pdf')).toEqual({ path: '/home/jo/Reports/iom.pdf', overwrite: true });
    expect(asked).toEqual([{ title: 'Save the report', defaultPath: '/data/exports/report-1.pdf', filters: [{ name: 'PDF report', extensions: ['pdf'] }] }]);
  });

  it('exports nothing when the dialog is cancelled', async () => {
    expect(await chooseExportTarget(dialogsAnswering(null).dialogs, 'Save the report', '/data/report.pdf')).toBeNull();
  });

  it('without system dialogs, keeps the typed path and never replaces a file', async () => {
    expect(await chooseExportTarget(null, 'Save the report', '/data/report.xlsx')).toEqual({ path: '/data/report.xlsx', overwrite: false });
  });
});

describe('exportFilters', () => {
  it('names the file type from the extension', () => {
    expect(exportFilters('/a/matches-National.CSV')).toEqual([{ name: 'CSV file', extensions: ['csv'] }]);
    expect(exportFilters('/a/report.html')).toEqual([{ name: 'HTML report', extensions: ['html'] }]);
    expect(exportFilters('/a/report')).toEqual([]);
  });
});
