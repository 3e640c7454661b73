import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { CommitteeMember } from '../entities/CommitteeMember';
import { CommitteeRole } from '../entities/CommitteeRole';
import { CommitteeSector } from '../entities/CommitteeSector';
import { CommitteeMemberRecord } from './planRecords';

const SECTOR_ORDER = `ARRAY['HEALTH_OR_MENTAL_HEALTH', 'EDUCATION', 'COMMUNITY_OR_SOCIAL_SERVICES', 'CHILD_AND_YOUTH_SERVICES',
  'CUSTODIAL_YOUTH_SERVICES', 'MUNICIPAL_EMPLOYEE_OR_COUNCILLOR', 'POLICE_SERVICE_BOARD_OR_OPP', 'OTHER']`;

/** The organisation (case aside) sitting for the sector on the plan's committee, if it does. */
export function findCommitteeMember(manager: EntityManager, planId: string, sector: CommitteeSector, organisation: string): Promise<CommitteeMember | null> {
  return manager
    .getRepository(CommitteeMember)
    .createQueryBuilder('m')
    .where('m.plan_id = :planId AND m.sector = :sector AND lower(m.organisation) = lower(:organisation)', { planId, sector, organisation })
    .getOne();
}

export function findCommitteeChair(manager: EntityManager, planId: string): Promise<CommitteeMember | null> {
  return manager.getRepository(CommitteeMember).findOneBy({ planId, role: CommitteeRole.CHAIR });
}

export async function insertCommitteeMember(
  manager: EntityManager,
  member: Omit<CommitteeMemberRecord, 'id'>,
): Promise<CommitteeMember> {
  const id = randomUUID();
  await manager.query('INSERT INTO plan_committee_member (id, plan_id, sector, organisation, committee_role) VALUES ($1, $2, $3, $4, $5)', [
    id,
    member.planId,
    member.sector,
    member.organisation,
    member.role,
  ]);
  return manager.getRepository(CommitteeMember).findOneByOrFail({ id });
}

/** Removes the member from the plan's committee; false when it was not there. */
export async function deleteCommitteeMember(manager: EntityManager, planId: string, memberId: string): Promise<boolean> {
  const [, removed] = (await manager.query('DELETE FROM plan_committee_member WHERE id = $1 AND plan_id = $2', [memberId, planId])) as [unknown, number];
  return removed > 0;
}

/** The committees of the plans: the chair first, then by sector and organisation. */
export function committeesOfPlans(manager: EntityManager, planIds: readonly string[]): Promise<CommitteeMember[]> {
  return manager
    .getRepository(CommitteeMember)
    .createQueryBuilder('m')
    .where('m.plan_id = ANY(:ids)', { ids: planIds })
    .orderBy(`CASE m.committee_role WHEN 'CHAIR' THEN 0 ELSE 1 END`)
    .addOrderBy(`array_position(${SECTOR_ORDER}, m.sector)`)
    .addOrderBy('lower(m.organisation)')
    .getMany();
}
