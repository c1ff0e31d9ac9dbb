/**
 * The wording that decides what a number is: kinds, relations, label clean-up. Patterns run on the
 * lower-cased text with its diacritics: folding them away would confuse `đạt` (reached) with `đất`
 * (land), `tăng` (rise) with `tặng` (give), `trồng` (plant) with `trong` (in).
 * Data, not control flow: a new wording is one entry.
 */

/**
 * A word boundary before a phrase, as a lookbehind: `(?:^|[^\p{L}])` said the same for `test`, but V8 then
 * tries every position; with the lookbehind it scans for the phrase itself. Patterns built
 * with it are only ever tested (a match would not hold the character before).
 */
const B = '(?<![\\p{L}])';
const E = '(?![\\p{L}])';
const re = (s: string) => new RegExp(s, 'u');

/** Text right after a percent that names the plan it is measured against. */
export const AGAINST_PLAN = re(`^\\s*\\)?\\s*\\(?\\*?\\s*(?:so với\\s+|của\\s+|theo\\s+)?(?:kế hoạch|kh${E}|chỉ tiêu|dự toán|nghị quyết|mục tiêu)`);

/** `71% (chỉ tiêu đề ra là 80%)`: a parenthesis that states the target beside a result, not the base of a share. */
export const TARGET_STATED_AFTER = re(`^[\\s*]*\\(\\s*\\*?\\s*(?:chỉ tiêu|mục tiêu|kế hoạch)[^)]*?(?:${B}là|:)`);

/** Relation cues read from the words just before a number. */
export const RELATION_BEFORE: ReadonlyArray<{ re: RegExp; relation: 'over_plan' | 'change' | 'share'; sign?: -1 }> = [
  { re: re(`${B}vượt\\s*(?:mức\\s*)?$`), relation: 'over_plan' },
  { re: re(`${B}chiếm\\s*(?:khoảng\\s*|trên\\s*|gần\\s*)?$`), relation: 'share' },
  { re: re(`${B}(?:giảm|thấp hơn|ít hơn)\\s*(?:thêm\\s*|khoảng\\s*|trên\\s*|hơn\\s*)?$`), relation: 'change', sign: -1 },
  { re: re(`${B}(?:tăng|cao hơn|nhiều hơn)\\s*(?:thêm\\s*|khoảng\\s*|trên\\s*|hơn\\s*)?$`), relation: 'change' },
];

export const OVER_BEFORE = re(`${B}vượt\\s*(?:mức\\s*)?$`);
/** `vượt chỉ tiêu kế hoạch giao 0,58%` */
export const OVER_PLAN_BEFORE = re(`${B}vượt\\s+(?:chỉ tiêu\\s+)?(?:kế hoạch|kh)(?:\\s+(?:giao|đề ra|huyện giao|tỉnh giao))?\\s*$`);
/** `với (tổng) số tiền`, `trị giá`: an amount that belongs to the item counted before it. */
export const MONEY_OF_PREVIOUS = re(`(?:với|có)?\\s*((?:tổng\\s+)?(?:số tiền|kinh phí|trị giá|giá trị|số vốn))\\s*[,:]?\\s*(?:là|khoảng|trên|hơn|gần)?\\s*$`);
/** Money words that make a bare `4,3 triệu` an amount of đồng. */
export const MONEY_WORDS = re(`(?:số tiền|kinh phí|trị giá|giá trị|vốn|ngân sách|thu|chi)[^,;.]{0,40}$`);
export const REACHED_BEFORE = re(`${B}(?:đạt|vượt|bằng)\\s*$`);
export const SHARE_AFTER_RATIO = re(`^[\\s,]*(?:đạt|bằng|chiếm)\\s*$`);

/** `(cùng kỳ 30.000 người)`: the previous period's value written inline. */
export const PREVIOUS_BEFORE = re(`(?:cùng kỳ|năm trước)(?:\\s+năm\\s+(?:trước|\\d{4}))?\\s*(?:là|:|đạt)?\\s*$`);

/** Cues anywhere earlier in the clause. */
export const ESTIMATE_CUE = re(`${B}(?:ước|dự ước|dự kiến)${E}`);
export const CUMULATIVE_CUE = re(`${B}(?:lũy kế|luỹ kế|đến hết năm|tính đến|đến thời điểm|nâng tổng số)${E}`);
/** Not the end of a span of dates (`từ ngày 01/10/2025 đến ngày 31/10/2025`): a closed span is a flow, not a running total. */
const NOT_FROM_DATE = '(?<!từ\\s+ngày\\s+[\\d/.-]+\\s+)';

