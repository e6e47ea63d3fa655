// The shape a Chinese part of the catalogue takes: the keys of its English part, each message
// taking the same parameters (the compiler checks both sides; test/i18n checks the text).
export type Translation<T> = { readonly [K in keyof T]: T[K] };
