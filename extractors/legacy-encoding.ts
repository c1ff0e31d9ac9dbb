/**
 * Detects text typed in the legacy Vietnamese font encodings (TCVN3/ABC, VNI) and converts it to
 * Unicode. Placeholder until the readers work (issue 3) brings the mapping tables.
 */
export interface Decoded {
  text: string;
  encoding: 'unicode' | 'tcvn3' | 'vni';
}

export function toUnicode(text: string): Decoded {
  return { text, encoding: 'unicode' };
}
