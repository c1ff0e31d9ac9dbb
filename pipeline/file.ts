import type { Diagnostic } from '../schema/diagnostic.ts';
import type { Block } from '../schema/document.ts';
import type { PlaceInFile } from '../schema/place.ts';

/** How a stage reports one message: who says it, under which rule, where, and how bad it is. */
export interface MessageOptions {
  /** the stage that says it, stored as the message's `stage` */
  stage: string;
  /** a stable name for the rule (`extract:bare-numbers`), for filtering */
  ruleId: string;
  place?: PlaceInFile;
  /** true: an error; false: a warning; left out: information (vfile's convention) */
  fatal?: boolean;
}

/**
 * The context of one document while the stages run, as a vfile is for unified's plugins: every stage
 * gets it next to its input and reports through `message`, so every message keeps its place, rule and
 * stage, in the order they were said. The runner makes one per document and seeds it with the
 * reader's messages, which readers return inside the document model.
 */
export class DocumentFile {
  readonly messages: Diagnostic[];

  constructor(
    /** the file the document was read from */
    readonly path: string,
    seed: readonly Diagnostic[] = [],
  ) {
    this.messages = [...seed];
  }

  message(reason: string, options: MessageOptions): Diagnostic {
    const m: Diagnostic = {
      type: options.fatal === true ? 'error' : options.fatal === false ? 'warning' : 'info',
      message: reason,
      stage: options.stage,
      ruleId: options.ruleId,
      ...(options.place !== undefined ? { place: options.place } : {}),
    };
    this.messages.push(m);
    return m;
  }
}

/** Where a block is: its page or sheet where the format has them, and its index. */
export function placeOfBlock(block: Pick<Block, 'index' | 'page' | 'sheet'>): PlaceInFile {
  return {
    ...(block.page !== undefined ? { page: block.page } : {}),
    ...(block.sheet !== undefined ? { sheet: block.sheet } : {}),
    block: block.index,
  };
}
