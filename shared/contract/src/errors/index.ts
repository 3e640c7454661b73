export * from './BadUserInputError';
export * from './ErrorCode';
export * from './InvalidAssertionError';
export * from './NotFoundError';
export * from './UnauthenticatedError';
export * from './UnauthorizedFieldError';
export * from './UntrustedClientError';