/**
 * Running totals (GLOSSARY: `cumulative`). `strong` cues make every count or amount after them in the
 * sentence a running total (`Từ đầu năm đến nay, tiếp nhận A hồ sơ, đã giải quyết B hồ sơ …`); `since`
 * is `từ ngày d/m/y đến nay`, a running total unless it starts on the first of the month reported on (then
 * it is that month's flow); `now` (`đến nay`) only where `đã` follows it (`Đến nay, đã cấp …`): without it
 * the sentence states a stock (`Đến nay, tổng số thủ tục là …`).
 */
export const RUNNING_TOTAL_CUES: ReadonlyArray<{ cue: 'strong' | 'since' | 'now'; re: RegExp }> = [
  {
    cue: 'strong',
    re: new RegExp(
      `${B}(?:từ đầu năm|lũy kế|luỹ kế|đến hết năm|nâng tổng số|tính\\s+(?:đến|tới)|${NOT_FROM_DATE}(?:đến|tới)\\s+(?:hết\\s+)?ngày\\s+\\d|(?:đến|tới)\\s+thời điểm)${E}`,
      'gu',
    ),
  },
  { cue: 'since', re: new RegExp(`${B}từ\\s+ngày\\s+(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})\\s*[/.-]\\s*(\\d{4})\\s+(?:đến|tới)\\s+nay${E}`, 'gu') },
  { cue: 'now', re: new RegExp(`${B}(?:đến|tới)\\s+nay${E}`, 'gu') },
];
/**
 * Work on a register's records (`cập nhật`, `làm sạch`, `xác thực` … data): with no period stated, what a
 * report before the year's end counts so is the register's content to date, a running total.
 */
export const REGISTER_WORK = re(`${B}(?:cập nhật|làm sạch|xác thực|số hóa|số hoá|thu thập|tạo lập|đồng bộ|làm giàu)${E}`);
/** What ends a running total's reach: a shorter period named after it (`…, trong tháng tiếp nhận …`). */
export const BOUNDED_PERIOD = re(`${B}(?:trong|của)\\s+(?:tháng|quý|kỳ)${E}|${B}(?:tháng|quý)\\s+(?:\\d|i|v)`);
/** The perfective `đã` that makes `đến nay` a running total. */
export const DONE = re(`${B}đã${E}`);
/** In the number's own clause after a weak cue: in progress or left over, not yet done (`đang triển khai 4`, `còn 12`). */
export const NOT_DONE = re(`${B}(?:đang|còn|chưa|sẽ|thời gian tới|sắp tới)${E}`);

/** `đạt tỷ lệ 95%`, `chiếm tỷ lệ 4%`: a portion whose rate is not named, so the portion of the count before it. */
export const SHARE_BEFORE = re(`${B}(?:đạt|chiếm|bằng)\\s+(?:tỷ lệ|tỉ lệ)\\s*(?:là\\s*|khoảng\\s*)?$`);
/** `đạt 75% trên tổng chi phí`: the whole it is a portion of, named after the percent. */
export const SHARE_BASE_AFTER = re(`^[\\s*)]*(?:trên|so với)\\s+(?:tổng|toàn bộ)${E}`);
/** `40% số quyết định …`: a percent of the number of something, a portion of that count. */
export const SHARE_OF_COUNT_AFTER = re(`^[\\s*]*số\\s+(?!lượng${E}|liệu${E})\\p{Ll}`);
/** A rate named before the number (`tỷ lệ hộ nghèo là 5%`): its value, not a portion of a count. */
export const RATE_NAMED = re(`${B}(?:tỷ lệ|tỉ lệ)${E}`);
/** `… 13 triệu đồng (đạt 8,4%)`: a bare share after an amount, of the plan or estimate (GLOSSARY, share of plan). */
export const REACHED_IN_PARENS = re(`\\(\\s*\\*?\\s*đạt\\s*$`);
export const CLOSES_PARENS = re(`^[\\s*]*\\)`);

/**
 * A target stated right before the number (eval convention 4): `chỉ tiêu đề ra là tối thiểu 80%`,
 * `phấn đấu đạt 50%`, `sẽ hoàn thành 100%`. Not `vượt chỉ tiêu 5%` (by how much it was passed).
 */
