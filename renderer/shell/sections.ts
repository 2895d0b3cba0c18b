import type { Permission, Role } from '../../shared/contract/roles';
import { can } from '../../shared/contract/roles';

export type SectionId = 'beneficiaries' | 'import' | 'consolidation' | 'discrepancies' | 'payouts' | 'clinic' | 'card' | 'sync' | 'reports' | 'admin';

export interface SectionSpec {
  id: SectionId;
  /** The permission a role needs to see the section at all. */
  permission: Permission;
  /** false: a placeholder page until the issue that builds it lands. */
  built: boolean;
}

export const SECTIONS: readonly SectionSpec[] = [
  { id: 'beneficiaries', permission: 'beneficiaries.read', built: true },
  { id: 'import', permission: 'beneficiaries.write', built: true },
  { id: 'consolidation', permission: 'lists.consolidate', built: true },
  { id: 'discrepancies', permission: 'beneficiaries.write', built: true },
  { id: 'payouts', permission: 'beneficiaries.read', built: true },
  { id: 'clinic', permission: 'clinic.check-in', built: true },
  { id: 'card', permission: 'card.read', built: true },
  { id: 'sync', permission: 'beneficiaries.write', built: true },
  { id: 'reports', permission: 'reports.read', built: true },
  { id: 'admin', permission: 'users.manage', built: true },
];

export type UnbuiltSectionId = 'sync';

export function isUnbuilt(id: SectionId): id is UnbuiltSectionId {
  return SECTIONS.some((s) => s.id === id && !s.built);
}

/** The sections a role may see, in menu order (clinic reception: check-in and the card reader, never welfare data). */
export function sectionsFor(role: Role): SectionSpec[] {
  return SECTIONS.filter((s) => can(role, s.permission));
}
