// METS 1.12 for one issue: MODS for the newspaper title and date (and the title as host item);
// the page images and their ALTO files with checksums and sizes; a physical structure map (the
// pages), a logical one in which each article is a division pointing at its blocks in the ALTO
// files, across pages when it continues, and the links between the two.

import type { IssueExport } from '../issue-model.ts';
import { altoBlockId } from '../issue-model.ts';
import { attrs, xmlEscape } from './xml.ts';
import { mainLanguage } from '../../../shared/language.ts';
import type { RegionRole } from '../../../shared/model.ts';

/** A written file's SHA-256 (hex) and size in bytes, for METS CHECKSUM and SIZE. */
export type FileFacts = (name: string) => { sha256: string; size: number } | null;

/** The pages an article is on, as MODS part extent (first and last page of the issue). */
function pagesPart(pages: readonly number[]): string {
  if (pages.length === 0) return '';
  const first = Math.min(...pages) + 1;
  const last = Math.max(...pages) + 1;
  return `<mods:part><mods:extent unit="pages"><mods:start>${first}</mods:start><mods:end>${last}</mods:end></mods:extent></mods:part>`;
}

/** The kind of division a region is inside its article, as the DFG-Viewer and NDNP profiles name them. */
const DIVISION_OF_ROLE: Partial<Record<RegionRole, string>> = {
  headline: 'HEADING',
  kicker: 'HEADING',
  subhead: 'HEADING',
  photo: 'ILLUSTRATION',
  graphic: 'ILLUSTRATION',
  caption: 'CAPTION',
};
const divisionOf = (role: RegionRole) => DIVISION_OF_ROLE[role] ?? 'BODY';

/** Areas in ALTO files: one, or a sequence in reading order. */
function pointer(areas: readonly string[]): string {
  if (areas.length === 0) return '';
  return areas.length === 1
    ? `<mets:fptr>${areas[0]}</mets:fptr>`
    : `<mets:fptr><mets:seq>${areas.join('')}</mets:seq></mets:fptr>`;
}

/** Each logical division linked to the pages it is on (what viewers use to turn to it). */
function structLink(issue: IssueExport): string {
  const links = [
    ...issue.pages.map((_, i) => ['log_issue', `phys_${i + 1}`] as const),
    ...issue.articles.flatMap(({ parts }, i) =>
      [...new Set(parts.map((p) => p.page))].map((page) => [`art_${i + 1}`, `phys_${page + 1}`] as const),
    ),
  ];
  if (links.length === 0) return '';
  return `<mets:structLink>${links.map(([from, to]) => `<mets:smLink xlink:from="${from}" xlink:to="${to}"/>`).join('')}</mets:structLink>`;
}

/** The issue's place in its newspaper as printed: volume, number (第1186期), edition. */
function issuePart(issue: IssueExport): string {
  const details = (
    [
      ['volume', issue.volume],
      ['issue', issue.number],
      ['edition', issue.edition || null],
    ] as const
  )
    .filter(([, value]) => value)
    .map(
      ([type, value]) =>
        `<mods:detail type="${type}"><mods:number>${xmlEscape(value!)}</mods:number></mods:detail>`,
    )
    .join('');
  return details ? `<mods:part>${details}</mods:part>` : '';
}

