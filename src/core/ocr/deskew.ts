// Finds a page's skew by projection profiles: text lines make the row sums of dark pixels most
// "peaky" when the rows run along the lines. Pure: works on a small greyscale copy of the page.

export interface GreyImage {
  width: number;
  height: number;
  data: Uint8Array; // one byte per pixel, 0 = black
}

/** Skew of the text lines in degrees, clockwise positive (image y down); 0 when unsure. */
export function estimateSkew(image: GreyImage, maxDegrees = 3, step = 0.1): number {
  const { width, height, data } = image;
  // Dark pixels, found once: a threshold halfway between the page's dark and light ends.
  let min = 255;
  let max = 0;
  for (const v of data) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (max - min < 40) return 0;
  const threshold = (min + max) / 2;
  const xs: number[] = [];
  const ys: number[] = [];
  // Skip a margin: scanner-bed corners of rotated scans are dark and would dominate the profile.
  const mx = Math.floor(width * 0.05);
  const my = Math.floor(height * 0.05);
  for (let y = my; y < height - my; y++) {
    for (let x = mx; x < width - mx; x++) {
      if (data[y * width + x]! < threshold) {
        xs.push(x - width / 2);
        ys.push(y);
      }
    }
  }
  if (xs.length < 100) return 0;
  let best = 0;
  let bestScore = -1;
  const bins = new Float64Array(height * 2 + 2);
  for (let deg = -maxDegrees; deg <= maxDegrees + 1e-9; deg += step) {
    const t = Math.tan((deg * Math.PI) / 180);
    bins.fill(0);
    for (let i = 0; i < xs.length; i++) {
      const row = Math.round(ys[i]! - xs[i]! * t) + height / 2;
      if (row >= 0 && row < bins.length) bins[Math.floor(row)]!++;
    }
    let score = 0;
    for (let r = 1; r < bins.length; r++) {
      const d = bins[r]! - bins[r - 1]!;
      score += d * d;
    }
    if (score > bestScore) {
      bestScore = score;
      best = deg;
    }
  }
  return Math.round(best * 100) / 100;
}
