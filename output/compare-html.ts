import { formatVi } from '../extractors/vn-number.ts';
import type { Cell, CompareRow, Comparison, YearColumn } from './compare.ts';
import { formatSigned, scaled, shortId } from './format.ts';

/**
 * A self-contained page (no script, no network, inline SVG): per indicator a chart of plan against
 * result over the years and a table whose every number names its documents.
 */
export function renderCompareHtml(cmp: Comparison, generatedAt: Date = new Date()): string {
  const refOf = new Map(cmp.documents.map((d, i) => [d.documentId, i + 1]));
  // one indicator (in one area or several): its name is the page's title, not the words typed to find it
  const names = [...new Set(cmp.rows.map((r) => r.indicator))];
  const title = names.length === 1 ? names[0]! : cmp.query ? `So sánh chỉ tiêu: ${cmp.query}` : 'So sánh các chỉ tiêu chủ yếu';
  const span = cmp.periods.length ? `${cmp.periods[0]}–${cmp.periods[cmp.periods.length - 1]}` : '';
  // years sit on the axis by their value; periods of another granularity one after another
  const columns = cmp.periods.map((key, i) => ({ key, x: cmp.by === 'year' ? Number(key) : i }));
  const sections = cmp.rows.map((row, i) => section(row, i, columns, refOf)).join('\n');
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${esc(title)}</h1>
<p class="meta">Giai đoạn ${esc(span)} · ${cmp.rows.length} chỉ tiêu · lập lúc ${esc(generatedAt.toISOString().slice(0, 16).replace('T', ' '))}</p>
</header>
<main>
${sections || '<p>Không có số liệu.</p>'}
</main>
<footer>
<h2>Nguồn</h2>
<ol class="sources">
${cmp.documents.map((d) => `<li id="doc-${refOf.get(d.documentId)}"><code>${esc(shortId(d.documentId))}</code> ${esc(d.file)}${d.number ? ` — số ${esc(d.number)}` : ''}${d.reportYear ? `, năm ${d.reportYear}` : ''}</li>`).join('\n')}
</ol>
<p class="notes">KH: kế hoạch · TH: thực hiện · ƯTH: ước thực hiện · * tính từ số liệu · <span class="conflict">≠</span> các văn bản ghi số khác nhau · → số ước được điều chỉnh thành số thực hiện</p>
</footer>
</body>
</html>
`;
}

/** A column of the comparison: its period, and where it sits on the chart's axis. */
interface Column {
  key: string;
  x: number;
}

function section(row: CompareRow, index: number, years: Column[], refOf: Map<string, number>): string {
  const unit = row.unitText ?? (row.unit === 'percent' ? '%' : (row.unit ?? ''));
  const heading = `${row.indicator}${row.area ? ` — ${row.area}` : ''}`;
  const body = years
    .filter((y) => row.years[y.key])
    .map((y) => yearRow(y.key, row.years[y.key]!, row, refOf))
    .join('\n');
  return `<section class="indicator" id="chi-tieu-${index + 1}">
<h2>${esc(heading)}${unit ? ` <span class="unit">(${esc(unit)})</span>` : ''}</h2>
${chart(row, years, heading, unit)}
<table>
<thead><tr><th>Năm</th><th>Kế hoạch</th><th>Thực hiện / ước</th><th>% kế hoạch</th><th>So năm trước</th></tr></thead>
<tbody>
${body}
</tbody>
</table>
</section>`;
}

function yearRow(year: string, col: YearColumn, row: CompareRow, refOf: Map<string, number>): string {
  const result = col.revision
    ? `ƯTH ${valueHtml(col.revision.estimate.baseValue, col.revision.estimate.sources, row, refOf)} → TH ${valueHtml(col.revision.actual.baseValue, col.revision.actual.sources, row, refOf)}`
    : col.result
      ? `${col.resultKind === 'actual' ? 'TH' : 'ƯTH'} ${cellHtml(col.result, row, refOf)}`
      : '';
  const change = [col.change && cellHtml(col.change, row, refOf), col.changePercent && cellHtml(col.changePercent, row, refOf, true)].filter(Boolean).join(' ');
  return `<tr><th scope="row">${year}</th><td>${cellHtml(col.plan, row, refOf)}</td><td>${result}</td><td>${cellHtml(col.shareOfPlan, row, refOf, true)}</td><td>${change}</td></tr>`;
}

function cellHtml(c: Cell | null, row: CompareRow, refOf: Map<string, number>, percent = false): string {
  if (!c) return '';
  if (c.computed) {
    const v = c.values[0]!.baseValue;
    const signed = c.values[0]!.kind === 'share_of_plan' ? formatVi(v) : formatSigned(v);
    const n = percent ? `${signed}%` : formatSigned(scaled(v, row.multiplier));
    return `<span class="computed" title="tính từ số liệu">${esc(n)}*</span>`;
  }
  const parts = c.values.map((v) => valueHtml(v.baseValue, v.sources, row, refOf, percent));
  return c.conflict ? `<span class="conflict">${parts.join(' ≠ ')}</span>` : parts.join('');
}

function valueHtml(
  base: number,
  sources: { documentId: string; file: string; page: number | null }[],
  row: CompareRow,
  refOf: Map<string, number>,
  percent = false,
): string {
  const n = percent ? `${formatVi(base)}%` : formatVi(scaled(base, row.multiplier));
  const refs = sources
    .map(
      (s) =>
        `<a class="ref" href="#doc-${refOf.get(s.documentId)}" title="${esc(s.file)}${s.page ? `, trang ${s.page}` : ''}">[${refOf.get(s.documentId)}]</a>`,
    )
    .join('');
  return `${esc(n)}<sup>${refs}</sup>`;
}

/* ---------- the chart ---------- */

const W = 640;
const H = 240;
const M = { left: 64, right: 16, top: 28, bottom: 32 };

interface Point {
  year: number;
  label: string;
  value: number;
  estimate: boolean;
}

/**
 * The lines follow each period's first value; where documents disagree, the other values are plotted too
 * (`others`, marked apart), so the chart shows the disagreement the table flags.
 */
function seriesOf(row: CompareRow, columns: Column[]): { plan: Point[]; result: Point[]; others: (Point & { of: 'plan' | 'result' })[] } {
  const plan: Point[] = [];
  const result: Point[] = [];
  const others: (Point & { of: 'plan' | 'result' })[] = [];
  for (const { key, x } of columns) {
    const col = row.years[key];
    const estimate = col?.resultKind === 'estimate';
    col?.plan?.values.forEach((v, i) => {
      const point = { year: x, label: key, value: scaled(v.baseValue, row.multiplier), estimate: false };
      if (i === 0) plan.push(point);
      else others.push({ ...point, of: 'plan' });
    });
    col?.result?.values.forEach((v, i) => {
      const point = { year: x, label: key, value: scaled(v.baseValue, row.multiplier), estimate };
      if (i === 0) result.push(point);
      else others.push({ ...point, of: 'result' });
    });
  }
  return { plan, result, others };
}

function chart(row: CompareRow, columns: Column[], heading: string, unit: string): string {
  const { plan, result, others } = seriesOf(row, columns);
  const years = columns.map((c) => c.x);
  const all = [...plan, ...result, ...others].map((p) => p.value);
  if (all.length === 0) return '';
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  const padding = (hi - lo || Math.abs(hi) || 1) * 0.15;
  lo -= padding;
  hi += padding;
  const x = (year: number) =>
    years.length === 1 ? (M.left + W - M.right) / 2 : M.left + ((year - years[0]!) / (years[years.length - 1]! - years[0]!)) * (W - M.left - M.right);
  const y = (v: number) => M.top + (1 - (v - lo) / (hi - lo)) * (H - M.top - M.bottom);
  const ticks = [0, 1, 2, 3, 4].map((i) => lo + ((hi - lo) * i) / 4);
  const line = (pts: Point[], cls: string) =>
    pts.length > 1 ? `<polyline class="${cls}" points="${pts.map((p) => `${x(p.year).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ')}"/>` : '';
  const dots = (pts: Point[], cls: string, label: string) =>
    pts
      .map(
        (p) =>
          `<circle class="${cls}${p.estimate ? ' estimate' : ''}" cx="${x(p.year).toFixed(1)}" cy="${y(p.value).toFixed(1)}" r="4"><title>${p.label} · ${p.estimate ? 'Ước thực hiện' : label}: ${esc(formatVi(p.value))} ${esc(unit)}</title></circle>`,
      )
      .join('');
  return `<svg class="chart" role="img" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" aria-label="${esc(`Biểu đồ kế hoạch và thực hiện: ${heading}`)}">
<title>${esc(`Kế hoạch và thực hiện: ${heading}`)}</title>
${ticks.map((t) => `<line class="grid" x1="${M.left}" x2="${W - M.right}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}"/><text class="tick" x="${M.left - 6}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end">${esc(formatVi(Number(t.toPrecision(4))))}</text>`).join('\n')}
${columns.map((c) => `<text class="tick" x="${x(c.x).toFixed(1)}" y="${H - 10}" text-anchor="middle">${c.key}</text>`).join('')}
${line(plan, 'plan')}${line(result, 'result')}
${dots(plan, 'plan', 'Kế hoạch')}${dots(result, 'result', 'Thực hiện')}
${others
  .map(
    (p) =>
      `<rect class="${p.of} conflict-point" x="${(x(p.year) - 4).toFixed(1)}" y="${(y(p.value) - 4).toFixed(1)}" width="8" height="8"><title>${p.label} · ${p.of === 'plan' ? 'Kế hoạch' : 'Thực hiện'}, văn bản khác ghi: ${esc(formatVi(p.value))} ${esc(unit)}</title></rect>`,
  )
  .join('')}
<g class="legend"><line class="plan" x1="${M.left}" x2="${M.left + 24}" y1="12" y2="12"/><text x="${M.left + 30}" y="16">Kế hoạch</text>
<line class="result" x1="${M.left + 120}" x2="${M.left + 144}" y1="12" y2="12"/><text x="${M.left + 150}" y="16">Thực hiện (○ ước)</text></g>
</svg>`;
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STYLE = `
body{font-family:system-ui,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1d2433}
h1{font-size:1.5rem;margin-bottom:.25rem}h2{font-size:1.15rem;margin:1.75rem 0 .5rem}.meta,.notes{color:#5b6475;font-size:.9rem}
.unit{font-weight:normal;color:#5b6475}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums;margin-top:.5rem}
th,td{border-bottom:1px solid #e3e6ec;padding:.3rem .5rem;text-align:right}th:first-child,td:first-child{text-align:left}
thead th{background:#f4f6fa}
sup{font-size:.7em}.ref{color:#3b5bdb;text-decoration:none;margin-left:1px}
.conflict{color:#c92a2a;font-weight:600}.conflict-point{fill:#fff;stroke:#c92a2a;stroke-width:2}.computed{color:#5b6475}
.chart{max-width:100%;height:auto;background:#fbfcfe;border:1px solid #e3e6ec;border-radius:6px}
.chart .grid{stroke:#e3e6ec}.chart .tick,.chart .legend text{font-size:11px;fill:#5b6475}
.chart polyline{fill:none;stroke-width:2}.chart line.plan,.chart polyline.plan{stroke:#e8590c;stroke-dasharray:6 4;stroke-width:2}
.chart line.result,.chart polyline.result{stroke:#1971c2;stroke-width:2}
.chart circle.plan{fill:#e8590c}.chart circle.result{fill:#1971c2}.chart circle.estimate{fill:#fff;stroke:#1971c2;stroke-width:2}
.sources{font-size:.9rem}code{font-size:.85rem;background:#f4f6fa;padding:0 .25rem;border-radius:3px}
`;
