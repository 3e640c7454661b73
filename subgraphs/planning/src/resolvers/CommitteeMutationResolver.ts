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
import { deleteCommitteeMember, findCommitteeChair, findCommitteeMember, insertCommitteeMember } from '../store/committeeStore';
import { findPlan, lockPlan, touchPlan } from '../store/planStore';
import { inTransaction } from '../store/transaction';

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
      const existing = await findCommitteeMember(manager, planId, input.sector, organisation);
      if (existing) {
        if (existing.role === input.role) return existing;
        throw new BadUserInputError(
          `input.role: ${existing.organisation} already sits for ${existing.sector} as ${existing.role}; remove it first to change its role`,
          'input.role',
        );
      }
      if (input.role === CommitteeRole.CHAIR) {
        const chair = await findCommitteeChair(manager, planId);
        if (chair) {
          throw new BadUserInputError(`input.role: the plan already has a chair (${chair.organisation}, ${chair.sector})`, 'input.role');
        }
      }
      const member = await insertCommitteeMember(manager, { planId, sector: input.sector, organisation, role: input.role });
      await touchPlan(manager, planId);
      return member;
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
      if (await deleteCommitteeMember(manager, planId, memberId)) await touchPlan(manager, planId);
      return findPlan(manager, planId);
    });
  }
}
