import { formatVi } from '../extractors/vn-number.ts';
import { periodWords } from '../schema/period.ts';
import type { MismatchView, ReviewedFact } from '../store/reviews.ts';

/**
 * The review page: every mismatch as a card with the sentence its numbers came from (numbers marked),
 * the arithmetic (expected, found, difference, tolerance), and accept / correct / reject controls.
 * Keyboard: j/k move, a accept, c correct (type the number, Enter), r reject. Self-contained: no assets,
 * no external requests; decisions go to the local server's JSON API.
 */
export function renderReviewPage(mismatches: readonly MismatchView[], options: { reviewer: string; title?: string }): string {
  const cards = mismatches.map(renderCard).join('\n');
  const open = mismatches.filter((m) => m.status === 'open').length;
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(options.title ?? 'baocao: rà soát số liệu')}</title>
<style>
body { font: 15px/1.45 system-ui, sans-serif; margin: 0; background: #f6f6f3; color: #222; }
header { position: sticky; top: 0; background: #fff; border-bottom: 1px solid #ddd; padding: .6rem 1rem; z-index: 1; }
header kbd { border: 1px solid #bbb; border-radius: 3px; padding: 0 .3em; background: #fafafa; font-size: 12px; }
main { max-width: 62rem; margin: 0 auto; padding: 1rem; }
.card { background: #fff; border: 1px solid #ddd; border-left: 5px solid #c33; border-radius: 6px; padding: .8rem 1rem; margin: 0 0 .9rem; }
.card.selected { outline: 3px solid #36c; }
.card[data-status="accepted"] { border-left-color: #3a3; opacity: .75; }
.card[data-status="corrected"] { border-left-color: #36c; opacity: .75; }
.card[data-status="rejected"] { border-left-color: #888; opacity: .75; }
.scan { margin: .5rem 0; } .scan img { max-width: 100%; border: 1px solid #bbb; background: #fff; } .scan figcaption { font-size: .85rem; color: #555; }
.meta { font-size: 12px; color: #666; }
.type { font-weight: 600; text-transform: uppercase; font-size: 11px; letter-spacing: .05em; background: #eee; padding: .1em .4em; border-radius: 3px; }
.sentence { background: #fbfaf4; border: 1px solid #eee; padding: .4rem .6rem; margin: .4rem 0; border-radius: 4px; }
mark { background: #ffe066; padding: 0 .1em; border-radius: 2px; }
mark.primary { background: #ff9f80; }
table.arith { border-collapse: collapse; margin: .3rem 0; }
table.arith td, table.arith th { border: 1px solid #ddd; padding: .15rem .5rem; text-align: right; }
.controls { display: flex; gap: .5rem; align-items: center; flex-wrap: wrap; margin-top: .4rem; }
.controls button { font: inherit; padding: .2rem .8rem; border-radius: 4px; border: 1px solid #999; background: #fff; cursor: pointer; }
.controls input { font: inherit; width: 10rem; }
.decision { font-size: 13px; color: #245; }
.facts { font-size: 13px; margin: .2rem 0 0 1rem; padding: 0; }
</style>
</head>
<body>
<header>
<strong>Rà soát số liệu</strong> · <span id="count">${open}</span> mục chưa xử lý · người rà soát: <span id="reviewer">${esc(options.reviewer)}</span>
· <kbd>j</kbd>/<kbd>k</kbd> chuyển · <kbd>a</kbd> chấp nhận · <kbd>c</kbd> sửa · <kbd>r</kbd> loại bỏ
</header>
<main id="list">
${cards || '<p id="empty">Không có mục nào cần rà soát.</p>'}
</main>
<script>
${SCRIPT}
</script>
</body>
</html>
`;
}

function renderCard(m: MismatchView, index: number): string {
  const primary = m.factIds[0];
  const target = m.facts.find((f) => f.id === primary) ?? m.facts[0];
  return `<section class="card" id="m-${esc(m.id)}" data-id="${esc(m.id)}" data-status="${esc(m.status)}" data-index="${index}" tabindex="-1">
<div class="meta"><span class="type">${esc(m.type)}</span> · <code>${esc(m.id.slice(0, 12))}</code> · ${esc(basename(m.file))}${m.source?.page ? ` · trang ${m.source.page}` : ''} · <span class="status">${esc(statusWord(m.status))}</span></div>
<p class="message">${esc(m.message)}</p>
${renderSentences(m)}
${renderArithmetic(m)}
${renderScans(m)}
<ul class="facts">${m.facts.map((f) => `<li>${esc(f.indicator)}: <b>${esc(f.raw.trim())}</b>${f.correctedValue !== null ? ` → sửa thành <b class="corrected">${esc(fmt(f.correctedValue))}</b>` : ''} <span class="meta">(${esc(f.kind)}, ${esc(whenOf(f))}, ${esc(statusWord(f.status))})</span></li>`).join('')}</ul>
<div class="controls">
<button type="button" data-action="accept" title="a">Chấp nhận</button>
<label>Giá trị đúng <input type="text" name="value" inputmode="decimal" value="${esc(target ? fmt(target.value) : '')}" data-fact="${esc(target?.id ?? '')}"></label>
<button type="button" data-action="correct" title="c">Sửa</button>
<button type="button" data-action="reject" title="r">Loại bỏ</button>
<span class="decision">${m.decisions.length ? esc(decisionText(m)) : ''}</span>
</div>
</section>`;
}

/** One block per sentence, every number of the mismatch marked (the one it is mainly about in another colour). */
function renderSentences(m: MismatchView): string {
  const bySentence = new Map<string, ReviewedFact[]>();
  for (const f of m.facts) {
    const key = `${f.source.block}:${f.source.text}`;
    bySentence.set(key, [...(bySentence.get(key) ?? []), f]);
  }
  if (bySentence.size === 0 && m.source) return `<div class="sentence">${esc(m.source.text)}</div>`;
  return [...bySentence.values()]
    .map((facts) => {
      const text = facts[0]!.source.text;
      const spans = facts
        .filter((f) => f.source.textStart !== undefined && f.source.textEnd !== undefined && f.source.textEnd <= text.length)
        .map((f) => ({ start: f.source.textStart!, end: f.source.textEnd!, primary: f.id === m.factIds[0] }))
        .sort((a, b) => a.start - b.start)
        .filter((s, i, all) => i === 0 || s.start >= all[i - 1]!.end);
      let html = '';
      let at = 0;
      for (const s of spans) {
        html += `${esc(text.slice(at, s.start))}<mark${s.primary ? ' class="primary"' : ''}>${esc(text.slice(s.start, s.end))}</mark>`;
        at = s.end;
      }
      return `<div class="sentence">${html + esc(text.slice(at))}</div>`;
    })
    .join('\n');
}

function renderArithmetic(m: MismatchView): string {
  if (m.expected === null && m.found === null) return '';
  return `<table class="arith"><tr><th>Kỳ vọng</th><th>Ghi trong báo cáo</th><th>Chênh lệch</th><th>Sai số cho phép</th></tr>
<tr><td class="expected">${esc(fmt(m.expected))}</td><td class="found">${esc(fmt(m.found))}</td><td class="difference">${esc(fmt(m.difference))}</td><td class="tolerance">±${esc(fmt(m.tolerance))}</td></tr></table>`;
}

function decisionText(m: MismatchView): string {
  const d = [...m.decisions].sort((a, b) => b.decidedAt.localeCompare(a.decidedAt))[0]!;
  return `${d.reviewer} · ${d.action}${d.value !== null ? ` ${fmt(d.value)}` : ''} · ${d.decidedAt.slice(0, 16).replace('T', ' ')}`;
}

function statusWord(s: string): string {
  return (
    ({ open: 'chưa xử lý', ok: 'ok', flagged: 'cần rà soát', accepted: 'đã chấp nhận', corrected: 'đã sửa', rejected: 'đã loại bỏ' } as Record<string, string>)[
      s
    ] ?? s
  );
}

function fmt(n: number | null): string {
  return n === null || !Number.isFinite(n) ? '—' : formatVi(n, 6);
}

function basename(file: string): string {
  return file.split(/[\\/]/).at(-1) ?? file;
}

export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Client side: selection, shortcuts, and decisions posted as JSON (a cross-site form cannot send JSON). */
const SCRIPT = String.raw`
(() => {
  const cards = () => [...document.querySelectorAll('.card')];
  let current = 0;
  const select = (i) => {
    const list = cards();
    if (list.length === 0) return;
    current = Math.max(0, Math.min(list.length - 1, i));
    list.forEach((c, k) => c.classList.toggle('selected', k === current));
    list[current].scrollIntoView({ block: 'nearest' });
  };
  const parseNumber = (text) => {
    const s = text.trim().replace(/\s/g, '');
    if (/,/.test(s)) return Number(s.replace(/\./g, '').replace(',', '.'));
    if (/^-?\d{1,3}(\.\d{3})+$/.test(s)) return Number(s.replace(/\./g, ''));
    return Number(s);
  };
  const refreshCount = () => {
    document.getElementById('count').textContent = String(cards().filter((c) => c.dataset.status === 'open').length);
  };
  const decide = async (card, action) => {
    const body = { action };
    if (action === 'correct') {
      const input = card.querySelector('input[name=value]');
      const value = parseNumber(input.value);
      if (!Number.isFinite(value)) { input.focus(); input.select(); return; }
      body.value = value;
      body.factId = input.dataset.fact || undefined;
    }
    card.querySelector('.decision').textContent = '…';
    const res = await fetch('/api/mismatches/' + encodeURIComponent(card.dataset.id) + '/decision', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
    });
    const out = await res.json();
    if (!res.ok) { card.querySelector('.decision').textContent = out.error || 'lỗi'; return; }
    // back to the shortcuts: a reviewer goes on with j/k/a/c/r without reaching for the mouse
    if (document.activeElement instanceof HTMLInputElement) document.activeElement.blur();
    card.dataset.status = out.status;
    card.querySelector('.status').textContent = out.statusText;
    card.querySelector('.decision').textContent = out.decisionText;
    refreshCount();
    select(current + 1);
  };
  document.addEventListener('click', (e) => {
    const b = e.target.closest('button[data-action]');
    if (!b) return;
    const card = b.closest('.card');
    select(cards().indexOf(card));
    decide(card, b.dataset.action);
  });
  document.addEventListener('keydown', (e) => {
    const inInput = e.target instanceof HTMLInputElement;
    const card = cards()[current];
    if (inInput) {
      if (e.key === 'Enter') { e.preventDefault(); decide(e.target.closest('.card'), 'correct'); }
      if (e.key === 'Escape') { e.target.blur(); }
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey || !card) return;
    if (e.key === 'j') select(current + 1);
    else if (e.key === 'k') select(current - 1);
    else if (e.key === 'a') decide(card, 'accept');
    else if (e.key === 'r') decide(card, 'reject');
    else if (e.key === 'c') { e.preventDefault(); const i = card.querySelector('input[name=value]'); i.focus(); i.select(); }
    else return;
  });
  select(0);
})();
`;

/** The period in the report's words (`quý I/2026`), so a reviewer sees a quarter is not the year. */
function whenOf(f: ReviewedFact): string {
  return f.period !== null ? periodWords(f.period) : f.year === null ? '—' : String(f.year);
}

/** For numbers read by OCR: the region of the scan they came from, and how sure OCR was, so the digits can be read off the page. */
function renderScans(m: MismatchView): string {
  return m.facts
    .filter((f) => f.source.ocr && f.source.page !== undefined)
    .map(
      (f) =>
        `<figure class="scan"><img src="/crop/${esc(m.id)}/${esc(f.id)}.png" alt="${esc(`bản quét trang ${f.source.page}: ${f.raw.trim()}`)}" loading="lazy"><figcaption>Bản quét, trang ${f.source.page}: OCR đọc «${esc(f.raw.trim())}», độ tin cậy ${esc(formatVi(f.source.ocr!.confidence, 1))}%</figcaption></figure>`,
    )
    .join('');
}
