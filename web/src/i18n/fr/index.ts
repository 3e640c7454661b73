import type { Translation } from '../Translation';
import type { en as english } from '../en';
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

export const fr: Translation<typeof english> = { ...common, ...chart, ...profile, ...compare, ...map, ...risk, ...signIn, ...barChart, ...scorecard, ...services, ...situationTable };
