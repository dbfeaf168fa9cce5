// A change's label as the history stores it (English, written by the core when the change was
// made, and kept so in archives already written) read back as a key and its values, so the UI
// says it in its reader's language. A label no pattern knows stays as it is.

export interface LabelParts {
  key: string;
  params: Record<string, string | number>;
}

/** Labels without values: the stored text and its key. */
const FIXED: Record<string, string> = {
  'correct line': 'correctLine',
  'draw region': 'drawRegion',
  'reshape region': 'reshapeRegion',
  'set region role': 'setRegionRole',
  'split region': 'splitRegion',
  'merge regions': 'mergeRegions',
  'reorder regions': 'reorderRegions',
  'delete region': 'deleteRegion',
  'make article': 'makeArticle',
  'edit article': 'editArticle',
  'delete article': 'deleteArticle',
  'link continued article': 'linkArticle',
  'accept suggested article': 'acceptArticle',
  'reject suggested article': 'rejectArticle',
  'attach photo': 'attachPhoto',
  'edit page metadata': 'editPages',
  'revert line to the original': 'revertLineToOriginal',
};

/** Labels with values, by the pattern the core writes them in. */
const PATTERNS: [RegExp, string, string[]][] = [
  [/^read page (\d+) again with (.+)$/u, 'reread', ['page', 'engine']],
  [/^(page|article) (\S+) → (\S+)$/u, 'statusMove', ['entity', 'from', 'to']],
  [/^replace “(.*)” with “(.*)” in (\d+) lines$/su, 'replace', ['find', 'replacement', 'count']],
  [/^revert line to change (\d+)$/u, 'revertLine', ['change']],
  [/^revert article to change (\d+)$/u, 'revertArticle', ['change']],
];

export function labelParts(label: string): LabelParts | null {
  const fixed = FIXED[label];
  if (fixed) return { key: fixed, params: {} };
  for (const [pattern, key, names] of PATTERNS) {
    const match = pattern.exec(label);
    if (!match) continue;
    const params = Object.fromEntries(
      names.map((name, i) => {
        const value = match[i + 1]!;
        return [
          name,
          /^\d+$/u.test(value) && name !== 'find' && name !== 'replacement' ? Number(value) : value,
        ];
      }),
    );
    return { key, params };
  }
  return null;
}
