const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether a key is a UUID (any version, any case). Documents are addressed by number or id: this tells them
 * apart before a query compares a number with a uuid column (which PostgreSQL refuses).
 */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
