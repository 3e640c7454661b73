export * from './Caller';
export * from './accessRequirements';
export * from './authConfig';
export * from './createTokenVerifier';
export * from './directives';
export * from './issueDevelopmentToken';
export * from './protectSchema';
export * from './roles';
