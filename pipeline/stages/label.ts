import { fold } from '../../extractors/clean-text.ts';

/**
 * What makes a label one a reader would write: words that say what is counted or measured, not the
 * connectives, relation words and dates that sit beside a number. The rules here read punctuation and
 * cue words only; extract.ts decides where a label's words come from.
 */

/**
 * Syllables that carry no content on their own (folded): connectives, prepositions, relation verbs,
 * aspect markers, time words. `so` stands for both `số` (number) and `so` (compared): neither names a thing.
 */
const FUNCTION_SYLLABLES = new Set([
  'va',
  'hoac',
  'cua',
  'cac',
  'nhung',
  'mot',
  'moi',
  'tren',
  'duoi',
  'voi',
  'cho',
  'tai',
  'o',
  'trong',
  'theo',
  'den',
  'tu',
  'so',
  'la',
  'thi',
  'ma',
  'de',
  'da',
  'dang',
  'se',
  'duoc',
  'bi',
  'nay',
  'do',
  've',
  'nhu',
  'hon',
  'khoang',
  'gan',
  'dat',
  'tang',
  'giam',
  'bang',
  'chiem',
  'vuot',
  'uoc',
  'nam',
  'thang',
  'quy',
  'ngay',
  'tong',
  'hien',
  'deu',
  'con',
  'co',
  'khi',
  'sau',
  'truoc',
  'tinh',
  'toan',
]);

/** The folded syllables of a label that name something: neither function words nor numbers. */
export function contentWords(label: string): string[] {
  return fold(label)
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '' && !/\d/.test(w) && !FUNCTION_SYLLABLES.has(w));
}

/** A label an analyst can read: at least two syllables that name something. */
export function saysSomething(label: string): boolean {
  return contentWords(label).length >= 2;
}

const L = '(?<![\\p{L}])';
const R = '(?![\\p{L}])';

/**
 * An adverbial that opens a clause before its subject, up to its comma: a time (`Trong quý,`, `Từ ngày
 * 02/3/2020 đến nay,`, `Tính đến ngày …,`) or a connective (`Theo đó,`, `Ngoài ra,`). Short, so a
 * subject with a comma of its own is not taken for one.
 */
const OPENING_ADVERBIAL = new RegExp(
  `^(?:(?:trong|của)\\s+(?:tháng|quý|năm|kỳ|tuần|đợt)|từ đầu|từ ngày|từ tháng|tính đến|tính từ|đến nay|đến ngày|đến hết|hiện nay|hiện tại|theo đó|ngoài ra|bên cạnh đó|đồng thời|qua đó|nhìn chung|cụ thể|tuy nhiên|mặt khác|(?:quý|tháng|kỳ|tuần|đợt)(?:\\s+này)?(?=\\s*,)|\\d+\\s+tháng|sáu tháng|năm\\s+\\d{4}|quý\\s+[ivx\\d]+|tháng\\s+\\d+)${R}[^,;:]{0,48},\\s*`,
  'iu',
);

/** Words a label does not start with: connectives and aspect words a cut beside a number leaves. */
const LEADING_DANGLE = new RegExp(
  `^(?:và|hoặc|hay|cùng với|của|cho|với|tại|ở|là|thì|mà|còn|nhưng|đều|trong đó|bao gồm|gồm|cụ thể|đồng thời|ngoài ra|theo đó|qua đó|bên cạnh đó|toàn tỉnh|toàn huyện|toàn thành phố)${R}[\\s,:;–-]*`,
  'iu',
);

/** Words a label does not end with: a conjunction, preposition or aspect word whose phrase was cut off. */
const TRAILING_DANGLE = new RegExp(
  `[\\s,:;–-]*${L}(?:và|hoặc|hay|của|các|những|(?<!cấp\\s)trên|(?<!cấp\\s)dưới|với|cho|tại|ở|về|đối với|là|thì|mà|để|bị|được|đã|đang|sẽ|đều|(?<!(?:chứng|địa)\\s)chỉ|theo|từ|đến|trong|khoảng|gần|hơn|tổng|đạt|bằng|chiếm)\\s*$`,
  'iu',
);

/** A date a figure runs to, closing a label (`Tổng thu đến ngày 05/6/2030`): the period says it. */
const TRAILING_DATE = new RegExp(
  `\\s*${L}(?:tính\\s+)?(?:đến|tới)\\s+(?:hết\\s+)?(?:ngày\\s+\\d{1,2}\\s*[/.-]\\s*\\d{1,2}(?:\\s*[/.-]\\s*\\d{2,4})?|nay|thời điểm báo cáo)\\s*$`,
  'iu',
);

