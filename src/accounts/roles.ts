/**
 * Roles and what they may do. Anonymous visitors read everything public.
 */

export const ROLES = ["admin", "staff", "volunteer"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Readonly<Record<Role, string>> = { admin: "Administrateur", staff: "Équipe", volunteer: "Bénévole" };

/** True when `role` is at least `required` (admin > staff > volunteer). */
export function hasRole(role: string | null | undefined, required: Role): boolean {
  const rank = (r: string | null | undefined) => (r === "admin" ? 3 : r === "staff" ? 2 : r === "volunteer" ? 1 : 0);
  return rank(role) >= rank(required);
}

/** True for a known role name. */
export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
