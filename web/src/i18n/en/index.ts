import { common } from './common';
import { signIn } from './signIn';

/** Every English message, by key; each view's keys are prefixed by its name and kept in its own file. */
export const en = { ...common, ...signIn } as const;
