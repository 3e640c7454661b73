import { randomUUID } from 'node:crypto';
import { REQUIRES_PLANS_WRITE } from '@cswb/contract/auth';
import { BadUserInputError } from '@cswb/contract/errors';
import { SubgraphContext } from '@cswb/subgraph-kit/server';
import { Arg, Ctx, Directive, ID, Mutation, Resolver } from 'type-graphql';
import { CommitteeMember } from '../entities/CommitteeMember';
import { CommitteeRole } from '../entities/CommitteeRole';
import { Plan } from '../entities/Plan';
import { AddCommitteeMemberInput } from '../inputs/AddCommitteeMemberInput';
import type { PlanningLoaders } from '../loaders/createLoaders';
import { checkOrganisation, checkUuid } from '../plans/validation';
import { inTransaction, lockPlan, touchPlan } from '../plans/writes';

type Context = SubgraphContext<PlanningLoaders>;

/** The advisory committee changes at any point of the plan's life: organisations come and go. */
@Resolver()
export class CommitteeMutationResolver {
  @Directive(REQUIRES_PLANS_WRITE)
  @Mutation(() => CommitteeMember, {
    nullable: true,
    description:
      "Adds an organisation to a plan's advisory committee for a sector. The same organisation for the same sector again returns the existing member.",
  })
  async addCommitteeMember(@Arg('input', () => AddCommitteeMemberInput) input: AddCommitteeMemberInput, @Ctx() ctx: Context): Promise<CommitteeMember> {
    const planId = checkUuid(input.planId, 'input.planId');
    const organisation = checkOrganisation(input.organisation, 'input.organisation');
    return inTransaction(ctx, async (manager) => {
      await lockPlan(manager, planId);
      const members = manager.getRepository(CommitteeMember);
      const existing = await members
        .createQueryBuilder('m')
        .where('m.plan_id = :planId AND m.sector = :sector AND lower(m.organisation) = lower(:organisation)', {
          planId,
          sector: input.sector,
          organisation,
        })
        .getOne();
      if (existing) {
        if (existing.role === input.role) return existing;
        throw new BadUserInputError(
          `input.role: ${existing.organisation} already sits for ${existing.sector} as ${existing.role}; remove it first to change its role`,
          'input.role',
        );
      }
      if (input.role === CommitteeRole.CHAIR) {
        const chair = await members.findOneBy({ planId, role: CommitteeRole.CHAIR });
        if (chair) {
          throw new BadUserInputError(`input.role: the plan already has a chair (${chair.organisation}, ${chair.sector})`, 'input.role');
        }
      }
      const id = randomUUID();
      await manager.query(
        'INSERT INTO plan_committee_member (id, plan_id, sector, organisation, committee_role) VALUES ($1, $2, $3, $4, $5)',
        [id, planId, input.sector, organisation, input.role],
      );
      await touchPlan(manager, planId);
      return members.findOneByOrFail({ id });
    });
  }

  @Directive(REQUIRES_PLANS_WRITE)
  @Mutation(() => Plan, {
    nullable: true,
    description: "Removes a member from a plan's advisory committee and returns the plan; a member no longer there changes nothing",
  })
  async removeCommitteeMember(
    @Arg('planId', () => ID) planIdArg: string,
    @Arg('memberId', () => ID) memberIdArg: string,
    @Ctx() ctx: Context,
  ): Promise<Plan> {
    const planId = checkUuid(planIdArg, 'planId');
    const memberId = checkUuid(memberIdArg, 'memberId');
    return inTransaction(ctx, async (manager) => {
      await lockPlan(manager, planId);
      const [, removed] = (await manager.query('DELETE FROM plan_committee_member WHERE id = $1 AND plan_id = $2', [memberId, planId])) as [
        unknown,
        number,
      ];
      if (removed > 0) await touchPlan(manager, planId);
      return manager.getRepository(Plan).findOneByOrFail({ id: planId });
    });
  }
}
