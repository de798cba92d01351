// Tables 1-7 of the reference report for every analysis of the run, with the reporting gates applied: a hidden
// row keeps its group sizes and says why its figures are not shown.
import { Fragment } from 'react';
import type { AnalysisResults } from '../../shared/results/runResults';
import { formatCi, formatCount, formatFixed, formatMean, formatP, formatSignificant } from '../../shared/format/numberFormat';
import { COURT_LABELS, MEASURE_TABLES, tableRows, type MeasureTable } from '../../shared/report/measureTables';
import { NOT_RELIABLE_MARK } from '../../shared/report/resultsSection';

function OutcomeTable({ table, analyses, organisation, selected, alpha }: { table: MeasureTable; analyses: AnalysisResults[]; organisation: string; selected: string; alpha: number }) {
  const figureColumns = table.byCourt ? 6 : 5;
  return (
    <div className="outcome-table" data-testid={`table-${table.number}`}>
      <h4>
        Table {table.number}: {table.title(organisation)}
      </h4>
      <div className="table-scroll">
        <table className="report-table">
          <thead>
            <tr>
              <th rowSpan={2} scope="col">Analysis</th>
              <th rowSpan={2} scope="col">Number in treatment group</th>
              <th rowSpan={2} scope="col">Number in comparison group</th>
              <th colSpan={figureColumns} scope="colgroup" className="span-head">
                {table.heading}
              </th>
            </tr>
            <tr>
              {table.byCourt && <th scope="col">Court outcome</th>}
              {table.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
              <th scope="col">Significant difference?</th>
              <th scope="col">p-value</th>
            </tr>
          </thead>
          <tbody>
            {analyses.map((a) => {
              const rows = tableRows(table, a.outcomes);
              const first = rows[0].measure;
              return (
                <Fragment key={a.name}>
                  {rows.map((row, i) => {
                    const m = row.measure;
                    return (
                      <tr key={row.court ?? 'all'} className={a.name === selected ? 'selected' : undefined} data-analysis={a.name}>
                        {i === 0 && (
                          <>
                            <th scope="row" rowSpan={rows.length}>
                              {a.name}
                              {!a.findings.publishable && (
                                <span className="mark-unreliable" title="Not adequately matched: for review only">
                                  {NOT_RELIABLE_MARK}
                                </span>
                              )}
                            </th>
                            <td rowSpan={rows.length} className="num">
                              {formatCount(first.nTreatment)}
                            </td>
                            <td rowSpan={rows.length} className="num">
                              {formatCount(first.nComparison)}
                            </td>
                          </>
                        )}
                        {row.court && <td>{COURT_LABELS[row.court]}</td>}
                        {m.shown ? (
                          <>
                            <td className="num">{formatMean(m.treatmentMean, table.unit)}</td>
                            <td className="num">{formatMean(m.comparisonMean, table.unit)}</td>
                            <td className="num ci">
                              {formatCi(m.ciLow, m.ciHigh, table.key)}
                              {m.unavailableReason && <span className="cell-note">{m.unavailableReason}</span>}
                            </td>
                            <td>{m.p === null ? 'n/a' : formatSignificant(m.significant)}</td>
                            <td className="num">{formatP(m.p, alpha)}</td>
                          </>
                        ) : (
                          <td colSpan={5} className="hidden-row">
                            {m.hiddenReason}
                          </td>
                        )}
                      </tr>
                    );
                  })}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export function OutcomeTables({ analyses, organisation, selected, alpha }: { analyses: AnalysisResults[]; organisation: string; selected: string; alpha: number }) {
  return (
    <section className="outcome-tables">
      <p className="muted small">
        Tables 1-3 show the overall measures of reoffending. Rates are in %, frequencies per person; the average time to first reoffence and Tables 4-7
        include reoffenders only. Differences are treatment minus comparison, as a {formatFixed(100 * (1 - alpha), 0)}% confidence interval.
        {analyses.some((a) => !a.findings.publishable) && ` ${NOT_RELIABLE_MARK} The groups of this analysis were not adequately matched: its figures are for review only.`}
      </p>
      {MEASURE_TABLES.map((t) => (
        <OutcomeTable key={t.number} table={t} analyses={analyses} organisation={organisation} selected={selected} alpha={alpha} />
      ))}
    </section>
  );
}
