// No English left in the Chinese UI's strings: every string has its 简体中文 form, and the only
// Latin words a Chinese string keeps are names nobody translates (file formats and standards,
// engines, keys on the keyboard, the app's and its export folder's names). A string that is only
// symbols ("+", "−") is the same in both.

import { describe, expect, it } from 'vitest';
import { sourceFiles } from '../fixtures/source-files.ts';
import { STRINGS } from '../../src/renderer/i18n/strings.ts';
import { UNTRANSLATED_NAMES } from './untranslated-names.ts';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`),
  );
}

const en = new Map(leaves(STRINGS.en.translation as unknown as Tree));
const zh = new Map(leaves(STRINGS.zh.translation as unknown as Tree));

describe('the Chinese UI strings', () => {
  it('has every key the English one has, and no other', () => {
    expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
  });

  it('differs from the English wherever the English has words', () => {
    // Placeholders are not words: '{{language}} · {{engine}}' reads the same in both.
    const words = (v: string) => /\p{L}/u.test(v.replace(/\{\{\w+\}\}/gu, ''));
    const same = [...en].filter(([k, v]) => words(v) && zh.get(k) === v).map(([k]) => k);
    expect(same).toEqual([]);
  });

  it('keeps no Latin word but the names nobody translates', () => {
    const english = [...zh].flatMap(([k, v]) =>
      [...v.replace(/\{\{\w+\}\}/gu, '').matchAll(/[A-Za-z][A-Za-z-]+/gu)]
        .map((m) => m[0])
        .filter((w) => !UNTRANSLATED_NAMES.has(w))
        .map((w) => `${k}: ${w}`),
    );
    expect(english).toEqual([]);
  });
});

/** Every `t('key')` with a literal key in the renderer's source. */
function keysUsed(): { file: string; key: string }[] {
  return sourceFiles('src/renderer').flatMap(({ file, text }) =>
    [...text.matchAll(/\bt\(\s*'([\w.-]+)'/gu)].map((m) => ({ file, key: m[1]! })),
  );
}

describe('the strings the renderer asks for', () => {
  it('exist, so no key is ever shown in place of words', () => {
    const used = keysUsed();
    expect(used.length).toBeGreaterThan(100);
    // A plural key is stored as key_one, key_other.
    const missing = used.filter(({ key }) => !en.has(key) && !en.has(`${key}_other`));
    expect(missing).toEqual([]);
  });
});
