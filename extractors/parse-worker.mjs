// Parses one untrusted spreadsheet or Word file inside a worker thread, and posts back plain data only.
// Plain JavaScript on purpose: Node 20 workers cannot load TypeScript without a loader, and this file must
// run the same under the CLI, the tests and a bare `node`.
import { parentPort, workerData } from 'node:worker_threads';

// Locked before any parser loads, so that a crafted file cannot add properties to every object
// (SheetJS 0.18.5 advisory GHSA-4r6h-8v6p-xvw6): a write to them fails instead. exceljs assigns
// `valueOf` on its own objects, which a frozen prototype forbids (the "override mistake"), so for it
// the prototypes only refuse new properties, which is what pollution adds.
const lock = workerData.job === 'xlsx' ? Object.preventExtensions : Object.freeze;
lock(Object.prototype);
lock(Array.prototype);

const ERRORS = { 0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A', 0x2b: '#GETTING_DATA' };

const { job, bytes, maxCells } = workerData;
const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
let cellCount = 0;
function countCell() {
  if (++cellCount > maxCells) throw new Error(`more than ${maxCells} cells`);
}

function dateText(d) {
  return d instanceof Date && !Number.isNaN(d.getTime()) ? d.toISOString().slice(0, 10) : '';
}

async function parseXls() {
  const XLSX = (await import('xlsx')).default;
  // Raw values only: no formatted text (`.w` is US-style), no HTML, no styles, no macros.
  const wb = XLSX.read(buffer, {
    type: 'buffer',
    cellFormula: true,
    cellHTML: false,
    cellText: false,
    cellNF: false,
    cellStyles: false,
    cellDates: false,
    bookVBA: false,
    sheetStubs: false,
    WTF: false,
  });
  const sheets = [];
  const warnings = [];
  for (const name of wb.SheetNames) {
    const ws = Object.hasOwn(wb.Sheets, name) || name === '__proto__' ? wb.Sheets[name] : undefined;
    if (!ws || typeof ws !== 'object' || Array.isArray(ws)) {
      // With Object.prototype frozen, SheetJS cannot store a sheet named like a built-in (`constructor`).
      warnings.push(`sheet ${JSON.stringify(String(name))} could not be read (its name is reserved)`);
      continue;
    }
    const cells = [];
    for (const key of Object.keys(ws)) {
      if (key[0] === '!') continue;
      const c = ws[key];
      if (!c || typeof c !== 'object') continue;
      const at = XLSX.utils.decode_cell(key);
      if (!(at.r >= 0 && at.c >= 0)) continue;
      countCell();
      const row = at.r + 1;
      const col = at.c + 1;
      if (c.f !== undefined && c.v === undefined) cells.push([row, col, 'f', null, '']);
      else if (c.t === 'n' && typeof c.v === 'number') cells.push([row, col, 'n', c.v, '']);
      else if (c.t === 's' && typeof c.v === 'string') cells.push([row, col, 's', null, c.v]);
      else if (c.t === 'b') cells.push([row, col, 'b', null, c.v ? 'TRUE' : 'FALSE']);
      else if (c.t === 'e') cells.push([row, col, 'e', null, ERRORS[c.v] ?? '#ERROR']);
      else if (c.t === 'd') cells.push([row, col, 'd', null, dateText(c.v)]);
    }
    const merges = Array.isArray(ws['!merges']) ? ws['!merges'].map((m) => [m.s.r + 1, m.s.c + 1, m.e.r + 1, m.e.c + 1]) : [];
    sheets.push({ name: String(name), cells, merges });
  }
  return { sheets, warnings };
}

function richText(v) {
  if (v && Array.isArray(v.richText)) return v.richText.map((t) => (t && typeof t.text === 'string' ? t.text : '')).join('');
  return typeof v === 'string' ? v : '';
}

function plainValue(row, col, v) {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return [row, col, 'n', v, ''];
  if (typeof v === 'string') return [row, col, 's', null, v];
  if (typeof v === 'boolean') return [row, col, 'b', null, v ? 'TRUE' : 'FALSE'];
  if (v instanceof Date) return [row, col, 'd', null, dateText(v)];
  if (typeof v === 'object') {
    if (typeof v.error === 'string') return [row, col, 'e', null, v.error];
    if ('formula' in v || 'sharedFormula' in v) {
      // Never evaluated: the cached result is the value, and without one there is no value.
      const cached = plainValue(row, col, v.result);
      return cached ?? [row, col, 'f', null, ''];
    }
    if (v.richText) return [row, col, 's', null, richText(v)];
    if ('text' in v) return [row, col, 's', null, richText(v.text)];
  }
  return null;
}

/**
 * exceljs makes a cell object for every cell a merge covers, before anything here sees them: one merge
 * `A2:XFD1048575` in a 1 KB file is 17 billion cells, gigabytes and minutes. A merge wider than any
 * table header is kept as its bounds only (the reader clips merges to the cells that exist); the
 * others count against the workbook's cell limit like the cells they are.
 */
const MAX_MERGE_CELLS = 10_000;

function boundMerges(ExcelJS) {
  const proto = Object.getPrototypeOf(new ExcelJS.Workbook().addWorksheet('probe'));
  const merge = proto._mergeCellsInternal;
  if (typeof merge !== 'function') throw new Error('exceljs changed: cannot bound merged ranges');
  const outsized = new WeakMap();
  proto._mergeCellsInternal = function (d, ignoreStyle) {
    const area = (d.bottom - d.top + 1) * (d.right - d.left + 1);
    if (!(area >= 1 && area <= MAX_MERGE_CELLS)) {
      const list = outsized.get(this) ?? [];
      list.push([d.top, d.left, d.bottom, d.right]);
      outsized.set(this, list);
      return;
    }
    for (let i = 1; i < area; i++) countCell();
    return merge.call(this, d, ignoreStyle);
  };
  return (ws) => outsized.get(ws) ?? [];
}

async function parseXlsx() {
  const ExcelJS = (await import('exceljs')).default;
  const outsizedMerges = boundMerges(ExcelJS);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer, { ignoreNodes: ['dataValidations', 'conditionalFormatting', 'extLst', 'hyperlinks', 'drawing', 'picture'] });
  const sheets = [];
  for (const ws of wb.worksheets) {
    const cells = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        // exceljs repeats a merged value in every cell of the merge: keep the top-left one only.
        if (cell.type === ExcelJS.ValueType.Merge) return;
        countCell();
        const plain = plainValue(r, c, cell.value);
        if (plain) cells.push(plain);
      });
    });
    const merges = Object.values(ws._merges ?? {}).map((m) => [m.model.top, m.model.left, m.model.bottom, m.model.right]);
    merges.push(...outsizedMerges(ws));
    // Columns the author hid (helper formulas, working figures): not part of the table a reader sees.
    const hidden = [];
    (ws.columns ?? []).forEach((column, i) => {
      if (column?.hidden) hidden.push(i + 1);
    });
    sheets.push({ name: String(ws.name), cells, merges, hidden });
  }
  return { sheets, warnings: [] };
}

async function parseDoc() {
  const WordExtractor = (await import('word-extractor')).default;
  const d = await new WordExtractor().extract(buffer);
  return { body: d.getBody(), footnotes: d.getFootnotes(), endnotes: d.getEndnotes() };
}

const JOBS = { xls: parseXls, xlsx: parseXlsx, doc: parseDoc };

try {
  const run = JOBS[job];
  if (!run) throw new Error(`unknown job ${job}`);
  parentPort.postMessage({ ok: true, result: await run() });
} catch (err) {
  let message = err instanceof Error ? err.message : String(err);
  // exceljs, for one, writes through a sheet named `__proto__` into Object.prototype: the lock stops it here.
  if (err instanceof TypeError && /not extensible|read[- ]only|Cannot assign|Cannot add property|Cannot define property/.test(message)) {
    message = `the file tried to modify built-in object prototypes (prototype pollution), blocked: ${message}`;
  }
  parentPort.postMessage({ ok: false, error: message.split('\n')[0].slice(0, 300) });
}
