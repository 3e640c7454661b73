/** The gateway process of `cswb start` did not become ready; `reported`: it has logged why itself. */
export class GatewayNotStarted extends Error {
  constructor(
    message: string,
    readonly reported: boolean,
  ) {
    super(message);
    this.name = 'GatewayNotStarted';
  }
}