export function issueToMets(
  issue: IssueExport,
  altoFile: (stem: string) => string,
  facts: FileFacts = () => null,
  now = new Date(),
): string {
  const checked = (name: string) => {
    const f = facts(name);
    return f ? { CHECKSUM: f.sha256, CHECKSUMTYPE: 'SHA-256', SIZE: f.size } : {};
  };
  // The issue's languages: each page's main one, once (MODS wants ISO 639-2/B codes).
  const codes = [
    ...new Set(issue.pages.map((p) => mainLanguage(p.model.languages)?.iso6392b).filter(Boolean)),
  ];
  const languageMods = codes
    .map(
      (code) =>
        `<mods:language><mods:languageTerm type="code" authority="iso639-2b">${code}</mods:languageTerm></mods:language>`,
    )
    .join('');
  const files = issue.pages
    .map(
      (p, i) =>
        `<mets:file${attrs({ ID: `img_${i + 1}`, MIMETYPE: p.imageFile.endsWith('.png') ? 'image/png' : 'image/jpeg', ...checked(p.imageFile) })}><mets:FLocat LOCTYPE="URL" xlink:href="${xmlEscape(p.imageFile)}"/></mets:file>`,
    )
    .join('');
  const altos = issue.pages
    .map(
      (p, i) =>
        `<mets:file${attrs({ ID: `alto_${i + 1}`, MIMETYPE: 'text/xml', ...checked(altoFile(p.stem)) })}><mets:FLocat LOCTYPE="URL" xlink:href="${xmlEscape(altoFile(p.stem))}"/></mets:file>`,
    )
    .join('');
  const physical = issue.pages
    .map(
      (p, i) =>
        `<mets:div${attrs({ ID: `phys_${i + 1}`, TYPE: 'page', ORDER: i + 1, ORDERLABEL: p.listing.printedNumber ?? String(p.listing.sequence) })}>` +
        `<mets:fptr FILEID="img_${i + 1}"/><mets:fptr FILEID="alto_${i + 1}"/></mets:div>`,
    )
    .join('');
  const articles = issue.articles
    .map(({ article, parts }, i) => {
      const area = ({ page, region }: { page: number; region: number }) =>
        `<mets:area${attrs({ FILEID: `alto_${page + 1}`, BETYPE: 'IDREF', BEGIN: altoBlockId(issue.pages[page]!, region) })}/>`;
      // The article's parts by kind, in reading order: its heading, body, each photo and caption.
      const kinds: { type: string; areas: string[] }[] = [];
      for (const part of parts) {
        const type = divisionOf(issue.pages[part.page]!.model.regions[part.region]!.role);
        const last = kinds.at(-1);
        if (last?.type === type) last.areas.push(area(part));
        else kinds.push({ type, areas: [area(part)] });
      }
      const children = kinds
        .map(
          (k, j) =>
            `<mets:div${attrs({ ID: `art_${i + 1}_${j + 1}`, TYPE: k.type, ORDER: j + 1 })}>${pointer(k.areas)}</mets:div>`,
        )
        .join('');
      return (
        `<mets:div${attrs({ ID: `art_${i + 1}`, TYPE: 'article', ORDER: i + 1, LABEL: article.headline ?? undefined, DMDID: `dmd_art_${i + 1}` })}>` +
        `${pointer(parts.map(area))}${children}</mets:div>`
      );
    })
    .join('');
  const articleMods = issue.articles
    .map(
      ({ article }, i) =>
        `<mets:dmdSec ID="dmd_art_${i + 1}"><mets:mdWrap MDTYPE="MODS"><mets:xmlData><mods:mods>` +
        `<mods:titleInfo><mods:title>${xmlEscape(article.headline ?? '')}</mods:title></mods:titleInfo>` +
        (article.byline
          ? `<mods:name><mods:displayForm>${xmlEscape(article.byline)}</mods:displayForm></mods:name>`
          : '') +
        languageMods +
        pagesPart(issue.articles[i]!.parts.map((part) => part.page)) +
        `<mods:genre>article</mods:genre></mods:mods></mets:xmlData></mets:mdWrap></mets:dmdSec>`,
    )
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<mets:mets xmlns:mets="http://www.loc.gov/METS/" xmlns:mods="http://www.loc.gov/mods/v3" xmlns:xlink="http://www.w3.org/1999/xlink" ` +
    `xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ` +
    `xsi:schemaLocation="http://www.loc.gov/METS/ http://www.loc.gov/standards/mets/mets.xsd" ` +
    `OBJID="backfile-issue-${issue.issueId}" TYPE="newspaper issue" LABEL="${xmlEscape(`${issue.title} ${issue.date}`.trim())}">` +
    `<mets:metsHdr CREATEDATE="${now.toISOString().replace(/\.\d+Z$/, 'Z')}"><mets:agent ROLE="CREATOR" TYPE="OTHER" OTHERTYPE="SOFTWARE"><mets:name>Backfile</mets:name></mets:agent></mets:metsHdr>` +
    `<mets:dmdSec ID="dmd_issue"><mets:mdWrap MDTYPE="MODS"><mets:xmlData><mods:mods>` +
    `<mods:titleInfo><mods:title>${xmlEscape(issue.title)}</mods:title></mods:titleInfo>` +
    `<mods:originInfo>${issue.date ? `<mods:dateIssued encoding="iso8601">${issue.date}</mods:dateIssued>` : ''}${issue.edition ? `<mods:edition>${xmlEscape(issue.edition)}</mods:edition>` : ''}</mods:originInfo>` +
    languageMods +
    // The newspaper the issue belongs to, as NDNP and the DFG-Viewer link issues to titles.
    `<mods:relatedItem type="host"><mods:titleInfo><mods:title>${xmlEscape(issue.title)}</mods:title></mods:titleInfo><mods:genre>newspaper</mods:genre></mods:relatedItem>` +
    issuePart(issue) +
    `<mods:genre>newspaper issue</mods:genre></mods:mods></mets:xmlData></mets:mdWrap></mets:dmdSec>` +
    articleMods +
    // DEFAULT and FULLTEXT: the file group names the DFG-Viewer and Goobi viewers look for.
    `<mets:fileSec><mets:fileGrp USE="DEFAULT">${files}</mets:fileGrp><mets:fileGrp USE="FULLTEXT">${altos}</mets:fileGrp></mets:fileSec>` +
    `<mets:structMap TYPE="PHYSICAL"><mets:div ID="phys_issue" TYPE="issue">${physical}</mets:div></mets:structMap>` +
    `<mets:structMap TYPE="LOGICAL"><mets:div ID="log_issue" TYPE="issue" DMDID="dmd_issue" LABEL="${xmlEscape(`${issue.title} ${issue.date}`.trim())}">${articles}</mets:div></mets:structMap>` +
    structLink(issue) +
    `</mets:mets>\n`
  );
}
