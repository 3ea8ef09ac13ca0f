export type Role = 'officer' | 'employer' | 'seeker';
export const ROLES: Role[] = ['officer', 'employer', 'seeker'];

/** The caller, as proven by the access token. */
export interface AuthUser {
  id: string;
  role: Role;
  email: string;
  employerId: string | null;
  seekerId: string | null;
  /**
   * Officers: the office they act for (docs/offices.md). A token or console session issued before offices
   * existed carries none and is read as the root office; null for employers and seekers.
   */
  officeId?: string | null;
}

/** Claims of an access token (besides iss, aud, exp, iat, jti). */
export interface AccessClaims {
  sub: string;
  role: Role;
  email: string;
  emp?: string;
  skr?: string;
  /** Officers: their office's id. */
  off?: string;
}