export const TARGET_BEFORE = re(
  `(?<![\\p{L}]|vượt\\s)(?:(?:chỉ tiêu|mục tiêu)(?:[\\s*]+(?:đề ra|được giao|giao|là|đạt|tối thiểu|tối đa|ít nhất|trên|từ))*|phấn đấu(?:[\\s*]+\\p{Ll}+){0,3}|sẽ\\s+(?:hoàn thành|đạt))[\\s*]*$`,
);

/**
 * A condition (`trường hợp dưới 70% thì …`, `nếu … thì …`, `chỉ cần … thì …`): the numbers of a rule quoted
 * beside a result are thresholds, not figures (eval convention 7). Not `400 trường hợp`, cases counted.
 */
export const CONDITION = new RegExp(`(?<![\\p{L}]|\\d\\s?)(?:trường hợp|nếu|chỉ cần)${E}`, 'u');
export const THEN = re(`${B}thì${E}`);

/**
 * The whole of an `a/b` pair that is a quota: what may not be exceeded (`không vượt quá … 9.548/9.976 biên
 * chế`) or what was allocated, said right after the pair (`(1.210/1.300 người) được giao`).
 */
export const QUOTA_BEFORE = re(`${B}không\\s+(?:được\\s+)?vượt\\s+quá${E}`);
export const QUOTA_AFTER = re(`^[\\s*)⁰¹²³⁴⁵⁶⁷⁸⁹]*(?:được\\s+)?(?:giao|phân bổ|phê duyệt)${E}`);

/** A list of tasks ahead (`Các nhiệm vụ trọng tâm trong thời gian tới: …`): what follows is planned. */
export const TASKS_AHEAD = re(`${B}(?:thời gian|tháng|quý|năm)\\s+(?:tới|sắp tới)\\s*:`);
/** `kinh phí … năm 2026 giao …`: an amount given (allocated), not spent. Not `bàn giao` (handed over) or `giao dịch`. */
export const ALLOCATED = re(`(?<![\\p{L}]|bàn\\s)giao(?!\\s*(?:dịch|thông|lưu|tiếp|thương|diện|ban|hàng|kết|quyền|nhận|ước|đất))${E}`);
/** Money words of a budget line (`kinh phí`, `vốn`, `chi …`, `dự toán`). */
export const BUDGET_WORDS = re(`${B}(?:kinh phí|vốn|chi|dự toán|ngân sách)${E}`);
/** Words that make an amount spent or moved rather than budgeted. */
export const SPENT_WORDS = re(`${B}(?:đã|giải ngân|thực hiện|chuyển nguồn|phân bổ|thanh toán|chi trả|ước|thu được|hoàn thành)${E}`);
/** A clause that announces its parts, ending a block whose next blocks are the items (`… là 300 triệu đồng. Trong đó:`). */
export const ANNOUNCES_PARTS = /(?:trong đó|bao gồm|gồm|cụ thể)\s*:?\s*$/iu;
/** A block that is an item of a list (`+ Chi …`, `- …`, `• …`). */
export const LIST_ITEM = /^\s*([-+•])/u;

export const AVERAGE_BEFORE = re(`${B}(?:bình quân|trung bình)(?:\\s+(?:năm|tháng|mỗi năm|hằng năm|hàng năm))?\\s*(?:đạt\\s*|là\\s*|khoảng\\s*)?$`);
export const PLAN_CUE = re(
  `${B}(?:kế hoạch|kh|chỉ tiêu|dự toán|phấn đấu|mục tiêu)(?:\\s+(?:vốn|giao|được giao|trong|năm|\\d{4}|tỉnh|huyện))*\\s*(?:là|:|đạt)?\\s*$`,
);
export const ACTUAL_WORDS = re(`${B}(?:đạt|thực hiện)${E}`);
export const YEAR_IN_TEXT = /năm (\d{4})/gu;
export const COMPARED_BEFORE = /so với(?:\s+(?:cùng kỳ|kế hoạch|kh|dự toán))?\s*$/u;

/** Words that close a label when they follow the number (`… 754,2ha chè⁵, trong đó …`). */
export const POST_LABEL_STOP = re(
  `^(?:đạt|tăng|giảm|so|với|cho|của|tại|trong|do|để|từ|và|là|được|bằng|chiếm|vượt|ước|năm|tháng|nhưng|như|gồm|theo|ở|đến|trên|hơn|khoảng|=|đã|đang|sẽ|thì|mà|nên)$`,
);

/** Leading words of a clause that carry no meaning for the label. */
export const LABEL_LEADERS = re(
  `^(?:[-+•*\\s]+|\\(?(?:[ivx]+|\\d+|[a-z])\\)\\.?\\s*|(?:trong đó|trong|cụ thể|gồm|đồng thời|và|nhưng|tuy nhiên|ngoài ra|riêng|còn|với|kết quả|có)(?![\\p{L}])[:,]?\\s*)`,
);

