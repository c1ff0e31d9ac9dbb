import { describe, expect, it } from 'vitest';
import { findTables, type TableItem, type TableLine } from '../../extractors/pdf-tables.ts';

/** A line at baseline `y` of pieces `[x, text]`, each about half a size wide a character. */
function line(y: number, pieces: [number, string][], size = 10): TableLine {
  const items: TableItem[] = [];
  for (const [x, text] of pieces) {
    // one item a word, a space apart, as renderers split them
    let at = x;
    for (const word of text.split(' ')) {
      items.push({ str: word, x: at, y, w: 0.5 * size * word.length, size });
      at += 0.5 * size * word.length + 0.3 * size;
    }
  }
  return { items, y, size };
}

const rowsOf = (lines: TableLine[]) => findTables(lines).map((t) => t.rows);

describe('findTables', () => {
  it('reads a table of one-line rows under a header into cells, empty where a column has none', () => {
    const lines = [
      line(700, [
        [60, 'Mục'],
        [200, 'Quý một'],
        [300, 'Quý hai'],
      ]),
      line(686, [
        [60, 'Hạt trốc'],
        [200, '12,5'],
        [300, '14'],
      ]),
      line(672, [
        [60, 'Lá brin'],
        [200, '7'],
        [300, ''],
      ]),
      line(658, [
        [60, 'Rễ quanh'],
        [200, '3,25'],
        [300, '4,5'],
      ]),
    ];
    expect(rowsOf(lines)).toEqual([
      [
        ['Mục', 'Quý một', 'Quý hai'],
        ['Hạt trốc', '12,5', '14'],
        ['Lá brin', '7', ''],
        ['Rễ quanh', '3,25', '4,5'],
      ],
    ]);
  });

  it('joins a label wrapped over two lines when the row’s other cells are empty on the second', () => {
    const lines = [
      line(700, [
        [60, 'Mục'],
        [200, 'Số'],
        [300, 'Tỷ lệ'],
      ]),
      line(686, [
        [60, 'Hạt trốc xanh'],
        [200, '12'],
        [300, '40%'],
      ]),
      line(674, [[60, 'và hạt mờ']]),
      line(660, [
        [60, 'Lá brin'],
        [200, '7'],
        [300, '60%'],
      ]),
      line(646, [
        [60, 'Rễ quanh'],
        [200, '3'],
        [300, '5%'],
      ]),
    ];
    expect(rowsOf(lines)[0]).toEqual([
      ['Mục', 'Số', 'Tỷ lệ'],
      ['Hạt trốc xanh và hạt mờ', '12', '40%'],
      ['Lá brin', '7', '60%'],
      ['Rễ quanh', '3', '5%'],
    ]);
  });

  it('puts the lines of a cell centred in a taller row into that row', () => {
    // the label wraps over three lines; the figures sit on the middle one, a split ratio above and
    // below it, half a line off
    const lines = [
      line(700, [
        [60, 'Mục'],
        [200, 'Điểm'],
        [300, 'Hạng'],
      ]),
      line(680, [[60, 'Cây trốc']]),
      line(673, [[200, '4,5/']]),
      line(666, [
        [60, 'xanh lá'],
        [300, '7/20'],
      ]),
      line(659, [[200, '10']]),
      line(652, [[60, 'mờ']]),
      line(630, [
        [60, 'Cây brin'],
        [200, '3/5'],
        [300, '9/20'],
      ]),
      line(608, [
        [60, 'Cây quanh'],
        [200, '2/5'],
        [300, '1/20'],
      ]),
    ];
    expect(rowsOf(lines)[0]).toEqual([
      ['Mục', 'Điểm', 'Hạng'],
      ['Cây trốc xanh lá mờ', '4,5/10', '7/20'],
      ['Cây brin', '3/5', '9/20'],
      ['Cây quanh', '2/5', '1/20'],
    ]);
  });

  it('repeats a header spanning columns over them, above the headers under it', () => {
    const lines = [
      line(720, [[60, 'Mục']]),
      line(728, [
        [230, 'Vùng Trốc'],
        [430, 'Vùng Brin'],
      ]),
      line(714, [
        [200, 'Điểm'],
        [280, 'Hạng'],
        [400, 'Điểm'],
        [480, 'Hạng'],
      ]),
      line(690, [
        [60, 'Hạt'],
        [200, '5'],
        [280, '2'],
        [400, '6'],
        [480, '1'],
      ]),
      line(676, [
        [60, 'Lá'],
        [200, '4'],
        [280, '3'],
        [400, '7'],
        [480, '2'],
      ]),
      line(662, [
        [60, 'Rễ'],
        [200, '3'],
        [280, '4'],
        [400, '8'],
        [480, '3'],
      ]),
    ];
    expect(rowsOf(lines)[0]!.slice(0, 3)).toEqual([
      ['Mục', 'Vùng Trốc', 'Vùng Trốc', 'Vùng Brin', 'Vùng Brin'],
      ['Mục', 'Điểm', 'Hạng', 'Điểm', 'Hạng'],
      ['Hạt', '5', '2', '6', '1'],
    ]);
  });

  it('leaves running text alone: justified lines, a line with one wide gap, too few rows', () => {
    const prose = [
      line(700, [[60, 'Trốc brin quanh xanh mờ lá hạt rễ trốc brin quanh xanh mờ lá hạt rễ trốc brin']]),
      line(686, [[60, 'quanh xanh mờ lá hạt rễ trốc brin quanh xanh mờ lá hạt rễ trốc brin quanh']]),
      line(672, [[60, 'xanh mờ lá hạt rễ.']]),
    ];
    expect(findTables(prose)).toEqual([]);
    const signature = [
      line(700, [
        [60, 'Nơi nhận:'],
        [330, 'TRƯỞNG BRIN'],
      ]),
      line(686, [
        [60, '- Như trên;'],
        [340, 'PHÓ TRỐC'],
      ]),
      line(672, [[60, '- Lưu: VT.']]),
    ];
    expect(findTables(signature)).toEqual([]);
    const twoRows = [
      line(700, [
        [60, 'Hạt'],
        [200, '5'],
        [300, '6'],
      ]),
      line(686, [
        [60, 'Lá'],
        [200, '4'],
        [300, '7'],
      ]),
    ];
    expect(findTables(twoRows)).toEqual([]);
  });

  it('takes only the table’s lines, not the paragraphs before and after it', () => {
    const before = line(760, [[60, 'Trốc brin quanh xanh mờ lá hạt rễ trốc brin quanh xanh mờ lá hạt rễ trốc brin']]);
    const rows = [
      line(740, [
        [60, 'Mục'],
        [200, 'Năm một'],
        [300, 'Năm hai'],
      ]),
      line(726, [
        [60, 'Hạt'],
        [200, '5'],
        [300, '6'],
      ]),
      line(712, [
        [60, 'Lá'],
        [200, '4'],
        [300, '7'],
      ]),
      line(698, [
        [60, 'Rễ'],
        [200, '3'],
        [300, '8'],
      ]),
    ];
    const after = line(680, [[60, 'Quanh xanh mờ lá hạt rễ trốc brin quanh xanh mờ lá hạt rễ trốc brin quanh']]);
    const [table] = findTables([before, ...rows, after]);
    expect(table!.lines).toEqual(rows);
    expect(table!.rows).toHaveLength(4);
  });

  it('keeps a column that only its header fills, a gutter away from the others', () => {
    const lines = [
      line(700, [
        [60, 'Mục'],
        [200, 'Số'],
        [300, 'Tỷ'],
        [420, 'Lời brin'],
      ]),
      line(686, [
        [60, 'Hạt'],
        [200, '5'],
        [300, '6'],
      ]),
      line(672, [
        [60, 'Lá'],
        [200, '4'],
        [300, '7'],
      ]),
      line(658, [
        [60, 'Rễ'],
        [200, '3'],
        [300, '8'],
      ]),
    ];
    expect(rowsOf(lines)[0]).toEqual([
      ['Mục', 'Số', 'Tỷ', 'Lời brin'],
      ['Hạt', '5', '6', ''],
      ['Lá', '4', '7', ''],
      ['Rễ', '3', '8', ''],
    ]);
  });
});
