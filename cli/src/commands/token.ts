import { issueDevelopmentToken, Purpose, PURPOSES, readAuthConfig, Role, ROLES } from '@cswb/contract/auth';
import { ConfigError } from '@cswb/contract/config';
import { withDevelopmentTokenSecret } from '../developmentTokenSecret';

export interface TokenArgs {
  role: string;
  sector?: string;
  agency?: string;
  purpose?: string;
  subject?: string;
  ttl: string;
}

/**
 * `cswb token --role <role>`: a development token signed with the secret `npm start` uses.
 * In production, tokens come from the agencies' identity provider, never from here.
 */
export async function token(args: TokenArgs): Promise<number> {
  const fail = (message: string) => {
    process.stderr.write(`cswb token: ${message}\n`);
    return 2;
  };
  if (!(ROLES as readonly string[]).includes(args.role)) return fail(`--role must be one of ${ROLES.join(', ')}, got "${args.role}"`);
  const role = args.role as Role;
  if ((role === 'sector-analyst' || role === 'data-steward') && !args.sector) return fail(`--role ${role} needs --sector (e.g. police)`);
  if (args.purpose !== undefined && !(PURPOSES as readonly string[]).includes(args.purpose)) {
    return fail(`--purpose must be one of ${PURPOSES.join(', ')}, got "${args.purpose}"`);
  }
  const ttl = Number(args.ttl);
  if (!Number.isInteger(ttl) || ttl < 1 || ttl > 86_400) return fail(`--ttl must be whole seconds from 1 to 86400, got "${args.ttl}"`);

  let config;
  try {
    config = readAuthConfig(withDevelopmentTokenSecret(process.env, () => {}));
  } catch (error) {
    return fail(error instanceof ConfigError ? error.message : (error as Error).message);
  }
  let jwt: string;
  try {
    // Refuses any key source but the development secret, with the message the user sees.
    jwt = await issueDevelopmentToken(config, {
      role,
      sector: args.sector,
      agency: args.agency,
      purpose: args.purpose as Purpose | undefined,
      subject: args.subject,
      ttlSeconds: ttl,
    });
  } catch (error) {
    return fail((error as Error).message);
  }
  process.stdout.write(`${jwt}\n`);
  return 0;
}