/** Trailing verbs between a label and its number (`sản lượng ước đạt`). */
const TRAILER_WORDS = [
  'ước đạt',
  'ước thực hiện',
  'ước tính',
  'dự ước',
  'ước',
  'đạt được',
  'đạt',
  'là',
  'có',
  'được',
  'khoảng',
  'trên',
  'hơn',
  'gần',
  'dưới',
  'chừng',
  'xấp xỉ',
  'hiện có là',
  'hiện có',
  'đạt khoảng',
  ':',
  '=',
];
export const LABEL_TRAILERS = re(`\\s*(?<![\\p{L}])(?:${TRAILER_WORDS.join('|')})\\s*$`);
/** The longest trailer: a match ends the text, so it starts within this many characters of its last non-space. */
export const LABEL_TRAILER_LONGEST = Math.max(...TRAILER_WORDS.map((w) => w.length));

/** Words that only say which measure (area, output, yield…) a number is, not of what. Folded (no diacritics). */
export const MEASURE_WORDS = [
  'dien tich',
  'san luong',
  'nang suat',
  'gia tri',
  'tong',
  'tong so',
  'so luong',
  'gieo trong',
  'gieo cay',
  'quy mo',
  'trong moi',
  'cham soc',
  'trien khai',
  'thuc hien',
  'hien co',
  'cho thu hoach',
  'thu hoach',
  'kinh phi',
  'tong kinh phi',
  'tiep tuc',
  'luy ke',
  'kh',
  'ke hoach',
  'cung ky',
  'du toan',
];

/** Words too generic to tie a footnote's number to the number it hangs on. Folded. */
export const GENERIC_WORDS = new Set([
  'cay',
  'dien',
  'tich',
  'san',
  'luong',
  'nang',
  'suat',
  'tong',
  'so',
  'gia',
  'tri',
  'trong',
  'moi',
  'cham',
  'soc',
  'trien',
  'khai',
  'tiep',
  'tuc',
  'thu',
  'hoach',
  'cho',
  'cua',
  'va',
  'cac',
  'nam',
  'ha',
  'dat',
]);

/** A measure word to add to a label that has none, from the unit (so `289,2ha` of maize reads "diện tích"). */
export const UNIT_MEASURE: Readonly<Record<string, string>> = {
  ha: 'diện tích',
  quintal_per_ha: 'năng suất',
  tonne: 'sản lượng',
};

