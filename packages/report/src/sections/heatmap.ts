import type { Cube } from '../cube.js';
import type { HeatmapCell } from '../model.js';
import { toNumber } from '../rows.js';

/**
 * Read rate by send time, weekday x hour in the report's time zone: all 168 cells, empty ones with zero counts, so
 * the page never has to guess whether a missing cell means "no message" or "not computed".
 */
export async function sendTimeHeatmap(cube: Cube): Promise<HeatmapCell[]> {
  const found = new Map<string, { delivered: number; read: number }>();
  for (const row of await cube.rows('heatmap.sql')) {
    found.set(`${toNumber(row.weekday)}:${toNumber(row.hour)}`, { delivered: toNumber(row.delivered), read: toNumber(row.read) });
  }
  const cells: HeatmapCell[] = [];
  for (let weekday = 1; weekday <= 7; weekday++) {
    for (let hour = 0; hour < 24; hour++) {
      const cell = found.get(`${weekday}:${hour}`);
      cells.push({ weekday, hour, delivered: cell?.delivered ?? 0, read: cell?.read ?? 0 });
    }
  }
  return cells;
}
