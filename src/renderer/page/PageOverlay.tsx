// What is drawn over the page image, in page pixels: regions coloured by role with their
// reading-order numbers, line boxes (the active and hovered line stand out), low-confidence
// words shaded, search hits highlighted, and the shape being drawn.

import type { Box, Point } from '../../shared/geometry.ts';
import type { PageLines, RegionView } from '../../shared/api/contract.ts';
import { isUncertain } from './editor-navigation.ts';

interface Props {
  lines: PageLines['lines'];
  regions: RegionView[];
  selectedRegions: ReadonlySet<number>;
  /** The region the pointer is over in the region list: it stands out on the image. */
  hoverRegionId?: number | null;
  activeLineId: number | null;
  hoverLineId: number | null;
  hits: Box[];
  drawingShape: readonly Point[] | null;
  showWords: boolean;
}

const rect = (b: Box) => ({ x: b.x0, y: b.y0, width: b.x1 - b.x0, height: b.y1 - b.y0 });

export function PageOverlay(props: Props) {
  return (
    <>
      {props.regions.map((r) => (
        <g
          key={`r${r.id}`}
          className={`region role-${r.role}${props.selectedRegions.has(r.id) ? ' selected' : ''}${r.id === props.hoverRegionId ? ' hover' : ''}`}
          data-region-id={r.id}
        >
          <polygon points={r.polygon.map((p) => p.join(',')).join(' ')} />
          <text x={r.box.x0 + 6} y={r.box.y0 + 6} className="reading-order">
            {r.readingOrder + 1}
          </text>
        </g>
      ))}
      {props.lines.map((l) => (
        <rect
          key={`l${l.id}`}
          {...rect(l.box)}
          data-line-id={l.id}
          className={`line-box${l.id === props.activeLineId ? ' active' : ''}${l.id === props.hoverLineId ? ' hover' : ''}${l.corrected ? ' corrected' : ''}`}
        />
      ))}
      {props.showWords &&
        props.lines.flatMap((l) =>
          l.words
            .filter((w) => isUncertain(l, w))
            .map((w, i) => <rect key={`w${l.id}-${i}`} {...rect(w.box)} className="low-word" />),
        )}
      {props.hits.map((b, i) => (
        <rect key={`h${i}`} {...rect(b)} className="hit" />
      ))}
      {props.drawingShape && props.drawingShape.length > 0 && (
        <polyline className="drawing-shape" points={props.drawingShape.map((p) => p.join(',')).join(' ')} />
      )}
    </>
  );
}