/** A footnote body that itemizes the number it hangs on: `Trong đó …`, `Trong tổng số …`, `Gồm …`. */
export const ITEMIZING_START = /^[\s*(]*(?:trong đó|trong tổng số|trong \d|trong \(|bao gồm|gồm|cụ thể)/iu;

/** What announces the parts of a total: `…, trong đó: …`, `…, gồm: …`, `… (bao gồm …)`. */
export const BREAKDOWN = /(?<![\p{L}])(?:trong đó|bao gồm|gồm)(?![\p{L}])/giu;

/**
 * A numbered or lettered item that opens a clause of a list: `(1) …`, `2) …`, `a) …`, `(ii) …`. Matched
 * where it stands: at the start of the text or after a space or `;`, `:`, `.`, `,`.
 */
export const LIST_MARKER = /(?<=^|[\s;:.,*])\(?(?:\d{1,2}|[a-zđ]|[ivx]{1,4})\)(?=[\s*])/giu;

/** What joins one part of a list to the next inside a parenthesis: `(59 A và 24 B)`, `(12 A, 30 B; 7 C)`. */
export const PART_JOINER = /(?:^|[,;+]|(?<![\p{L}])(?:và|với))[\s*]*$/u;

/**
 * Words inside a parenthesis that make its numbers something other than the parts of the number before
 * it: a restatement (`tương đương`, `tức`), a relation (`đạt`, `tăng`, `so với`), a breakdown of its own.
 */
export const NOT_PARTS = re(
  `${B}(?:tương đương|tương ứng|tức|bằng|đạt|chiếm|tăng|giảm|vượt|so với|cùng kỳ|gấp|trong đó|trong số|gồm|bình quân|trung bình|lũy kế|luỹ kế)${E}`,
);

/**
 * Period wording (lower case, with diacritics), read by `pipeline/stages/period.ts`. Each cue names what
 * it states; the groups hold its numbers. Where a cue leaves out the year (`quý I`, `tháng 11`) or the
 * month (`trong tháng`, `từ đầu năm đến nay`), the document's own date fills it in.
 */
const YEAR_AFTER = '(?:\\s*(?:/|năm)\\s*(\\d{4}))?';
const DATE_NUMBERS = '(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})\\s*[/.-]\\s*(\\d{4})';
const DATE_WORDS = '(\\d{1,2})\\s+tháng\\s+(\\d{1,2})\\s+năm\\s+(\\d{4})';
export type PeriodCue =
  | 'school-year'
  | 'stage'
  | 'half'
  | 'first-months'
  | 'quarter'
  | 'this-quarter'
  | 'month'
  | 'this-month'
  | 'from-date-to-now'
  | 'date-range'
  | 'as-of-date'
  | 'year-to-date'
  | 'now'
  | 'year';
export const PERIOD_CUES: ReadonlyArray<{ cue: PeriodCue; re: RegExp }> = [
  { cue: 'school-year', re: new RegExp(`${B}(?:năm học|niên học)\\s+(\\d{4})\\s*[-–/]\\s*(\\d{4})`, 'gu') },
  {
    cue: 'stage',
    re: new RegExp(`${B}(?:giai đoạn|thời kỳ|nhiệm kỳ|kế hoạch)\\s+(?:từ\\s+)?(?:năm\\s+)?(\\d{4})\\s*(?:[-–]|đến(?:\\s+năm)?)\\s*(\\d{4})`, 'gu'),
  },
  { cue: 'half', re: new RegExp(`${B}(?:06|6|sáu)\\s+tháng\\s+(đầu|cuối)\\s+năm(?:\\s*(\\d{4}))?`, 'gu') },
  { cue: 'first-months', re: new RegExp(`${B}(\\d{1,2})\\s+tháng\\s+đầu\\s+năm(?:\\s*(\\d{4}))?`, 'gu') },
  { cue: 'quarter', re: new RegExp(`${B}quý\\s+(iv|i{1,3}|[1-4])${E}${YEAR_AFTER}`, 'gu') },
  { cue: 'this-quarter', re: new RegExp(`${B}(?:trong|của)\\s+quý(?:\\s+này)?(?!\\s*(?:iv|i{1,3}|[1-4])(?![\\p{L}\\d]))${E}`, 'gu') },
  { cue: 'from-date-to-now', re: new RegExp(`${B}từ\\s+ngày\\s+${DATE_NUMBERS}\\s+(?:đến|tới)\\s+(?:nay|thời điểm báo cáo)`, 'gu') },
  { cue: 'date-range', re: new RegExp(`${B}từ\\s+ngày\\s+${DATE_NUMBERS}\\s+(?:đến|tới)\\s+(?:hết\\s+)?ngày\\s+${DATE_NUMBERS}`, 'gu') },
  { cue: 'as-of-date', re: new RegExp(`${B}(?:tính\\s+)?(?:đến|tới)\\s+(?:hết\\s+)?ngày\\s+(?:${DATE_NUMBERS}|${DATE_WORDS})`, 'gu') },
  { cue: 'month', re: new RegExp(`${B}tháng\\s+(\\d{1,2})(?![\\d/.-]*\\d)${YEAR_AFTER}|${B}tháng\\s+(\\d{1,2})\\s*/\\s*(\\d{4})`, 'gu') },
  { cue: 'this-month', re: new RegExp(`${B}(?:trong|của)\\s+tháng(?:\\s+này)?(?!\\s*\\d)${E}`, 'gu') },
  {
    cue: 'year-to-date',
    re: new RegExp(`${B}(?:từ đầu năm(?:\\s+(\\d{4}))?(?:\\s+(?:đến|tới)\\s+(?:nay|thời điểm báo cáo|thời điểm hiện tại))?|lũy kế|luỹ kế)${E}`, 'gu'),
  },
  { cue: 'now', re: new RegExp(`${B}(?:đến nay|tới nay|hiện nay|đến thời điểm báo cáo|đến thời điểm hiện tại|tính đến thời điểm này)${E}`, 'gu') },
  { cue: 'year', re: new RegExp(`${B}năm\\s+(\\d{4})(?![\\d/-])`, 'gu') },
];
/** Right before a period that is only compared against (`so với quý I/2025`, `cùng kỳ năm 2025`). */
export const PERIOD_COMPARED_BEFORE = /(?:so với|cùng kỳ|bằng|hơn)(?:\s+(?:cùng kỳ|kế hoạch|kh|dự toán))?\s*$/u;
