/** A catalogue in another language: every key of the English one, each with its own text. */
export type Translation<T extends Record<string, string>> = { readonly [K in keyof T]: string };
