/**
 * Imported first by the entry points: graphql-js and Apollo Server run extra development
 * checks on every field unless NODE_ENV is production, which servers default to.
 */
process.env.NODE_ENV ??= 'production';
