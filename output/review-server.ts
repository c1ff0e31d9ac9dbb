import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { formatVi } from '../extractors/vn-number.ts';
import { decide, getMismatch, listMismatches, type MismatchView, ReviewError } from '../store/reviews.ts';
import type { Warehouse } from '../store/warehouse.ts';
import { CropError, cropPage } from './page-crop.ts';
import { renderReviewPage } from './review-page.ts';

/**
 * `baocao review serve`: the review page and its JSON API on 127.0.0.1 only. Decisions write the same
 * `reviews` rows as the CLI (through decide → recordReview). Requests naming another host are refused
 * (DNS rebinding), and decisions must be JSON, which a page of another site cannot post without asking.
 */
export interface ReviewServer {
  url: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  port?: number;
  reviewer: string;
  /** which mismatches the page lists: open ones by default */
  status?: string;
  type?: string;
}

const MAX_BODY = 64 * 1024;

export async function startReviewServer(wh: Warehouse, options: ServeOptions): Promise<ReviewServer> {
  const server = createServer((req, res) => {
    handle(wh, options, req, res).catch((err: unknown) => {
      send(res, err instanceof ReviewError ? 400 : 500, { error: err instanceof Error ? err.message : String(err) });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function handle(wh: Warehouse, options: ServeOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const host = (req.headers.host ?? '').replace(/:\d+$/, '');
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(host)) return send(res, 403, { error: 'local use only' });
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (req.method === 'GET' && url.pathname === '/') {
    const status = url.searchParams.get('status') ?? options.status ?? 'open';
    const type = url.searchParams.get('type') ?? options.type;
    const list = listMismatches(wh, { ...(status !== 'all' && { status }), ...(type && { type }) });
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'x-frame-options': 'DENY' });
    res.end(renderReviewPage(list, { reviewer: options.reviewer }));
    return;
  }
  if (req.method === 'GET' && url.pathname === '/api/mismatches') {
    const status = url.searchParams.get('status') ?? 'open';
    return send(res, 200, listMismatches(wh, { ...(status !== 'all' && { status }) }));
  }
  // the scan region a number read by OCR came from, rendered from the document's file
  const crop = /^\/crop\/([0-9a-f]{4,32})\/([0-9a-f]{4,64})\.png$/.exec(url.pathname);
  if (req.method === 'GET' && crop) {
    const view = getMismatch(wh, crop[1]!);
    const fact = view.facts.find((f) => f.id === crop[2]);
    if (!fact?.source.ocr || fact.source.page === undefined) return send(res, 404, { error: 'no scan region for that fact' });
    try {
      const png = await cropPage({ file: view.file, page: fact.source.page, box: fact.source.ocr.box });
      res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'max-age=3600' });
      res.end(png);
    } catch (err) {
      send(res, err instanceof CropError ? 404 : 500, { error: err instanceof Error ? err.message : String(err) });
    }
    return;
  }
  const decision = /^\/api\/mismatches\/([0-9a-f]{4,32})\/decision$/.exec(url.pathname);
  if (req.method === 'POST' && decision) {
    if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) return send(res, 415, { error: 'send JSON' });
    const origin = req.headers.origin;
    if (origin && !/^http:\/\/(?:127\.0\.0\.1|localhost)(?::\d+)?$/.test(origin)) return send(res, 403, { error: 'local use only' });
    const body = (await readJson(req)) as { action?: unknown; value?: unknown; unit?: unknown; note?: unknown; factId?: unknown };
    if (body.action !== 'accept' && body.action !== 'correct' && body.action !== 'reject') throw new ReviewError('action must be accept, correct or reject');
    const view = await decide(wh, {
      mismatchId: decision[1]!,
      action: body.action,
      reviewer: options.reviewer,
      value: typeof body.value === 'number' ? body.value : null,
      unit: typeof body.unit === 'string' && body.unit ? body.unit : null,
      note: typeof body.note === 'string' && body.note ? body.note : null,
      factId: typeof body.factId === 'string' && body.factId ? body.factId : null,
    });
    return send(res, 200, { ...view, statusText: statusText(view), decisionText: decisionText(view) });
  }
  send(res, 404, { error: 'not found' });
}

function statusText(v: MismatchView): string {
  return ({ open: 'chưa xử lý', accepted: 'đã chấp nhận', corrected: 'đã sửa', rejected: 'đã loại bỏ' } as Record<string, string>)[v.status] ?? v.status;
}

function decisionText(v: MismatchView): string {
  const d = [...v.decisions].sort((a, b) => b.decidedAt.localeCompare(a.decidedAt))[0];
  if (!d) return '';
  return `${d.reviewer} · ${d.action}${d.value !== null ? ` ${formatVi(d.value, 6)}` : ''}`;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return void res.end();
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new ReviewError('request too large');
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new ReviewError('request body is not JSON');
  }
}
