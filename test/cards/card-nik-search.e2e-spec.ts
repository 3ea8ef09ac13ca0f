import { ENGINE, startApp, type TestApp } from '../support/app';
import { bearer, makeOfficer, seekerWithActiveCard, walkInSeekerWithCard, type Session } from '../support/factories';

/**
 * Officers find a person's cards by NIK (`GET /cards?q=`): a whole NIK, typed with spaces, dots or dashes
 * or without, is looked up through its keyed hash (the NIK itself is stored encrypted).
 */
describe(`card register search by NIK on ${ENGINE}`, () => {
  let t: TestApp;
  let officer: Session;

  beforeAll(async () => {
    t = await startApp();
    officer = await makeOfficer(t);
  });
  afterAll(() => t.close());

  const search = async (q: string, extra = '') => {
    const res = await t.http
      .get(`/api/v1/cards?q=${encodeURIComponent(q)}&pageSize=100${extra}`)
      .set(bearer(officer))
      .expect(200);
    return res.body as { total: number; items: { id: string; seekerId: string; status: string }[] };
  };

  it("finds every card of the person with that NIK, however it is typed, and no one else's", async () => {
    const { seeker, card } = await seekerWithActiveCard(t, officer);
    // The same person's second card: the first revoked, a new one requested.
    await t.http
      .post(`/api/v1/cards/${card.id}/revoke`)
      .set(bearer(officer))
      .send({ reason: 'Kartu hilang, diganti' })
      .expect(200);
    const second = await t.http.post('/api/v1/cards/requests').set(bearer(seeker)).expect(201);
    const bystander = await walkInSeekerWithCard(t, officer);

    const nik = seeker.nik;
    const spaced = `${nik.slice(0, 4)} ${nik.slice(4, 8)} ${nik.slice(8, 12)} ${nik.slice(12)}`;
    const dotted = `${nik.slice(0, 2)}.${nik.slice(2, 4)}.${nik.slice(4, 6)}.${nik.slice(6)}`;
    for (const q of [nik, spaced, ` ${dotted} `, nik.replace(/(\d{4})/g, '$1-').slice(0, -1)]) {
      const found = await search(q);
      expect({ q, ids: found.items.map((c) => c.id).sort() }).toEqual({ q, ids: [card.id, second.body.id].sort() });
      expect(found.total).toBe(2);
    }
    // Filters still apply on top of the NIK.
    expect((await search(spaced, '&status=PENDING')).items.map((c) => c.id)).toEqual([second.body.id]);
    expect((await search(bystander.nik)).items.map((c) => c.id)).toEqual([bystander.card.id]);
  });

  it('matches only the whole NIK, never part of one', async () => {
    const walkIn = await walkInSeekerWithCard(t, officer);
    expect((await search(walkIn.nik.slice(0, 15))).total).toBe(0);
    expect((await search(walkIn.nik.slice(4))).total).toBe(0);
    const unknown = walkIn.nik.slice(0, 12) + String((Number(walkIn.nik.slice(12)) % 9999) + 1).padStart(4, '0');
    expect((await search(unknown)).items.map((c) => c.id)).not.toContain(walkIn.card.id);
  });

  it('still finds cards by holder name and by card number', async () => {
    const walkIn = await walkInSeekerWithCard(t, officer, { fullName: 'Kartini Pencarian' });
    expect((await search('kartini pencarian')).items.map((c) => c.id)).toContain(walkIn.card.id);
    expect((await search(walkIn.card.cardNumber)).items.map((c) => c.id)).toEqual([walkIn.card.id]);
  });
});
