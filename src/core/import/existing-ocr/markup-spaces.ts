// Where an OCR file puts its spaces: ALTO between Strings as SP elements, hOCR as the blank
// between word spans. The XML parser keeps neither order nor blank text between elements, so
// each line's spaces are read from the markup itself, by the line's ID: for each word in order,
// whether a space comes before it.

/** TextLine ID → for each String, whether an SP stands before it. */
export function altoSpaces(xml: string): Map<string, boolean[]> {
  const lines = new Map<string, boolean[]>();
  for (const line of xml.matchAll(/<(?:\w+:)?TextLine\b([^>]*?)>([\s\S]*?)<\/(?:\w+:)?TextLine>/g)) {
    const id = /\bID\s*=\s*["']([^"']+)["']/.exec(line[1]!)?.[1];
    if (!id) continue;
    const flags: boolean[] = [];
    let space = false;
    for (const element of line[2]!.matchAll(/<(?:\w+:)?(String|SP)\b/g)) {
      if (element[1] === 'SP') space = true;
      else {
        flags.push(space);
        space = false;
      }
    }
    lines.set(id, flags);
  }
  return lines;
}

/** ocr_line id → for each ocrx_word, whether blank text stands before it. */
export function hocrSpaces(html: string): Map<string, boolean[]> {
  const lines = new Map<string, boolean[]>();
  const starts = [...html.matchAll(/<(\w+)\b[^>]*\bclass\s*=\s*["'][^"']*\bocr_line\b[^"']*["'][^>]*>/g)];
  starts.forEach((start, i) => {
    const id = /\bid\s*=\s*["']([^"']+)["']/.exec(start[0])?.[1];
    if (!id) return;
    const end = starts[i + 1]?.index ?? html.length;
    const body = html.slice(start.index! + start[0].length, end);
    const flags: boolean[] = [];
    let previousEnd = -1;
    for (const word of body.matchAll(/<(\w+)\b[^>]*\bclass\s*=\s*["'][^"']*\bocrx_word\b[^"']*["'][^>]*>/g)) {
      const between = previousEnd < 0 ? '' : body.slice(previousEnd, word.index);
      flags.push(previousEnd >= 0 && /\s/.test(between.replace(/<[^>]*>/g, '')));
      const close = body.indexOf('</', word.index! + word[0].length);
      previousEnd = close < 0 ? word.index! + word[0].length : body.indexOf('>', close) + 1;
    }
    lines.set(id, flags);
  });
  return lines;
}

/** Words joined with a space where the file has one; a word with no flag is spaced. */
export function joinAsMarked(words: readonly string[], spaces: readonly boolean[] | undefined): string {
  return words.map((w, i) => (i > 0 && (spaces?.[i] ?? true) ? ' ' : '') + w).join('');
}
