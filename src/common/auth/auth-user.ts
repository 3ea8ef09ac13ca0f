export type Role = 'officer' | 'employer' | 'seeker';
export const ROLES: Role[] = ['officer', 'employer', 'seeker'];

/** The caller, as proven by the access token. */
export interface AuthUser {
  id: string;
  role: Role;
  email: string;
  employerId: string | null;
  seekerId: string | null;
}

/** Claims of an access token (besides iss, aud, exp, iat, jti). */
export interface AccessClaims {
  sub: string;
  role: Role;
  email: string;
  emp?: string;
  skr?: string;
}
