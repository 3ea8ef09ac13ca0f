import type { ReferenceCodes } from '../../reference/reference-codes.service.js';
import type { SeekerPickers } from '../views/seeker/SeekerIdentityFields.js';

/** The suggestions of the seeker profile's pickers: every detailed education code, every KBJI unit group. */
export async function seekerPickers(codes: ReferenceCodes): Promise<SeekerPickers> {
  const [education, kbji] = await Promise.all([codes.entries('education'), codes.entries('kbji')]);
  return { education, occupations: kbji.filter((e) => e.code.length === 4) };
}
