import { ancestry, isCurrent, toMatch, tonedName, type DirectoryUnit, type UnitDirectory, type UnitMatch } from './admin-unit-directory';
import { hintFits, unitPathParts } from './admin-unit-names';

// Old lists name communes as they were before 1 July 2025 ("xã An Lão, huyện Bình Lục, tỉnh Hà Nam"); this finds
// the commune in force now that such a name became, through the successions of the official list. Pure.

export interface ResolvedCommune {
  /** The commune in force now. */
  unit: UnitMatch;
  /** The old commune the text named, when it named one that no longer exists. */
  from: UnitMatch | null;
  /** Only part of the old commune went to this one: someone must confirm. */
  split: boolean;
}

export type ResolutionStatus =
  | 'found' //      one commune in force now
  | 'split' //      an old commune whose people went to several new ones: a person chooses among `candidates`
  | 'ambiguous' //  the text fits several communes equally well (say, no district or province given)
  | 'not-found';

export interface CommuneResolution {
  status: ResolutionStatus;
  candidates: ResolvedCommune[];
}

interface Candidate {
  unit: DirectoryUnit;
  matched: number;
  unmatched: number;
  marksAgree: boolean;
}

/**
 * Resolves a commune named by a path of unit names, the most local first. Village parts ("Xóm Trại", "thôn Đông")
 * are skipped; the level words may be missing or abbreviated ("X. An Lão, H. Bình Lục"); a province may be named by
 * its old or its new name ("huyện Bình Lục, tỉnh Ninh Bình").
 */
export function resolveCommunePath(dir: UnitDirectory, text: string): CommuneResolution {
  const parts = unitPathParts(text).filter((p) => p.hint !== 'village');
  const candidates: Candidate[] = [];
  parts.forEach((part, i) => {
    for (const unit of dir.byFolded.get(part.folded) ?? []) {
      if (unit.level !== 'commune' || !hintFits(part.hint, unit.level)) continue;
      const names = higherNames(dir, unit);
      const rest = parts.slice(i + 1);
      const matched = rest.filter((p) => names.some((n) => n.folded === p.folded && hintFits(p.hint, n.level))).length;
      candidates.push({ unit, matched, unmatched: rest.length - matched, marksAgree: tonedName(unit) === part.toned });
    }
  });
  if (candidates.length === 0) return { status: 'not-found', candidates: [] };
  candidates.sort(compareCandidates);
  const best = candidates.filter((c) => compareCandidates(c, candidates[0]) === 0);
  if (best.length > 1) {
    return { status: 'ambiguous', candidates: unique(best.flatMap((c) => successorsOf(dir, c.unit))) };
  }
  const resolved = successorsOf(dir, best[0].unit);
  if (resolved.length === 0) return { status: 'not-found', candidates: [] };
  return { status: resolved.length > 1 || resolved.some((r) => r.split) ? 'split' : 'found', candidates: resolved };
}

/** Fewer names that fit nothing, then more names that fit, then the marks as written, then the unit in force now. */
function compareCandidates(a: Candidate, b: Candidate): number {
  return a.unmatched - b.unmatched || b.matched - a.matched || Number(b.marksAgree) - Number(a.marksAgree)
    || Number(isCurrent(b.unit)) - Number(isCurrent(a.unit));
}

/**
 * Names a path may give above the commune: its district and province, the province an old province became,
 * and the old provinces a new one was formed from.
 */
function higherNames(dir: UnitDirectory, unit: DirectoryUnit): DirectoryUnit[] {
  const names: DirectoryUnit[] = [];
  for (const a of ancestry(dir, unit).slice(1)) {
    names.push(a);
    for (const s of dir.successors.get(a.id) ?? []) pushUnit(dir, names, s.toUnitId);
    for (const s of dir.predecessors.get(a.id) ?? []) pushUnit(dir, names, s.fromUnitId);
  }
  return names;
}

function pushUnit(dir: UnitDirectory, list: DirectoryUnit[], id: string): void {
  const u = dir.byId.get(id);
  if (u) list.push(u);
}

/** The communes in force now that a commune is or became (following successions more than once if needed). */
function successorsOf(dir: UnitDirectory, unit: DirectoryUnit): ResolvedCommune[] {
  const from = isCurrent(unit) ? null : toMatch(dir, unit);
  return currentOf(dir, unit, false, 0).map((r) => ({ unit: toMatch(dir, r.unit), from, split: r.split }));
}

function currentOf(dir: UnitDirectory, unit: DirectoryUnit, split: boolean, depth: number): { unit: DirectoryUnit; split: boolean }[] {
  if (isCurrent(unit)) return [{ unit, split }];
  if (depth > 4) return [];
  const next = dir.successors.get(unit.id) ?? [];
  return next.flatMap((s) => {
    const to = dir.byId.get(s.toUnitId);
    return to ? currentOf(dir, to, split || s.split || next.length > 1, depth + 1) : [];
  });
}

function unique(list: ResolvedCommune[]): ResolvedCommune[] {
  const seen = new Set<string>();
  return list.filter((r) => {
    const key = `${r.unit.id}<${r.from?.id ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
