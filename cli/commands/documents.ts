import type { Command } from 'commander';
import { defaultDb, UsageError } from '../usage.ts';

// Only commander and node built-ins at the top: these commands must start without the readers.

async function withWarehouse<T>(db: string, run: (wh: import('../../store/warehouse.ts').AnyWarehouse) => Promise<T>): Promise<T> {
  const { openStoreForCommand } = await import('../open.ts');
  const wh = await openStoreForCommand(db);
  try {
    return await run(wh);
  } finally {
    await wh.close();
  }
}

const json = (v: unknown) => process.stdout.write(`${JSON.stringify(v, null, 2)}\n`);

/** `documents [list] | show ID` and `runs [list] | show ID`: what is loaded, what each run did. */
export function registerDocuments(program: Command, _setExit: (code: number) => void): void {
  const documents = program.command('documents').description('List the loaded documents with their counts, or show one with its messages.');
  documents
    .command('list', { isDefault: true })
    .description('List documents: number, issuer, date, area, format, pages, facts, mismatches, warnings, superseded by.')
    .option('--db <file>', 'warehouse file, or postgres://user@host/db (env BAOCAO_DB)', defaultDb())
    .option('--current', 'leave out superseded documents')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExamples:\n  baocao documents\n  baocao documents --current --json\n')
    .action(async (o: { db: string; current?: boolean; json?: boolean }) => {
      const { listDocuments, renderDocumentsTable } = await import('../../output/documents.ts');
      const docs = await withWarehouse(o.db, (wh) => listDocuments(wh, { history: !o.current }));
      if (o.json) json(docs);
      else process.stdout.write(renderDocumentsTable(docs));
    });
  documents
    .command('show')
    .description("Show one document's metadata and every message said about it, with its place.")
    .argument('<id>', 'document id, id prefix, file name or base name')
    .option('--db <file>', 'warehouse file, or postgres://user@host/db (env BAOCAO_DB)', defaultDb())
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExamples:\n  baocao documents show 35c0ecef\n  baocao documents show bao-cao-2023.docx --json\n')
    .action(async (ref: string, o: { db: string; json?: boolean }) => {
      const { renderDocumentDetail, showDocument } = await import('../../output/documents.ts');
      const { shortId } = await import('../../output/format.ts');
      const found = await withWarehouse(o.db, (wh) => showDocument(wh, ref));
      if ('none' in found) throw new UsageError(`no document matches "${ref}" (an id, id prefix, file name or base name): baocao documents lists them`);
      if ('ambiguous' in found)
        throw new UsageError(`"${ref}" matches ${found.ambiguous.length} documents (${found.ambiguous.map(shortId).join(', ')}): give more of the id`);
      if (o.json) json(found.found);
      else process.stdout.write(renderDocumentDetail(found.found));
    });

  const runs = program.command('runs').description('List past ingest runs, or show one with every file it failed or skipped and why.');
  runs
    .command('list', { isDefault: true })
    .description('List runs, newest first: status, files, loaded, skipped, failed, facts, mismatches.')
    .option('--db <file>', 'warehouse file, or postgres://user@host/db (env BAOCAO_DB)', defaultDb())
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExamples:\n  baocao runs\n  baocao runs --json\n')
    .action(async (o: { db: string; json?: boolean }) => {
      const { listRuns, renderRunsTable } = await import('../../output/documents.ts');
      const list = await withWarehouse(o.db, (wh) => listRuns(wh));
      if (o.json) json(list);
      else process.stdout.write(renderRunsTable(list));
    });
  runs
    .command('show')
    .description('Show one run: every file it failed (with the stage and reason), skipped (with why) and loaded.')
    .argument('<id>', 'run number (baocao runs lists them)')
    .option('--db <file>', 'warehouse file, or postgres://user@host/db (env BAOCAO_DB)', defaultDb())
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  baocao runs show 3\n')
    .action(async (idText: string, o: { db: string; json?: boolean }) => {
      if (!/^\d+$/.test(idText.trim())) throw new UsageError(`runs show needs a run number, not "${idText}"`);
      const { renderRunDetail, showRun } = await import('../../output/documents.ts');
      const run = await withWarehouse(o.db, (wh) => showRun(wh, Number(idText)));
      if (!run) throw new UsageError(`no run ${idText}: baocao runs lists them`);
      if (o.json) json(run);
      else process.stdout.write(renderRunDetail(run));
    });
}