/** A label that opens on the base of a share (`trên tổng …`, `so với …`): it names the whole, not the number. */
const NAMES_A_BASE = new RegExp(`^(?:trên|so với|bằng|/)${R}`, 'iu');

/** Longest label kept, in words: the label is for an analyst's table. */
export const LABEL_MAX_WORDS = 16;

/**
 * A label without what a reader would not write: the opening adverbials, `trên địa bàn tỉnh`, and the
 * connectives left dangling at either end; the parts of a joined label (`A – B`) each so.
 */
export function tidyLabel(label: string): string {
  if (label.includes(' – ')) {
    return label
      .split(' – ')
      .map(tidyLabel)
      .filter((p) => p !== '')
      .join(' – ');
  }
  let s = label.trim();
  for (let guard = 0; guard < 6; guard++) {
    const before = s;
    s = s.replace(OPENING_ADVERBIAL, '').replace(LEADING_DANGLE, '').replace(TRAILING_DATE, '').replace(TRAILING_DANGLE, '').trim();
    if (s === before) break;
  }
  return s.replace(/^[\s,;:.–-]+|[\s,;:(–-]+$/gu, '');
}

/** The first `n` words: a subject comes first and what qualifies it after, so the head is what to keep. */
export function headWords(s: string, n = LABEL_MAX_WORDS): string {
  const ws = s.split(' ');
  if (ws.length <= n) return s;
  let out = ws.slice(0, n).join(' ');
  for (let guard = 0; guard < 4; guard++) {
    const cut = out.replace(TRAILING_DANGLE, '');
    if (cut === out) break;
    out = cut;
  }
  return out.replace(/[\s,;:(–-]+$/u, '');
}

/** A label that does not name the number: no content word, or a base of a share (`trên tổng chi phí`). */
export function isFragment(label: string): boolean {
  return contentWords(label).length === 0 || NAMES_A_BASE.test(label.trim());
}

/** Where the words that state the figure start: the verb or relation between a subject and its number. */
const PREDICATE = new RegExp(
  `${L}(?:ước đạt|đạt|là|bằng|chiếm|tăng|giảm|vượt|ước|gồm|bao gồm|trong đó|so với|với tổng số|với số|lên|còn|được giao|giao)${R}|[\\d(:]`,
  'iu',
);

/** A list item's marker or bullet at the start of a clause: `(2) `, `b) `, `- `, `+ `. */
const ITEM_MARK = /^[\s*_]*(?:[-+•–]\s*|\(?(?:\d{1,2}|[a-zđ]|[ivx]{1,4})\)\s*)*[\s*_]*/iu;

/**
 * The subject a clause opens with, before the words that state its figure (`Số hộ nghèo giảm …` →
 * `Số hộ nghèo`), past its list marker and an opening time or connective; '' when the clause opens with
 * a verb's object cut short or names nothing.
 */
export function clauseSubject(clause: string): string {
  let s = clause.replace(ITEM_MARK, '');
  const colon = s.indexOf(':');
  // `Đối với lĩnh vực A: …`: what comes after the lead-in's colon is the clause itself
  if (colon >= 0 && colon < s.length - 1) s = s.slice(colon + 1);
  s = s.replace(/[*_]/g, '').replace(/\s+/g, ' ').trim();
  for (let guard = 0; guard < 4; guard++) {
    const cut = s.replace(OPENING_ADVERBIAL, '').replace(LEADING_DANGLE, '');
    if (cut === s) break;
    s = cut;
  }
  const stop = s.search(PREDICATE);
  if (stop >= 0) s = s.slice(0, stop);
  const out = headWords(tidyLabel(s));
  return isFragment(out) || contentWords(out).length < 2 ? '' : out;
}

/**
 * The phrase a parenthesis glosses, right before it, after the last relation word (`không vượt quá số
 * lượng biên chế (…)` → `số lượng biên chế`); '' when it names a base or nothing.
 */
export function phraseBefore(text: string): string {
  const seg = text.split(/[,;:()]|\.\s|[\d][\d.,]*\s*%?/u).at(-1) ?? '';
  const parts = seg.split(new RegExp(`${L}(?:đạt|là|bằng|chiếm|tăng|giảm|vượt quá|vượt|ước|so với)${R}`, 'iu'));
  const last = tidyLabel((parts.at(-1) ?? '').replace(/[*_]/g, '').replace(/\s+/g, ' ').trim());
  if (isFragment(last) || contentWords(last).length < 2) return '';
  return headWords(last, 10);
}

/** What a share of plan or a comparison is measured against, right after its number (`bằng 91% dự toán …`). */
const BASE_AFTER = new RegExp(`^[\\s*)⁰¹²³⁴⁵⁶⁷⁸⁹]*(?:so với\\s+|của\\s+)?((?:kế hoạch|dự toán|chỉ tiêu|mục tiêu|nghị quyết)${R}[^,;.()\\d]{0,60})`, 'iu');
/** Words that leave a plan as plain as it was (`kế hoạch giao`, `chỉ tiêu đề ra`). */
const PLAIN_PLAN = new Set(['ke', 'hoach', 'du', 'chi', 'tieu', 'muc', 'nghi', 'quyet', 'giao', 'ra', 'duoc']);

/**
 * The base a relation is measured against when the report says which one (`dự toán cấp trên`, `chỉ
 * tiêu phấn đấu`), so two shares of one figure read apart; '' for a plain plan or none.
 */
export function baseAfter(after: string): string {
  const m = BASE_AFTER.exec(after);
  if (!m?.[1]) return '';
  const words = m[1].replace(/\s+/g, ' ').trim();
  const verb = words.search(new RegExp(`\\s${L}(?:tăng|giảm|đạt|bằng|vượt|chiếm)${R}`, 'iu'));
  const phrase = headWords(tidyLabel(verb > 0 ? words.slice(0, verb) : words), 6);
  return contentWords(phrase).some((w) => !PLAIN_PLAN.has(w)) ? phrase : '';
}

/** Syllables of a lead-in that say a list follows, not what it lists. Folded. */
const LEAD_GENERIC = new Set(['ket', 'qua', 'hinh', 'cong', 'tac', 'thuc', 'noi', 'dung', 'cu', 'the', 'chu', 'yeu']);

/** A block that is an item under the one before: a bullet or a list marker. */
const ITEM_BLOCK = /^[\s*_]*(?:[-+•–]|\(?(?:\d{1,2}|[a-zđ])\))/iu;
/** How a lead-in announces its list: `…, cụ thể như sau:`, `… gồm:`. */
const ANNOUNCES = new RegExp(`[\\s,]*(?:${L}(?:cụ thể|như sau|sau đây|bao gồm|gồm|trong đó|gồm có)${R}[\\s,]*)+$`, 'iu');

/**
 * What a paragraph leaves for the bullets under it: a lead-in sentence that ends with a colon gives its
 * subject (`Kết quả tiêm phòng như sau:` → `Kết quả tiêm phòng`); a bullet keeps the one it is under;
 * any other paragraph ends the list. Null when there is none, or it names nothing.
 */
export function leadInAfter(text: string, previous: string | null): string | null {
  const t = text.trim();
  if (t.endsWith(':')) {
    const sentence =
      t
        .slice(0, -1)
        .split(/[.;]\s/u)
        .at(-1) ?? '';
    const subject = clauseSubject(`${sentence.replace(ANNOUNCES, '')} `);
    // `Kết quả:`, `Tình hình thực hiện:` announce a list without saying of what
    const says = contentWords(subject).filter((w) => !LEAD_GENERIC.has(w)).length >= 2;
    return says ? headWords(subject, 10) : previous;
  }
  return ITEM_BLOCK.test(t) ? previous : null;
}

/** A heading's numbering: `2.`, `II.`, `1.2.`, `a)`. */
const HEADING_NUMBER = /^[\s*_]*(?:(?:[ivxlc]+|\d+)(?:\.\d+)*[.)]|[a-zđ]\))\s*/iu;

/** A heading as the label of a figure whose words name nothing: without its numbering, colon and closing aside, short. */
export function headingLabel(heading: string): string {
  const s = heading
    .replace(HEADING_NUMBER, '')
    .replace(/\s*\([^()]*\)\s*:?\s*$/u, '')
    .replace(/[\s:]+$/u, '')
    .trim();
  if (s === '') return heading.trim();
  // a long heading lists its topics: the first one, or its words up to a comma
  const first = s.split(/\s*;\s*/u)[0]!;
  const head = headWords(first, 12);
  const comma = head.lastIndexOf(',');
  return head !== first && comma > 0 ? head.slice(0, comma) : head;
}
