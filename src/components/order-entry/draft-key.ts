/**
 * Where the order being entered is autosaved: one draft per signed-in user and browser, and one per order
 * being duplicated (`from`), so a duplicate neither replaces nor is replaced by the draft in progress.
 */
export const DRAFT_VERSION = 1;
export const draftStorageKey = (userId: string, from?: string) =>
  `orderdesk.order-entry.v${DRAFT_VERSION}:${userId}${from ? `:from:${from}` : ""}`;
