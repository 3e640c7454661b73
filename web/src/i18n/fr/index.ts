import type { Translation } from '../Translation';
import type { en as english } from '../en';
import { common } from './common';
import { signIn } from './signIn';

export const fr: Translation<typeof english> = { ...common, ...signIn };
