// The renderer's Content-Security-Policy, the same in Electron and in a browser: only our own
// scripts, no inline script or style (except OpenSeadragon's one fixed stylesheet, by hash), no
// plugins, no framing, no forms. Electron adds its backfile: scheme for images and fetches.

/**
 * OpenSeadragon 6 adds one fixed <style> element (no focus outline on touch screens); its hash
 * lets exactly that stylesheet in, and no other inline style.
 */
export const OPENSEADRAGON_STYLE_HASH = "'sha256-9xTiqzfwFaL2SGb1rmr8gysEwVVjIvqWAgmZgqFqpEE='";

export function contentSecurityPolicy(extraSchemes: readonly string[] = []): string {
  const own = ["'self'", ...extraSchemes].join(' ');
  return (
    `default-src 'self'; script-src 'self'; style-src 'self' ${OPENSEADRAGON_STYLE_HASH}; ` +
    `img-src ${own} data: blob:; connect-src ${own}; ` +
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'"
  );
}
