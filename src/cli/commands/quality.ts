// backfile quality: how good the OCR was against the corrected text, per page, issue and title,
// and which pages need attention.

import { openArchive } from '../../core/archive/archive.ts';
import { qualityReport } from '../../core/review/quality.ts';
import type { QualityFigures } from '../../shared/quality.ts';
import { ARCHIVE_OPTION, JSON_OPTION, archiveFolder, parse } from '../args.ts';

const percent = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)} %`);
const row = (f: QualityFigures) =>
  `CER ${percent(f.cer)}  WER ${percent(f.wer)}  ${f.correctedLines}/${f.lines} lines corrected  confidence ${percent(f.meanConfidence)}  low ${percent(f.lowConfidenceShare)}`;

export async function qualityCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, { ...ARCHIVE_OPTION, ...JSON_OPTION, title: { type: 'string' } });
  const archive = openArchive(archiveFolder(values.archive), { create: false });
  try {
    const report = qualityReport(archive.db, { title: values.title });
    if (values.json) {
      console.log(JSON.stringify(report, null, 2));
      return 0;
    }
    for (const p of report.pages)
      console.log(
        `page ${p.pageId}  ${p.title} ${p.date || '(no date)'} p${p.sequence}  ${p.status}${p.needsAttention ? '  NEEDS ATTENTION' : ''}  ${row(p)}`,
      );
    for (const [kind, list] of [
      ['issue', report.issues],
      ['title', report.titles],
    ] as const)
      for (const s of list)
        console.log(
          `${kind} ${s.name}: ${s.verifiedPages}/${s.pages} pages verified, ${s.pagesNeedingAttention.length} need attention  ${row(s)}`,
        );
    return 0;
  } finally {
    archive.close();
  }
}
