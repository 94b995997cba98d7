import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Region, RegionDirectory } from '../../domain/identity/region-directory.port';
import type { RegionLevel } from '../../domain/identity/region-code';

/**
 * The Kemendagri region list from the npm package `idn-area-data` (data under ODbL, see
 * docs/data-sources.md). The package's API is ESM-only and parses asynchronously on every call,
 * so we read the CSV files it ships once, at start-up, into maps: every lookup after that is a
 * synchronous hash lookup, cheap enough to run inside a decider.
 */
const FILES: readonly { level: RegionLevel; file: string }[] = [
  { level: 'province', file: 'provinces.csv' },
  { level: 'regency', file: 'regencies.csv' },
  { level: 'district', file: 'districts.csv' },
  { level: 'village', file: 'villages.csv' },
];

export class IdnAreaRegionDirectory implements RegionDirectory {
  private static loading: Promise<IdnAreaRegionDirectory> | undefined;
  private readonly byCode = new Map<string, Region>();
  private readonly children = new Map<string, Region[]>();

  private constructor(regions: Iterable<Region>) {
    for (const region of regions) {
      this.byCode.set(region.code, region);
      const siblings = this.children.get(region.parentCode ?? '');
      if (siblings) siblings.push(region);
      else this.children.set(region.parentCode ?? '', [region]);
    }
    for (const list of this.children.values()) list.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  }

  /** Loads the list once per process; later calls share the same directory. */
  static load(): Promise<IdnAreaRegionDirectory> {
    IdnAreaRegionDirectory.loading ??= IdnAreaRegionDirectory.read();
    return IdnAreaRegionDirectory.loading;
  }

  /** For tools and tests that cannot await; start-up code should prefer `load()`. */
  static loadSync(dataDir = packageDataDir()): IdnAreaRegionDirectory {
    return new IdnAreaRegionDirectory(FILES.flatMap(({ level, file }) => parseCsv(readFileSync(join(dataDir, file), 'utf8'), level)));
  }

  private static async read(dataDir = packageDataDir()): Promise<IdnAreaRegionDirectory> {
    const texts = await Promise.all(FILES.map(({ file }) => readFile(join(dataDir, file), 'utf8')));
    return new IdnAreaRegionDirectory(FILES.flatMap(({ level }, i) => parseCsv(texts[i], level)));
  }

  find(code: string): Region | undefined {
    return this.byCode.get(code);
  }

  isKnown(code: string): boolean {
    return this.byCode.has(code);
  }

  childrenOf(parentCode: string): readonly Region[] {
    return this.children.get(parentCode) ?? [];
  }

  provinces(): readonly Region[] {
    return this.childrenOf('');
  }

  /** The kabupaten and kota of a province, e.g. `32` (Jawa Barat). */
  regenciesOf(provinceCode: string): readonly Region[] {
    return this.childrenOf(provinceCode);
  }

  /** The kecamatan of a regency with their names, e.g. `32.16` (Kabupaten Bekasi): 23 of them. */
  districtsOf(regencyCode: string): readonly Region[] {
    return this.childrenOf(regencyCode);
  }

  /** The desa and kelurahan of a kecamatan, e.g. `32.16.01`. */
  villagesOf(districtCode: string): readonly Region[] {
    return this.childrenOf(districtCode);
  }

  count(level: RegionLevel): number {
    let n = 0;
    for (const region of this.byCode.values()) if (region.level === level) n += 1;
    return n;
  }
}

function packageDataDir(): string {
  return join(dirname(require.resolve('idn-area-data/package.json')), 'data');
}

/**
 * The files are `code,parent_code,name` (provinces: `code,name`) with no quoting; a few village
 * names hold a literal `"` (Soka"an), so we split on the first commas only instead of using a CSV
 * dialect that would treat it as a quote.
 */
function parseCsv(text: string, level: RegionLevel): Region[] {
  const withParent = level !== 'province';
  return text.split(/\r?\n/).slice(1).filter((line) => line.length > 0).map((line) => {
    const first = line.indexOf(',');
    const second = withParent ? line.indexOf(',', first + 1) : first;
    const code = line.slice(0, first);
    const name = line.slice(second + 1).trim();
    return withParent ? { code, name, level, parentCode: line.slice(first + 1, second) } : { code, name, level };
  });
}
