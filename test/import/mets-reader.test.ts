// The METS reader on METS as other producers write it (DFG-Viewer / Goobi style): nested file
// groups, percent-encoded links, articles whose blocks are named only by their child divisions,
// names as MODS name parts. Backfile's own METS is read back in mets-import.test.ts.

import { describe, expect, it } from 'vitest';
import { looksLikeMets, readMets } from '../../src/core/import/existing-ocr/mets-reader.ts';

const FOREIGN = `<?xml version="1.0" encoding="UTF-8"?>
<!-- made elsewhere -->
<mets xmlns="http://www.loc.gov/METS/" xmlns:mods="http://www.loc.gov/mods/v3" xmlns:xlink="http://www.w3.org/1999/xlink">
  <dmdSec ID="DMD_ISSUE"><mdWrap MDTYPE="MODS"><xmlData><mods:mods>
    <mods:titleInfo><mods:title>Neue Zürcher Zeitung</mods:title></mods:titleInfo>
    <mods:originInfo><mods:dateIssued encoding="w3cdtf">1800-01-03</mods:dateIssued><mods:edition>Morgenausgabe</mods:edition></mods:originInfo>
    <mods:part><mods:detail type="volume"><mods:number>21</mods:number></mods:detail><mods:detail type="issue"><mods:number>10</mods:number></mods:detail></mods:part>
  </mods:mods></xmlData></mdWrap></dmdSec>
  <dmdSec ID="DMD_A1"><mdWrap MDTYPE="MODS"><xmlData><mods:mods>
    <mods:titleInfo><mods:title>Frankreich.</mods:title></mods:titleInfo>
    <mods:name><mods:namePart>J.</mods:namePart><mods:namePart>Meier</mods:namePart></mods:name>
  </mods:mods></xmlData></mdWrap></dmdSec>
  <fileSec>
    <fileGrp USE="IMAGES">
      <fileGrp USE="MAX">
        <file ID="IMG_2" MIMETYPE="image/tiff"><FLocat LOCTYPE="URL" xlink:href="images/Seite%202.tif"/></file>
        <file ID="IMG_1" MIMETYPE="image/tiff"><FLocat LOCTYPE="URL" xlink:href="images/Seite%201.tif"/></file>
      </fileGrp>
    </fileGrp>
    <fileGrp USE="FULLTEXT">
      <file ID="ALTO_1" MIMETYPE="text/xml"><FLocat LOCTYPE="URL" xlink:href="alto/1.xml"/></file>
      <file ID="ALTO_2" MIMETYPE="text/xml"><FLocat LOCTYPE="URL" xlink:href="alto/2.xml"/></file>
    </fileGrp>
  </fileSec>
  <structMap TYPE="PHYSICAL"><div TYPE="physSequence">
    <div ID="P2" TYPE="page" ORDER="2" ORDERLABEL="[2]"><fptr FILEID="IMG_2"/><fptr FILEID="ALTO_2"/></div>
    <div ID="P1" TYPE="page" ORDER="1" ORDERLABEL="1"><fptr FILEID="IMG_1"/><fptr FILEID="ALTO_1"/></div>
  </div></structMap>
  <structMap TYPE="LOGICAL"><div TYPE="newspaper"><div TYPE="year"><div TYPE="issue" DMDID="DMD_ISSUE">
    <div TYPE="section" LABEL="Ausland">
      <div TYPE="article" DMDID="DMD_A1">
        <div TYPE="heading" ORDER="1"><fptr><area FILEID="ALTO_1" BETYPE="IDREF" BEGIN="TB_3"/></fptr></div>
        <div TYPE="body" ORDER="2"><fptr><seq><area FILEID="ALTO_1" BETYPE="IDREF" BEGIN="TB_4"/><area FILEID="ALTO_2" BETYPE="IDREF" BEGIN="TB_1"/></seq></fptr></div>
      </div>
      <div TYPE="Article" LABEL="Preussen."><fptr><area FILEID="ALTO_2" BEGIN="TB_2"/><area FILEID="MISSING" BEGIN="TB_9"/></fptr></div>
    </div>
  </div></div></div></structMap>
</mets>`;

describe('reading METS', () => {
  it('tells METS from other XML by its root element', () => {
    expect(looksLikeMets(FOREIGN)).toBe(true);
    expect(looksLikeMets('<?xml version="1.0"?><mets:mets xmlns:mets="x">')).toBe(true);
    expect(
      looksLikeMets('<?xml version="1.0"?><alto xmlns="http://www.loc.gov/standards/alto/ns-v4#">'),
    ).toBe(false);
    expect(looksLikeMets('<PcGts><Metadata>mets</Metadata>')).toBe(false);
  });

  it('reads pages in physical order, with their images and OCR files, and the issue metadata', () => {
    const mets = readMets(FOREIGN, 'foreign.xml');
    expect(mets.pages).toEqual([
      { image: 'images/Seite%201.tif', ocr: 'alto/1.xml', label: '1' },
      { image: 'images/Seite%202.tif', ocr: 'alto/2.xml', label: '[2]' },
    ]);
    expect(mets).toMatchObject({
      title: 'Neue Zürcher Zeitung',
      date: '1800-01-03',
      edition: 'Morgenausgabe',
      volume: '21',
      number: '10',
    });
  });

  it('reads articles at any depth, their blocks from child divisions in order, across pages', () => {
    const { articles } = readMets(FOREIGN, 'foreign.xml');
    expect(articles).toEqual([
      {
        title: 'Frankreich.',
        byline: 'J. Meier',
        areas: [
          { page: 0, block: 'TB_3' },
          { page: 0, block: 'TB_4' },
          { page: 1, block: 'TB_1' },
        ],
      },
      // No MODS: the division's label is the title; an area in a file no page has is dropped.
      { title: 'Preussen.', byline: null, areas: [{ page: 1, block: 'TB_2' }] },
    ]);
  });

  it('refuses METS without pages, and entity declarations, with the file named', () => {
    expect(() => readMets('<mets><structMap TYPE="LOGICAL"/></mets>', 'x.xml')).toThrow(
      /x\.xml: a METS file without a physical structure map/,
    );
    expect(() => readMets('<!DOCTYPE mets [<!ENTITY a "b">]><mets/>', 'y.xml')).toThrow(/y\.xml: .*entity/);
  });
});
