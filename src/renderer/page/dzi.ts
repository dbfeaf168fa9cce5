// Reads a Deep Zoom descriptor into what OpenSeadragon's DziTileSource needs. Done here rather
// than by OpenSeadragon because the descriptor's URL carries the per-run token as a query, which
// OpenSeadragon would drop from the tile URLs (and it looks for tiles beside a ".dzi" name).

export interface DziInfo {
  width: number;
  height: number;
  tileSize: number;
  tileOverlap: number;
  format: string;
  tilesUrl: string;
  queryParams: string;
}

/** `…/pages/3/tiles?token=x` → tiles under `…/pages/3/tiles/page_files/`, query `?token=x`. */
export function parseDzi(xml: string, descriptorUrl: string): DziInfo {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const image = doc.getElementsByTagName('Image')[0];
  const size = doc.getElementsByTagName('Size')[0];
  if (!image || !size) throw new Error('The page tiles descriptor is not Deep Zoom XML.');
  const [base = '', query = ''] = descriptorUrl.split('?');
  return {
    width: Number(size.getAttribute('Width')),
    height: Number(size.getAttribute('Height')),
    tileSize: Number(image.getAttribute('TileSize')),
    tileOverlap: Number(image.getAttribute('Overlap')),
    format: image.getAttribute('Format') ?? 'jpeg',
    tilesUrl: `${base.replace(/\/$/, '')}/page_files/`,
    queryParams: query ? `?${query}` : '',
  };
}

const descriptors = new Map<string, Promise<DziInfo>>();

/**
 * The descriptor, fetched once per page and run of the app (a page opened again, by its
 * previous/next buttons, has it at once). A failed fetch is forgotten, to be tried again.
 */
export function loadDzi(url: string): Promise<DziInfo> {
  let descriptor = descriptors.get(url);
  if (!descriptor) {
    descriptor = fetch(url).then(async (response) => {
      if (!response.ok) throw new Error(`The page tiles could not be loaded (${response.status}).`);
      return parseDzi(await response.text(), url);
    });
    descriptor.catch(() => descriptors.delete(url));
    descriptors.set(url, descriptor);
  }
  return descriptor;
}
