import { chart } from './chart';
import { common } from './common';
import { compare } from './compare';
import { map } from './map';
import { profile } from './profile';
import { risk } from './risk';
import { signIn } from './signIn';
import { barChart } from './barChart';
import { scorecard } from './scorecard';
import { services } from './services';
import { situationTable } from './situationTable';

/** Every English message, by key; each view's keys are prefixed by its name and kept in its own file. */
export const en = { ...common, ...chart, ...profile, ...compare, ...map, ...risk, ...signIn, ...barChart, ...scorecard, ...services, ...situationTable } as const;
