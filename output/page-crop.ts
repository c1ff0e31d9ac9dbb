import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * The region of a scanned page a number was read from, as a PNG, for the reviewer who must read the
 * digits off the scan. Rendered on demand from the document's file by poppler's `pdftoppm` (the same
 * rasterizer OCR used), so the warehouse keeps no images; a margin around the box shows the words beside.
 */
export interface CropRequest {
  file: string;
  page: number;
  /** left, top, right, bottom in PDF points from the page's top-left corner (a fact's `source.ocr.box`) */
  box: readonly [number, number, number, number];
  dpi?: number;
}

export class CropError extends Error {}

export function cropPage(req: CropRequest): Promise<Buffer> {
  const dpi = req.dpi ?? 150;
  if (!existsSync(req.file)) return Promise.reject(new CropError(`the document's file is no longer at ${req.file}`));
  const px = (pt: number) => Math.max(0, Math.round((pt * dpi) / 72));
  // a line and a half above and below, and the width of a few words on each side
  const [l, t, r, b] = req.box;
  const mx = 120;
  const my = 1.5 * Math.max(8, b - t);
  const x = px(l - mx);
  const y = px(t - my);
  const args = ['-r', String(dpi), '-f', String(req.page), '-l', String(req.page), '-x', String(x), '-y', String(y)];
  args.push('-W', String(px(r + mx) - x), '-H', String(px(b + my) - y), '-gray', '-png', '-singlefile', req.file);
  return new Promise((resolve, reject) => {
    execFile('pdftoppm', args, { encoding: 'buffer', maxBuffer: 32 * 1024 * 1024, timeout: 30_000 }, (err, stdout) => {
      if (err) {
        const code = (err as NodeJS.ErrnoException).code;
        reject(
          new CropError(
            code === 'ENOENT' ? 'pdftoppm is not installed: apt-get install poppler-utils' : `the page cannot be rendered: ${err.message.split('\n')[0]}`,
          ),
        );
      } else resolve(stdout);
    });
  });
}
