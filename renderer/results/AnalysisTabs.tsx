// Tabs choosing one analysis of the open run; the headline analysis is marked. The children show the chosen one.
import type { ReactNode } from 'react';
import { Tabs } from '../components/Tabs';

interface Props {
  names: string[];
  headline: string;
  selected: string;
  onSelect: (name: string) => void;
  label: string;
  idPrefix: string;
  children: ReactNode;
}

export function AnalysisTabs({ names, headline, selected, onSelect, label, idPrefix, children }: Props) {
  const items = names.map((n) => ({
    id: n,
    label: (
      <>
        {n}
        {n === headline && <span className="muted small"> (headline)</span>}
      </>
    ),
  }));
  return (
    <Tabs items={items} selected={selected} onSelect={onSelect} label={label} idPrefix={idPrefix} className="analysis-tabs">
      {children}
    </Tabs>
  );
}
