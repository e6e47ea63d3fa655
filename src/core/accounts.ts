// Account names as a hierarchy.

/**
 * Whether `account` is `parent` or one of its subaccounts. (By character codes: an account under
 * another root differs at its first character, and startsWith between a Chinese account and an
 * ASCII root was a tenth of reading the claims list.)
 */
export function isUnder(account: string, parent: string): boolean {
  const length = parent.length;
  if (account.length < length || (account.length > length && account.charCodeAt(length) !== 58 /* ":" */)) return false;
  for (let index = 0; index < length; index++) if (account.charCodeAt(index) !== parent.charCodeAt(index)) return false;
  return true;
}
