import type { GeoProjection } from 'd3-geo';

/**
 * Raster tiles under the outlines, for operators who configured a tile server (`etap serve
 * --tiles`). The map is Web Mercator, so a tile's corners project straight onto the SVG.
 */
export function TileLayer({ template, projection, width, height }: { template: string; projection: GeoProjection; width: number; height: number }) {
  // d3's Mercator has the world 2π·scale wide; a zoom-z tile is 256 px of a 256·2^z world.
  const z = Math.max(0, Math.min(12, Math.round(Math.log2((2 * Math.PI * projection.scale()) / 256))));
  const n = 2 ** z;
  const tileOf = (x: number, y: number) => {
    const [lon, lat] = projection.invert!([x, y])!;
    const tx = Math.floor(((lon + 180) / 360) * n);
    const ty = Math.floor(((1 - Math.log(Math.tan((lat * Math.PI) / 180) + 1 / Math.cos((lat * Math.PI) / 180)) / Math.PI) / 2) * n);
    return [Math.min(n - 1, Math.max(0, tx)), Math.min(n - 1, Math.max(0, ty))];
  };
  const [x0, y0] = tileOf(0, 0);
  const [x1, y1] = tileOf(width, height);
  const corner = (tx: number, ty: number) => {
    const lon = (tx / n) * 360 - 180;
    const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * ty) / n))) * 180) / Math.PI;
    return projection([lon, lat])!;
  };
  const tiles = [];
  for (let tx = x0; tx <= x1; tx++) {
    for (let ty = y0; ty <= y1; ty++) {
      const [left, top] = corner(tx, ty);
      const [right, bottom] = corner(tx + 1, ty + 1);
      const href = template.replace('{z}', String(z)).replace('{x}', String(tx)).replace('{y}', String(ty));
      tiles.push(<image key={`${tx}/${ty}`} href={href} x={left} y={top} width={right - left} height={bottom - top} preserveAspectRatio="none" />);
    }
  }
  return <g className="tiles">{tiles}</g>;
}
