/**
 * Text that a signed PDF draws inside its widget annotations: e-signature software stamps a document's
 * number and day into the blanks of its header (`Số:      /BC-UBND`, `ngày      tháng`) as the
 * appearance of a signature field, which pdf.js's `getTextContent` leaves out (it reads the page's own
 * content stream only). The operator list with annotations enabled holds those appearances; this walks
 * it with just enough of the graphics state to say where each run of text lands on the page.
 */

/** A run of text in page space, as the PDF reader's items are. */
export interface StampItem {
  str: string;
  x: number;
  y: number;
  w: number;
  size: number;
}

export interface OperatorList {
  fnArray: number[];
  argsArray: unknown[][];
}

/** The pdf.js operator codes this walk needs, by name (pdfjs `OPS`). */
export type Ops = Record<
  | 'beginAnnotation'
  | 'endAnnotation'
  | 'save'
  | 'restore'
  | 'transform'
  | 'paintFormXObjectBegin'
  | 'paintFormXObjectEnd'
  | 'beginText'
  | 'setTextMatrix'
  | 'moveText'
  | 'setFont'
  | 'showText',
  number
>;

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** `m` then `n`: a point goes through m first (PDF's row-vector order, as `cm` composes). */
function times(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

function matrixOf(v: unknown): Matrix | undefined {
  if (v === null || typeof v !== 'object') return undefined;
  const a = v as ArrayLike<number>;
  const m = [0, 1, 2, 3, 4, 5].map((i) => Number(a[i]));
  return m.every(Number.isFinite) ? (m as Matrix) : undefined;
}

interface Glyph {
  unicode?: string;
  width?: number;
}

/** The text of every annotation appearance in the operator list, placed on the page. */
export function stampItems(list: OperatorList, ops: Ops): StampItem[] {
  const out: StampItem[] = [];
  let depth = 0;
  let ctm: Matrix = IDENTITY;
  const stack: Matrix[] = [];
  let line: Matrix = IDENTITY;
  let text: Matrix = IDENTITY;
  let fontSize = 0;
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] ?? [];
    if (fn === ops.beginAnnotation) {
      if (depth === 0) {
        stack.length = 0;
        // pdf.js hands the matrix that maps the appearance's box onto the annotation's rectangle.
        ctm = times(matrixOf(args[3]) ?? IDENTITY, matrixOf(args[2]) ?? IDENTITY);
      }
      depth++;
      continue;
    }
    if (fn === ops.endAnnotation) {
      depth = Math.max(0, depth - 1);
      continue;
    }
    if (depth === 0) continue;
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform) ctm = times(matrixOf(args) ?? IDENTITY, ctm);
    else if (fn === ops.paintFormXObjectBegin) {
      stack.push(ctm);
      ctm = times(matrixOf(args[0]) ?? IDENTITY, ctm);
    } else if (fn === ops.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === ops.beginText) line = text = IDENTITY;
    else if (fn === ops.setTextMatrix) line = text = matrixOf(args[0]) ?? matrixOf(args) ?? IDENTITY;
    else if (fn === ops.moveText) {
      line = times([1, 0, 0, 1, Number(args[0]) || 0, Number(args[1]) || 0], line);
      text = line;
    } else if (fn === ops.setFont) fontSize = Number(args[1]) || 0;
    else if (fn === ops.showText && Array.isArray(args[0])) {
      let str = '';
      let advance = 0;
      for (const g of args[0] as (Glyph | number | null)[]) {
        if (typeof g === 'number') advance -= (g * fontSize) / 1000;
        else if (g) {
          str += g.unicode ?? '';
          advance += ((g.width ?? 0) * fontSize) / 1000;
        }
      }
      const at = times(text, ctm);
      const scale = Math.hypot(at[2], at[3]);
      if (str.trim() && fontSize > 0) out.push({ str, x: at[4], y: at[5], w: advance * Math.hypot(at[0], at[1]), size: fontSize * scale });
      text = times([1, 0, 0, 1, advance, 0], text);
    }
  }
  return out;
}

/**
 * Each stamp goes into the page's items where it was drawn: after the nearest item that ends at its left
 * on its baseline (before the nearest at its right when none does), so it joins the line it fills in.
 */
export function placeStamps<T extends StampItem>(items: T[], stamps: T[]): T[] {
  const out = [...items];
  for (const s of stamps) {
    const same = (it: T) => Math.abs(it.y - s.y) <= 0.3 * Math.max(it.size, s.size);
    let at = -1;
    out.forEach((it, k) => {
      if (same(it) && it.x + it.w <= s.x + 0.5 && (at < 0 || it.x + it.w > out[at]!.x + out[at]!.w)) at = k;
    });
    if (at >= 0) {
      out.splice(at + 1, 0, s);
      continue;
    }
    let right = -1;
    out.forEach((it, k) => {
      if (same(it) && it.x >= s.x && (right < 0 || it.x < out[right]!.x)) right = k;
    });
    if (right >= 0) out.splice(right, 0, s);
    else out.push(s);
  }
  return out;
}
