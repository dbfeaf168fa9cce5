// METS 1.12 for one issue: MODS for the newspaper title and date; the page images and their
// ALTO files; a physical structure map (the pages) and a logical one in which each article is a
// division pointing at its blocks in the ALTO files, across pages when it continues.

import type { IssueExport } from '../issue-model.ts';
import { altoBlockId } from '../issue-model.ts';
import { attrs, xmlEscape } from './xml.ts';
import { mainLanguage } from '../../../shared/language.ts';

export function issueToMets(
  issue: IssueExport,
  altoFile: (stem: string) => string,
  now = new Date(),
): string {
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
        `<mets:file${attrs({ ID: `img_${i + 1}`, MIMETYPE: p.imageFile.endsWith('.png') ? 'image/png' : 'image/jpeg' })}><mets:FLocat LOCTYPE="URL" xlink:href="${xmlEscape(p.imageFile)}"/></mets:file>`,
    )
    .join('');
  const altos = issue.pages
    .map(
      (p, i) =>
        `<mets:file${attrs({ ID: `alto_${i + 1}`, MIMETYPE: 'text/xml' })}><mets:FLocat LOCTYPE="URL" xlink:href="${xmlEscape(altoFile(p.stem))}"/></mets:file>`,
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
      const areas = parts
        .map(
          ({ page, region }) =>
            `<mets:area${attrs({ FILEID: `alto_${page + 1}`, BETYPE: 'IDREF', BEGIN: altoBlockId(issue.pages[page]!, region) })}/>`,
        )
        .join('');
      const pointer =
        parts.length === 0
          ? ''
          : parts.length === 1
            ? `<mets:fptr>${areas}</mets:fptr>`
            : `<mets:fptr><mets:seq>${areas}</mets:seq></mets:fptr>`;
      return `<mets:div${attrs({ ID: `art_${i + 1}`, TYPE: 'article', ORDER: i + 1, LABEL: article.headline ?? undefined, DMDID: `dmd_art_${i + 1}` })}>${pointer}</mets:div>`;
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
    `<mods:genre>newspaper issue</mods:genre></mods:mods></mets:xmlData></mets:mdWrap></mets:dmdSec>` +
    articleMods +
    `<mets:fileSec><mets:fileGrp USE="IMAGE">${files}</mets:fileGrp><mets:fileGrp USE="ALTO">${altos}</mets:fileGrp></mets:fileSec>` +
    `<mets:structMap TYPE="PHYSICAL"><mets:div ID="phys_issue" TYPE="issue">${physical}</mets:div></mets:structMap>` +
    `<mets:structMap TYPE="LOGICAL"><mets:div ID="log_issue" TYPE="issue" DMDID="dmd_issue" LABEL="${xmlEscape(`${issue.title} ${issue.date}`.trim())}">${articles}</mets:div></mets:structMap>` +
    `</mets:mets>\n`
  );
}
