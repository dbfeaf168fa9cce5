// Expands the paths an archivist gives into the files to import: folders recursively, in natural
// file-name order (p2 before p10), keeping only scan files inside folders; a file named
// explicitly is always tried, whatever its name says. A folder holding a mets.xml is a METS
// package (an exported issue): it is read through its METS file, not walked for scans.

import { readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { SCAN_EXTENSIONS } from '../../shared/import-files.ts';

/** The METS file that makes a folder a package, as Backfile's METS export names it. */
export const PACKAGE_METS = 'mets.xml';

export interface FoundFiles {
  scans: FoundFile[];
  /** METS files given, or found as the mets.xml of a folder: each an issue to import whole. */
  metsFiles: string[];
}

export interface FoundFile {
  path: string;
  /** Path below the folder it was found in, without extension, '/'-separated: what patterns match. */
  name: string;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

export function naturalCompare(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

function withoutExtension(name: string): string {
  const ext = path.extname(name);
  return ext ? name.slice(0, -ext.length) : name;
}

/**
 * Links are followed like what they point at: archivists gather scans with links. A folder
 * reached twice (a link to a folder above it) is walked once; a link that points nowhere is
 * still listed, so that the import reports it ("no such file") instead of skipping it quietly.
 */
function walkFolder(root: string, dir: string, out: FoundFiles, seen: Set<string>): void {
  const real = realpathSync(dir);
  if (seen.has(real)) return;
  seen.add(real);
  if (statOrNull(path.join(dir, PACKAGE_METS))?.isFile()) {
    out.metsFiles.push(path.join(dir, PACKAGE_METS));
    return;
  }
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => naturalCompare(a.name, b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      const target = statOrNull(full);
      isDirectory = target?.isDirectory() ?? false;
      isFile = target ? target.isFile() : true;
    }
    if (isDirectory) walkFolder(root, full, out, seen);
    else if (
      isFile &&
      (SCAN_EXTENSIONS as readonly string[]).includes(path.extname(entry.name).toLowerCase())
    ) {
      out.scans.push({
        path: full,
        name: withoutExtension(path.relative(root, full)).split(path.sep).join('/'),
      });
    }
  }
}

function statOrNull(file: string): Stats | null {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}

export function findScanFiles(
  paths: readonly string[],
  isMetsFile: (file: string) => boolean = () => false,
): FoundFiles {
  const out: FoundFiles = { scans: [], metsFiles: [] };
  for (const given of paths) {
    let isFolder = false;
    try {
      isFolder = statSync(given).isDirectory();
    } catch {
      // A missing path fails alone when the importer reads it; the rest of the batch goes on.
    }
    if (isFolder) walkFolder(given, given, out, new Set());
    else if (isMetsFile(given)) out.metsFiles.push(given);
    else out.scans.push({ path: given, name: withoutExtension(path.basename(given)) });
  }
  return out;
}
