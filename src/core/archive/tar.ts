// A minimal ustar writer and reader for archive backups: regular files and folders only, long
// paths split into prefix and name, file contents streamed (originals can be large).

import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { BackfileError } from '../../shared/errors.ts';

const BLOCK = 512;

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

function splitName(name: string): { prefix: string; name: string } {
  if (Buffer.byteLength(name) <= 100) return { prefix: '', name };
  for (let i = name.lastIndexOf('/'); i > 0; i = name.lastIndexOf('/', i - 1)) {
    const prefix = name.slice(0, i);
    const rest = name.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(rest) <= 100) return { prefix, name: rest };
  }
  throw new BackfileError('invalid-input', `Path too long for a backup: ${name}`);
}

export function tarHeader(name: string, size: number, type: 'file' | 'dir', mtime: Date): Buffer {
  const header = Buffer.alloc(BLOCK, 0);
  const parts = splitName(name);
  header.write(parts.name, 0, 100, 'utf8');
  header.write(octal(type === 'dir' ? 0o755 : 0o644, 8), 100, 'ascii');
  header.write(octal(0, 8), 108, 'ascii');
  header.write(octal(0, 8), 116, 'ascii');
  header.write(octal(size, 12), 124, 'ascii');
  header.write(octal(Math.floor(mtime.getTime() / 1000), 12), 136, 'ascii');
  header.write('        ', 148, 'ascii');
  header.write(type === 'dir' ? '5' : '0', 156, 'ascii');
  header.write('ustar\0', 257, 'ascii');
  header.write('00', 263, 'ascii');
  header.write(parts.prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'ascii');
  return header;
}

export class TarWriter {
  private readonly handle: FileHandle;
  private constructor(handle: FileHandle) {
    this.handle = handle;
  }

  static async create(file: string): Promise<TarWriter> {
    return new TarWriter(await open(file, 'w'));
  }

  async addFile(name: string, source: string, size: number, mtime: Date): Promise<void> {
    await this.handle.write(tarHeader(name, size, 'file', mtime));
    let written = 0;
    for await (const chunk of createReadStream(source)) {
      await this.handle.write(chunk as Buffer);
      written += (chunk as Buffer).length;
    }
    if (written !== size)
      throw new BackfileError('internal', `${source} changed size while it was backed up.`);
    const pad = (BLOCK - (size % BLOCK)) % BLOCK;
    if (pad) await this.handle.write(Buffer.alloc(pad));
  }

  async close(): Promise<void> {
    await this.handle.write(Buffer.alloc(BLOCK * 2));
    await this.handle.sync();
    await this.handle.close();
  }
}

export interface TarEntry {
  name: string;
  type: 'file' | 'dir';
  size: number;
  /** Reads the entry's content in chunks; must be drained before the next entry. */
  chunks(): AsyncGenerator<Buffer>;
}

function field(header: Buffer, start: number, length: number): string {
  const raw = header.subarray(start, start + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end === -1 ? length : end).toString('utf8');
}

export async function* readTar(file: string): AsyncGenerator<TarEntry> {
  const handle = await open(file, 'r');
  try {
    let offset = 0;
    const header = Buffer.alloc(BLOCK);
    for (;;) {
      const { bytesRead } = await handle.read(header, 0, BLOCK, offset);
      if (bytesRead < BLOCK) throw new BackfileError('archive-corrupt', `${file}: the backup is cut short.`);
      if (header.every((b) => b === 0)) return;
      let sum = 0;
      header.forEach((b, i) => (sum += i >= 148 && i < 156 ? 32 : b));
      if (sum !== parseInt(field(header, 148, 8).trim(), 8))
        throw new BackfileError(
          'archive-corrupt',
          `${file}: damaged backup (bad header checksum at byte ${offset}).`,
        );
      const prefix = field(header, 345, 155);
      const name = (prefix ? `${prefix}/` : '') + field(header, 0, 100);
      const size = parseInt(field(header, 124, 12).trim() || '0', 8);
      const typeflag = String.fromCharCode(header[156]!);
      const dataStart = offset + BLOCK;
      offset = dataStart + Math.ceil(size / BLOCK) * BLOCK;
      const entry: TarEntry = {
        name,
        type: typeflag === '5' ? 'dir' : 'file',
        size,
        async *chunks() {
          const buffer = Buffer.alloc(1 << 20);
          for (let read = 0; read < size;) {
            const { bytesRead: n } = await handle.read(
              buffer,
              0,
              Math.min(buffer.length, size - read),
              dataStart + read,
            );
            if (n === 0) throw new BackfileError('archive-corrupt', `${file}: the backup is cut short.`);
            read += n;
            yield Buffer.from(buffer.subarray(0, n));
          }
        },
      };
      if (typeflag === '0' || typeflag === '\0' || typeflag === '5') yield entry;
    }
  } finally {
    await handle.close();
  }
}
