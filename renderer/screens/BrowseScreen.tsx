// Browse the imported extract: a tab per table, each in a store-backed grid.
import { useEffect, useState } from 'react';
import type { AppState, BrowsePage, FileKind } from '../../shared/api';
import { call } from '../api/client';
import { ErrorNote } from '../components/ErrorNote';
import { Tabs } from '../components/Tabs';
import { TableGrid } from '../browse/TableGrid';
import { FILE_KINDS, FILE_LABEL } from '../import/fileRoles';

const TABLES = FILE_KINDS.map((k) => ({ id: k, label: FILE_LABEL[k].title }));

interface TableShape {
  table: FileKind;
  columns: BrowsePage['columns'];
  total: number;
}

export function BrowseScreen(_props: { state?: AppState; onDone?: () => void }) {
  const [table, setTable] = useState<FileKind>('cohort');
  const [shape, setShape] = useState<TableShape | null>(null);
  const [error, setError] = useState<string | null>(null);

  // One row tells the columns and the count; the grid then pages through the rest itself.
  useEffect(() => {
    let current = true;
    setError(null);
    call('table.browse', { table, offset: 0, limit: 1 }).then(
      (page) => current && setShape({ table, columns: page.columns, total: page.total }),
      (err: Error) => current && setError(err.message),
    );
    return () => {
      current = false;
    };
  }, [table]);

  return (
    <section className="browse">
      <h2>Browse data</h2>
      <Tabs items={TABLES} selected={table} onSelect={setTable} label="Tables" idPrefix="browse">
        <ErrorNote message={error} />
        {shape?.table === table && (shape.columns.length > 0 ? <TableGrid key={table} table={table} columns={shape.columns} tableTotal={shape.total} /> : <p className="muted">This table is empty.</p>)}
      </Tabs>
    </section>
  );
}
