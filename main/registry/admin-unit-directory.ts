import { foldVietnamese } from '../../shared/text/fold';
import { normaliseTonePlacement } from '../../shared/text/tone-placement';
import { unitNameParts, type UnitLevel } from './admin-unit-names';

// The administrative units held in memory for type-ahead search and for resolving the names in old lists.
// Pure: built from rows a query module read (admin-unit-queries.ts).

export interface UnitRecord {
  id: string;
  code: string;
  name: string;
  level: UnitLevel;
  effectiveFrom: string;
  effectiveTo: string | null;
  parentId: string | null;
}

export interface SuccessionRecord {
  fromUnitId: string;
  toUnitId: string;
  split: boolean;
}

export interface DirectoryUnit extends UnitRecord {
  /** Folded proper name, without its level word ("an lao"). */
  folded: string;
  /** Folded full name ("xa an lao"). */
  foldedFull: string;
  provinceId: string;
  /** Lowercase proper name, tone marks in one style ("an lão"): see tonedName. */
  toned?: string;
}

// The official names always begin with their level word, so it can be cut from the folded name directly.
const LEVEL_PREFIX = /^(?:xa|phuong|thi tran|dac khu|tinh|thanh pho|huyen|quan|thi xa) /;

/** Worked out only for the units a search or a path already matched: most never need it. */
export function tonedName(unit: DirectoryUnit): string {
  unit.toned ??= unitNameParts(unit.name).toned;
  return unit.toned;
}

export interface UnitDirectory {
  units: readonly DirectoryUnit[];
  /** The units in force now (no end date): what type-ahead goes through. */
  current: readonly DirectoryUnit[];
  byId: ReadonlyMap<string, DirectoryUnit>;
  byFolded: ReadonlyMap<string, readonly DirectoryUnit[]>;
  successors: ReadonlyMap<string, readonly SuccessionRecord[]>;
  predecessors: ReadonlyMap<string, readonly SuccessionRecord[]>;
}

export function buildUnitDirectory(rows: readonly UnitRecord[], successions: readonly SuccessionRecord[]): UnitDirectory {
  const units = rows.map((r): DirectoryUnit => {
    const foldedFull = foldVietnamese(r.name);
    return { ...r, folded: foldedFull.replace(LEVEL_PREFIX, ''), foldedFull, provinceId: r.id };
  });
  const byId = new Map(units.map((u) => [u.id, u]));
  const byFolded = new Map<string, DirectoryUnit[]>();
  for (const u of units) {
    const same = byFolded.get(u.folded);
    if (same) same.push(u);
    else byFolded.set(u.folded, [u]);
    u.provinceId = provinceOf(byId, u).id;
  }
  const successors = new Map<string, SuccessionRecord[]>();
  const predecessors = new Map<string, SuccessionRecord[]>();
  for (const s of successions) {
    (successors.get(s.fromUnitId) ?? successors.set(s.fromUnitId, []).get(s.fromUnitId)!).push(s);
    (predecessors.get(s.toUnitId) ?? predecessors.set(s.toUnitId, []).get(s.toUnitId)!).push(s);
  }
  return { units, current: units.filter((u) => u.effectiveTo === null), byId, byFolded, successors, predecessors };
}

/** The unit's province (itself for a province). */
function provinceOf(byId: ReadonlyMap<string, DirectoryUnit>, unit: DirectoryUnit): DirectoryUnit {
  let u = unit;
  for (let guard = 0; u.level !== 'province' && u.parentId && guard < 5; guard++) {
    const parent = byId.get(u.parentId);
    if (!parent) break;
    u = parent;
  }
  return u;
}

/** The chain from the unit up to its province: [commune, district, province]. */
export function ancestry(dir: UnitDirectory, unit: DirectoryUnit): DirectoryUnit[] {
  const chain = [unit];
  for (let u = unit; u.parentId && chain.length < 5;) {
    const parent = dir.byId.get(u.parentId);
    if (!parent) break;
    chain.push(parent);
    u = parent;
  }
  return chain;
}

export const isCurrent = (u: UnitRecord, day?: string) =>
  day ? u.effectiveFrom <= day && (u.effectiveTo === null || day < u.effectiveTo) : u.effectiveTo === null;

