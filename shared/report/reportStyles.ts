// The report's one inline stylesheet: A4 print, system fonts only. Sections flow on from one another: a forced page
// break before each left pages mostly empty; headings stay with what follows them and blocks are not split.
export const REPORT_CSS = `
@page { size: A4; margin: 16mm 15mm 18mm 15mm;
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt Arial, "Liberation Sans", sans-serif; color: #6f777b; }
  @bottom-left { content: "Matchlab reoffending analysis"; font: 8pt Arial, "Liberation Sans", sans-serif; color: #6f777b; } }
:root { --ink: #0b0c0c; --muted: #505a5f; --rule: #b1b4b6; --blue: #1d4f7c; --treat: #1d70b8; --comp: #a3adb4; --green: #00703c; --red: #b0281a; --pale: #f3f2f1; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: Arial, "Liberation Sans", Helvetica, sans-serif; font-size: 10pt; line-height: 1.42; color: var(--ink); margin: 0 auto; max-width: 180mm; padding: 0; }
@media screen { body { padding: 24px; } section.major { border-top: 4px solid var(--blue); margin-top: 40px; padding-top: 8px; } }
h1 { font-size: 22pt; line-height: 1.15; margin: 0 0 4px; color: var(--blue); }
h2 { font-size: 16pt; color: var(--blue); margin: 0 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--blue); }
h3 { font-size: 11.5pt; margin: 16px 0 6px; color: var(--ink); break-after: avoid; }
h4 { font-size: 10pt; margin: 0 0 4px; break-after: avoid; }
p { margin: 0 0 7px; }
ul, ol { margin: 0 0 8px; padding-left: 20px; }
li { margin-bottom: 3px; }
.small { font-size: 8.5pt; color: var(--muted); font-weight: normal; }
.note { font-size: 8.5pt; color: var(--muted); }
.own-words { margin: 0 0 12pt; padding: 8pt 14pt; border-left: 3pt solid var(--line, #c8d0dc); font-style: italic; }
.kicker { font-size: 10.5pt; color: var(--muted); margin-top: -4px; }
.summary { font-size: 11pt; }
section.major { margin-top: 22pt; }
section.major:first-of-type { margin-top: 0; }
h2 { break-after: avoid; }
/* A section's heading and the notes under it stay with its first paragraph. */
section.key-findings > .kicker, section.key-findings > .note, section.key-findings > .warning { break-after: avoid; }
.title-block { border-bottom: 1px solid var(--rule); padding-bottom: 8px; margin-bottom: 14px; }
.title-block .meta { color: var(--muted); font-size: 9pt; }
.warning { border-left: 4px solid var(--red); background: #fbeceb; padding: 6px 10px; font-weight: bold; }
.group-cards { display: flex; gap: 12px; break-inside: avoid; }
.group-card { flex: 1; padding: 8px 10px; background: var(--pale); border-top: 4px solid var(--treat); }
.group-card.comparison { border-top-color: var(--comp); }
.group-card ul { padding-left: 16px; margin: 0; }
.lead-in { font-weight: bold; }
.estimates li { margin-bottom: 5px; }
.sample-size { border-left: 4px solid var(--blue); padding: 4px 10px; background: #eef3f8; break-inside: avoid; }
.say-list { margin-top: 10px; }
.say-pair { display: flex; gap: 10px; margin-bottom: 8px; break-inside: avoid; }
.sensitivity-block { break-inside: avoid; }
.say { flex: 1; padding: 7px 10px; border: 1px solid var(--rule); }
.say.can { border-left: 5px solid var(--green); }
.say.cannot { border-left: 5px solid var(--red); }
.say p { margin: 0; display: flex; gap: 8px; }
.say q { quotes: "“" "”"; }
.mark { font-weight: bold; font-size: 13pt; line-height: 1; }
.can .mark { color: var(--green); }
.cannot .mark { color: var(--red); }
.contents ol { columns: 2; column-gap: 10mm; }
.contents li { break-inside: avoid; }
.contents a { display: flex; gap: 6px; }
.contents .entry { flex: 1; }
.contents .page { min-width: 2.2em; text-align: right; color: var(--ink); }
ul.notices li.warning { font-weight: bold; }
ul.notices li.caveat { border: none; background: none; padding: 0; }
.contents a, .contents a:visited { color: var(--blue); text-decoration: none; }
figure { margin: 0 0 16px; break-inside: avoid; }
figcaption { font-weight: bold; margin-bottom: 4px; }
svg.chart.love { max-height: 150mm; }
svg.chart { width: 100%; height: auto; display: block; font-family: Arial, "Liberation Sans", sans-serif; }
svg .grid { stroke: #dee0e2; stroke-width: 1; }
svg .axis { stroke: var(--ink); stroke-width: 1; }
svg .tick { font-size: 10px; fill: var(--muted); }
svg .axis-title { font-size: 11px; fill: var(--ink); }
svg .legend { font-size: 10.5px; fill: var(--ink); }
svg .bar.treatment { fill: var(--treat); }
svg .bar.comparison { fill: var(--comp); }
svg .errorbar { stroke: var(--ink); stroke-width: 1.4; fill: none; }
svg .value { font-size: 11px; font-weight: bold; fill: var(--ink); }
svg .value.inside { fill: #fff; }
svg .group-name { font-size: 12px; font-weight: bold; fill: var(--ink); }
svg .caption { font-size: 11px; fill: var(--muted); }
svg .caption.significant { fill: var(--green); font-weight: bold; }
svg .band-well { fill: #dcefe3; }
svg .band-reasonably { fill: #fdf2d0; }
svg .band-poorly { fill: #ffffff; }
svg .row-label { font-size: 10px; fill: var(--ink); }
svg .shift { stroke: #8a9399; stroke-width: 1; }
svg circle.before { fill: #fff; stroke: var(--red); stroke-width: 1.5; }
svg circle.after { fill: var(--treat); }
svg circle.after-well { fill: var(--green); }
svg circle.after-reasonably { fill: #b7791f; }
svg circle.after-poorly { fill: var(--red); }
.legend-line { font-size: 9pt; margin: 2px 0 4px; }
.legend-line .key { display: inline-block; width: 10px; height: 10px; margin: 0 4px 0 10px; vertical-align: -1px; border-radius: 50%; }
.legend-line .key.before { border: 1.5px solid var(--red); background: #fff; }
.legend-line .key.after { background: var(--green); }
.legend-line .key.band-well { border-radius: 0; background: #dcefe3; }
.legend-line .key.band-reasonably { border-radius: 0; background: #fdf2d0; }
svg .clip { fill: var(--red); }
svg .pool-outline { fill: none; stroke: var(--ink); stroke-width: 1; stroke-dasharray: 3 2; }
table.data { border-collapse: collapse; width: 100%; font-size: 8.5pt; margin: 4px 0 6px; }
table.data th, table.data td { border: 1px solid var(--rule); padding: 3px 5px; text-align: right; vertical-align: top; }
table.data thead th { background: var(--blue); color: #fff; text-align: center; vertical-align: bottom; font-weight: bold; }
table.data thead { display: table-header-group; }
table.data tbody th { text-align: left; background: var(--pale); }
table.data td.l, table.data td.hidden-reason { text-align: left; }
table.data td.c { text-align: center; }
table.data td.yes { font-weight: bold; color: var(--green); }
table.data td.ci, table.data td.court { white-space: nowrap; }
table.data.results { table-layout: fixed; }
table.data tr { break-inside: avoid; }
td.hidden-reason, p.hidden-reason { font-style: italic; color: var(--muted); }
p.hidden-reason { border: 1px dashed var(--rule); padding: 6px 10px; }
.table-block { break-inside: avoid; margin-bottom: 14px; }
.table-title { margin-bottom: 3px; }
.caveat { border-left: 4px solid var(--amber, #b7791f); background: #fdf6e7; padding: 6px 10px; }
.box.gate { border: 2px solid var(--red); background: #fdf3f2; padding: 8px 12px; margin: 12px 0; break-inside: avoid; }
.box.gate h3 { margin-top: 0; color: var(--red); }
.box.gate .try { font-weight: bold; margin-bottom: 2px; }
.justification { margin: 6px 0 0 0; padding: 6px 10px; border-left: 4px solid var(--blue); background: #eef3fa; font-style: italic; }
.mark-unreliable { color: var(--red); font-weight: bold; margin-left: 2px; }
.box.significant { border: 2px solid var(--green); padding: 8px 12px; margin: 12px 0; break-inside: avoid; }
.box.significant h3 { margin-top: 0; color: var(--green); }
.measures li:nth-child(-n+3) { font-weight: bold; }
ul.plain { list-style: none; padding-left: 0; }
.two-col { display: flex; gap: 16px; }
.two-col > div { flex: 1; background: var(--pale); padding: 8px 12px; }
.two-col h3 { margin-top: 0; }
.analysis-matching { margin-top: 18px; }

ul.facts { list-style: none; padding-left: 0; color: var(--muted); }
table.data.balance { table-layout: fixed; }
table.balance td { white-space: nowrap; }
table.balance td.band { text-align: center; }
table.balance td.l { white-space: normal; }
table.balance .var { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 8pt; }
table.balance .level { font-weight: bold; }
table.balance tr.band-reasonably td.band { background: #fdf2d0; }
table.balance tr.band-poorly td.band { background: #f6d7d2; font-weight: bold; }
table.balance tr.band-well td.band { color: var(--green); }
.flow { margin: 10px 0; }
.flow-step { display: flex; align-items: center; gap: 14px; margin-bottom: 6px; break-inside: avoid; }
.chevron { flex: 0 0 120px; height: 44px; display: flex; align-items: center; justify-content: center; color: #fff; font-weight: bold; font-size: 13pt; background: var(--treat);
  clip-path: polygon(0 0, 100% 0, 100% 62%, 50% 100%, 0 62%); padding-bottom: 8px; }
.chevron.final { background: var(--blue); clip-path: none; padding-bottom: 0; height: 40px; }
.flow-step p { margin: 0; flex: 1; }
.kept { font-weight: bold; margin-top: 10px; }
.branches { display: flex; gap: 12px; flex-wrap: wrap; }
.branch { flex: 1 1 45%; display: flex; gap: 10px; border: 1px solid var(--rule); padding: 8px; break-inside: avoid; }
.branch .chevron { flex-basis: 80px; }
.branch-name { font-weight: bold; margin-bottom: 2px; }
table.settings th { width: 38%; font-weight: normal; }
table.settings td { text-align: left; }
`;
