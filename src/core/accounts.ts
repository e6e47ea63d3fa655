// Account names as a hierarchy.

/** Whether `account` is `parent` or one of its subaccounts. */
export function isUnder(account: string, parent: string): boolean {
  return account === parent || (account.startsWith(parent) && account.charCodeAt(parent.length) === 58 /* ":" */);
}