export interface UnitMatch {
  id: string;
  code: string;
  name: string;
  level: UnitLevel;
  provinceId: string;
  provinceName: string;
  /** "Xã Bình Sơn, Tỉnh Ninh Bình": how the picker shows it. */
  label: string;
}

export interface UnitSearchOptions {
  levels?: readonly UnitLevel[];
  /** Only units under this province. */
  provinceId?: string | null;
  /** Units in force on this day (ISO); default: the ones in force now (no end date). */
  day?: string;
  limit?: number;
}

export function toMatch(dir: UnitDirectory, unit: DirectoryUnit): UnitMatch {
  const province = dir.byId.get(unit.provinceId) ?? unit;
  const label = province.id === unit.id ? unit.name : `${unit.name}, ${province.name}`;
  return { id: unit.id, code: unit.code, name: unit.name, level: unit.level, provinceId: province.id, provinceName: province.name, label };
}

/**
 * Type-ahead over unit names (an empty query with a province: all its units in force, by name): "an lao", "An Lão", "xã an lão", "lão" and "13558" all find Xã An Lão's successor list
 * entries. Words after a comma narrow by the province ("bình sơn, ninh bình"). Marks typed count when they are
 * there: "Yên Thành" ranks Xã Yên Thành before Xã Yên Thanh; tone placement (hoà/hòa) and Đ/D never matter.
 */
export function searchUnitDirectory(dir: UnitDirectory, query: string, options: UnitSearchOptions = {}): UnitMatch[] {
  const [namePart, ...narrowing] = query.split(',');
  const q = unitNameParts(namePart ?? '');
  const qFull = foldVietnamese(namePart ?? '');
  const within = narrowing.map((p) => unitNameParts(p).folded).filter(Boolean);
  const limit = options.limit ?? 20;
  // An empty query lists a province's units (the communes a group office may choose), and nothing otherwise.
  if (q.folded === '' && qFull === '' && !options.provinceId) return [];
  const isCode = /^\d{2,5}$/.test(q.folded);
  const hasMarks = normaliseTonePlacement(q.toned) !== foldVietnamese(q.toned);
  const scored: { unit: DirectoryUnit; score: number; province: DirectoryUnit }[] = [];
  for (const unit of options.day ? dir.units : dir.current) {
    if (options.day && !isCurrent(unit, options.day)) continue;
    if (options.levels && !options.levels.includes(unit.level)) continue;
    if (q.hint && q.hint !== 'village' && !(q.hint === 'city' ? unit.level !== 'commune' : q.hint === unit.level)) continue;
    if (options.provinceId && unit.provinceId !== options.provinceId) continue;
    const province = dir.byId.get(unit.provinceId) ?? unit;
    if (within.length && !within.every((w) => wordPrefix(province.folded, w) || ancestry(dir, unit).some((a) => a !== unit && wordPrefix(a.folded, w)))) continue;
    const score = isCode ? (unit.code === q.folded ? 0 : -1) : nameScore(unit, q.folded, q.toned, qFull, hasMarks);
    if (score >= 0) scored.push({ unit, score, province });
  }
  scored.sort((a, b) => a.score - b.score || levelOrder(a.unit.level) - levelOrder(b.unit.level)
    || compareText(a.unit.folded, b.unit.folded) || compareText(a.unit.name, b.unit.name) || compareText(a.province.folded, b.province.folded));
  return scored.slice(0, limit).map((s) => toMatch(dir, s.unit));
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const levelOrder = (l: UnitLevel) => (l === 'province' ? 0 : l === 'district' ? 1 : 2);

function wordPrefix(folded: string, query: string): boolean {
  return folded === query || folded.startsWith(query) || (' ' + folded).includes(' ' + query);
}

/** Lower is better; -1: no match. Marks typed by the user break ties between names that fold alike. */
function nameScore(unit: DirectoryUnit, folded: string, toned: string, full: string, hasMarks: boolean): number {
  if (!unit.folded.includes(folded) && !unit.foldedFull.includes(full)) return -1;
  const marksAgree = hasMarks && wordPrefix(tonedName(unit), toned);
  const bonus = hasMarks && !marksAgree ? 1 : 0;
  if (unit.folded === folded) return 0 + bonus;
  if (unit.folded.startsWith(folded)) return 2 + bonus;
  if (wordPrefix(unit.folded, folded) || wordPrefix(unit.foldedFull, full)) return 4 + bonus;
  return -1;
}
