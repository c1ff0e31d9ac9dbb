/**
 * Unicode → TCVN3 / VNI, for tests only: the inverse of the decoding tables, so that round trips can
 * check the tables against real report text.
 */
import { TCVN3_TABLE, VNI_TABLE } from '../../extractors/legacy-encoding.ts';

function invert(table: ReadonlyMap<string, string>): Map<string, string> {
  const inverse = new Map<string, string>();
  for (const [legacy, unicode] of table) if (!inverse.has(unicode)) inverse.set(unicode, legacy);
  return inverse;
}
const TO_TCVN3 = invert(TCVN3_TABLE);
const TO_VNI = invert(VNI_TABLE);
const TCVN3_CODES = new Set(TCVN3_TABLE.keys());
const VNI_CODES = new Set([...VNI_TABLE.keys()].flatMap((s) => [...s]).filter((c) => c > '\x7f'));

/** TCVN3 cannot write toned capitals: like a typist using `.VnTimeH`, it writes the lowercase code. */
export function encodeTcvn3(text: string): string {
  let out = '';
  for (const c of text.normalize('NFC')) {
    const code = TO_TCVN3.get(c) ?? TO_TCVN3.get(c.toLowerCase());
    if (code !== undefined) out += code;
    else if (TCVN3_CODES.has(c)) throw new Error(`cannot write ${JSON.stringify(c)} in TCVN3: it is the code of a letter`);
    else out += c;
  }
  return out;
}

export function encodeVni(text: string): string {
  let out = '';
  for (const c of text.normalize('NFC')) {
    const code = TO_VNI.get(c);
    if (code !== undefined) out += code;
    else if (VNI_CODES.has(c)) throw new Error(`cannot write ${JSON.stringify(c)} in VNI: it is a mark`);
    else out += c;
  }
  return out;
}
