// bench/ppocr-sessions: what onnxruntime's session settings cost the PP-OCR detection model, on
// one tile of each size: time per input pixel once warm, and the process's peak memory. Each
// setting runs in a process of its own, so one's peak is not another's. The reference is the
// app's own setting (session-options.ts), run in the same script: the ratio is its time to each
// other setting's.
// Run: node bench/ppocr-sessions.ts [--tiles 2560x640,2560x960] [--runs 4]

import { execFileSync } from 'node:child_process';
import * as ort from 'onnxruntime-node';
import { ppOcrModels } from '../src/core/ocr/ppocr/models.ts';
import { ppOcrSessionOptions } from '../src/core/ocr/ppocr/session-options.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};

interface Setting {
  name: string;
  arena: boolean;
  pattern: boolean;
}
const APP = ppOcrSessionOptions(1);
const SETTINGS: Setting[] = [
  { name: 'the app (session-options.ts)', arena: APP.enableCpuMemArena!, pattern: APP.enableMemPattern! },
  { name: 'no arena, pattern planning', arena: false, pattern: true },
  { name: 'no arena, no pattern planning', arena: false, pattern: false },
  { name: 'arena and pattern planning', arena: true, pattern: true },
];

/** In a child: one setting, one tile size; prints JSON. */
async function measure(setting: Setting, width: number, height: number, runs: number) {
  const session = await ort.InferenceSession.create(ppOcrModels().detection, {
    ...ppOcrSessionOptions(1),
    enableCpuMemArena: setting.arena,
    enableMemPattern: setting.pattern,
  });
  const before = process.resourceUsage().maxRSS / 1024;
  const input = new Float32Array(3 * width * height);
  // A page-like input: mostly paper, some ink.
  for (let i = 0; i < input.length; i++) input[i] = Math.random() < 0.1 ? -2 : 2;
  const times: number[] = [];
  for (let r = 0; r <= runs; r++) {
    const started = performance.now();
    await session.run({
      [session.inputNames[0]!]: new ort.Tensor('float32', input, [1, 3, height, width]),
    });
    times.push(performance.now() - started);
  }
  const warm = times.slice(1).sort((a, b) => a - b);
  console.log(
    JSON.stringify({
      first: times[0],
      median: warm[Math.floor(warm.length / 2)],
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      sessionMb: before,
    }),
  );
}

if (process.argv[2] === '--child') {
  const [setting, tile, runs] = process.argv.slice(3);
  const [w, h] = tile!.split('x').map(Number);
  await measure(JSON.parse(setting!) as Setting, w!, h!, Number(runs));
} else {
  const tiles = arg('tiles', '2560x640,2560x960').split(',');
  const runs = Number(arg('runs', '4'));
  console.log(`bench/ppocr-sessions — detection model, one thread, ${runs} warm runs a tile`);
  console.log(
    "| tile | setting | first run | warm run (median) | ns per pixel | peak RSS | above the session | ratio of the app's time |",
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const tile of tiles) {
    const [w, h] = tile.split('x').map(Number) as [number, number];
    const rows = SETTINGS.map((s) => {
      const out = execFileSync(
        process.execPath,
        [import.meta.filename, '--child', JSON.stringify(s), tile, String(runs)],
        { encoding: 'utf8' },
      );
      return { s, r: JSON.parse(out.trim().split('\n').at(-1)!) as Record<string, number> };
    });
    const app = rows[0]!.r.median!;
    for (const { s, r } of rows)
      console.log(
        `| ${tile} | ${s.name} | ${r.first!.toFixed(0)} ms | ${r.median!.toFixed(0)} ms | ${((r.median! * 1e6) / (w * h)).toFixed(0)} | ${r.maxRssMb!.toFixed(0)} MB | ${(r.maxRssMb! - r.sessionMb!).toFixed(0)} MB | ${(app / r.median!).toFixed(2)} |`,
      );
  }
}
