import { defineCommand } from './CommandDeclaration';

export const certsCommand = defineCommand({
  name: 'certs',
  summary:
    "The deployment CA and the gateway's and subgraphs' certificates (made on first npm start); rotate one, or sign an agency's own request",
  options: {
    renew: { type: 'string', value: '<member>', description: 'Issue that member a new key and certificate now (rotation)' },
    sign: {
      type: 'string',
      value: '<request.pem>',
      description: "Issue a certificate for a member's own PKCS#10 request (its key never leaves the agency); writes <dir>/<member>.crt and prints it",
    },
    member: { type: 'string', value: '<name>', description: 'With --sign: the member (CN) the request is for: gateway or a subgraph name' },
    hosts: { type: 'string', value: '<a,b>', description: 'Extra DNS names the certificates are valid for (e.g. compose service names)' },
    dir: { type: 'string', value: '<path>', description: 'Where the CA and certificates are (overrides HUB_CERTS_DIR)' },
  },
  details: () => `Forms: cswb certs [--dir <path>] [--hosts <a,b>]
       cswb certs --renew <member> [--dir <path>] [--hosts <a,b>]
       cswb certs --sign <request.pem> --member <name> [--dir <path>] [--hosts <a,b>]

The deployment's certificate authority and its members' certificates (the gateway and one per
subgraph), in HUB_CERTS_DIR (default <CSWB_DATA_DIR>/certs). Without options: make the CA if
there is none and (re)issue every member certificate that is missing or expires within 30 days.
Exit codes: 0 done, 1 failed, 2 usage.
`,
  run: ({ values }) => (require('./certs') as typeof import('./certs')).certs(values),
});
