// Tabs choosing one analysis of the open run; the headline analysis is marked.
export function AnalysisTabs({ names, headline, selected, onSelect, label }: { names: string[]; headline: string; selected: string; onSelect: (name: string) => void; label: string }) {
  return (
    <div className="tabs analysis-tabs" role="tablist" aria-label={label}>
      {names.map((n) => (
        <button key={n} type="button" role="tab" aria-selected={n === selected} className={n === selected ? 'tab active' : 'tab'} onClick={() => onSelect(n)}>
          {n}
          {n === headline && <span className="muted small"> (headline)</span>}
        </button>
      ))}
    </div>
  );
}
