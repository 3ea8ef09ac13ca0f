import { AnonymousPages } from '../../src/console/http/anonymous-pages';
import { startApp, type TestApp } from '../support/app';
import { bearer, makeOfficer, postVacancy, uniq, verifiedEmployer, type EmployerSession } from '../support/factories';
import { browser, csrfOf, postForm, signIn, textOf } from './support';

/**
 * Decision 130: the public search page and a vacancy's page are rendered once per (address, data) for
 * visitors who are not signed in, with each browser's own form token put in as the page is sent; and a
 * vacancy anyone may see is read through the search's kept views. Nothing of this may ever show a visitor
 * an old page, another browser's token or a signed-in person's page.
 */
describe('pages every anonymous visitor sees alike', () => {
  let t: TestApp;
  let employer: EmployerSession;
  const word = uniq('Juru').replace(/[^A-Za-z]/g, '');
  const withoutTokens = (html: string) => html.replace(/name="_csrf" value="[^"]+"/g, 'name="_csrf" value=""');

  beforeAll(async () => {
    t = await startApp();
    const officer = await makeOfficer(t);
    employer = await verifiedEmployer(t, officer);
  });
  afterAll(() => t.close());

  it('gives each browser its own token on the same kept page, and the token works', async () => {
    await postVacancy(t, employer, { title: `${word} Gudang` });
    const a = browser(t);
    const b = browser(t);
    const pageA = (await a.get(`/?q=${word}`).expect(200)).text;
    const pageB = (await b.get(`/?q=${word}`).expect(200)).text;
    expect(csrfOf(pageA)).not.toBe(csrfOf(pageB));
    expect(withoutTokens(pageA)).toBe(withoutTokens(pageB));
    expect(pageB).not.toMatch(/ak1csrf/);
    // B's token (from the kept page) is B's: its language switch is accepted, and A's token is refused for B.
    const switched = await postForm(b, `/?q=${word}`, '/bahasa', { lang: 'en', next: '/' });
    expect(switched.status).toBe(303);
    const forged = await b
      .post('/bahasa')
      .type('form')
      .send({ _csrf: csrfOf(pageA), lang: 'id', next: '/' });
    expect(forged.status).toBe(403);
    // The English page is its own page, not the Indonesian one kept before.
    const english = (await b.get(`/?q=${word}`).expect(200)).text;
    expect(english).toContain('<html lang="en">');
  });

  it('shows a change at once: a new vacancy, an edited title, a closed vacancy', async () => {
    const visitor = browser(t);
    const first = textOf((await visitor.get(`/?q=${word}`).expect(200)).text);
    const added = await postVacancy(t, employer, { title: `${word} Kasir Baru` });
    const second = textOf((await visitor.get(`/?q=${word}`).expect(200)).text);
    expect(first).not.toContain(`${word} Kasir Baru`);
    expect(second).toContain(`${word} Kasir Baru`);

    const page = `/lowongan/${added.id}`;
    expect(textOf((await visitor.get(page).expect(200)).text)).toContain(`${word} Kasir Baru`);
    await t.http
      .patch(`/api/v1/vacancies/${added.id}`)
      .set(bearer(employer))
      .send({ title: `${word} Kasir Senior` })
      .expect(200);
    expect((await t.http.get(`/api/v1/vacancies/${added.id}`).expect(200)).body.title).toBe(`${word} Kasir Senior`);
    const edited = textOf((await visitor.get(page).expect(200)).text);
    expect(edited).toContain(`${word} Kasir Senior`);

    await t.http.post(`/api/v1/vacancies/${added.id}/close`).set(bearer(employer)).send({}).expect(200);
    await visitor.get(page).expect(404);
    await t.http.get(`/api/v1/vacancies/${added.id}`).expect(404);
    // Its employer still sees it, with what only the employer sees.
    const own = await t.http.get(`/api/v1/vacancies/${added.id}`).set(bearer(employer)).expect(200);
    expect(own.body.status).toBe('CLOSED');
    expect(own.body.referrals).toBe(0);
  });

  it('shows an edited vacancy in the search results at once (a row written again gets a new revision)', async () => {
    const v = await postVacancy(t, employer, { title: `${word} Pramuniaga` });
    const titles = async () =>
      (
        (await t.http.get(`/api/v1/vacancies?q=${word}&pageSize=50`).expect(200)).body.items as {
          id: string;
          title: string;
        }[]
      )
        .filter((i) => i.id === v.id)
        .map((i) => i.title);
    expect(await titles()).toEqual([`${word} Pramuniaga`]);
    await t.http
      .patch(`/api/v1/vacancies/${v.id}`)
      .set(bearer(employer))
      .send({ title: `${word} Pramuniaga Toko` })
      .expect(200);
    expect(await titles()).toEqual([`${word} Pramuniaga Toko`]);
  });

  it('never keeps or serves a page of someone signed in', async () => {
    const v = await postVacancy(t, employer, { title: `${word} Admin` });
    const staff = browser(t);
    await signIn(staff, employer.email);
    const theirs = (await staff.get(`/lowongan/${v.id}`).expect(200)).text;
    const anonymous = (await browser(t).get(`/lowongan/${v.id}`).expect(200)).text;
    expect(anonymous).not.toBe(theirs);
    expect(textOf(anonymous)).not.toContain(employer.email);
    expect(AnonymousPages.applies({ user: null, sessionId: null } as never)).toBe(true);
    expect(AnonymousPages.applies({ user: { id: 'u' }, sessionId: 's' } as never)).toBe(false);
  });

  it('answers an open vacancy to everyone, and its referrals only to its employer', async () => {
    const v = await postVacancy(t, employer, { title: `${word} Teknisi` });
    const anyone = await t.http.get(`/api/v1/vacancies/${v.id}`).expect(200);
    expect(anyone.body.referrals).toBeUndefined();
    const own = await t.http.get(`/api/v1/vacancies/${v.id}`).set(bearer(employer)).expect(200);
    expect(own.body.referrals).toBe(0);
    const { referrals: _r, ...shared } = own.body;
    expect(shared).toEqual(anyone.body);
  });
});
