// The shape a Chinese part of the catalogue takes: the keys of its English part (a function that
// makes it, en.ts), each message taking the same parameters (the compiler checks both sides;
// test/i18n checks the text).
export type Translation<Part extends () => object> = { readonly [K in keyof ReturnType<Part>]: ReturnType<Part>[K] };
