import { AnonymousPages } from '../../src/console/http/anonymous-pages';
import { startApp, type TestApp } from '../support/app';
import { bearer, makeOfficer, postVacancy, uniq, verifiedEmployer, type EmployerSession } from '../support/factories';
import { browser, csrfOf, postForm, signIn, textOf } from './support';

/**
 * Decisions 130 and 131: the public search page and a vacancy's page are rendered once per (address, data)
 * for visitors who are not signed in, and a vacancy anyone may see is read through the search's kept views.
 * Such a page holds no form token (the language switch is a link) and sets no cookie, so it is the same for
 * every anonymous reader and is cached like a public answer. Nothing of this may ever show a visitor an old
 * page, another browser's token or a signed-in person's page.
 */
describe('pages every anonymous visitor sees alike', () => {
  let t: TestApp;
  let employer: EmployerSession;
  const word = uniq('Juru').replace(/[^A-Za-z]/g, '');
  const cookiesOf = (res: { headers: Record<string, unknown> }) =>
    ((res.headers['set-cookie'] as string[] | undefined) ?? []).join(';');

  beforeAll(async () => {
    // Absolute links (a vacancy's canonical address) name PUBLIC_URL; without it each test request, made on
    // a port of its own, would see its own origin in them.
    t = await startApp({ PUBLIC_URL: 'https://ak1.example.go.id' });
    const officer = await makeOfficer(t);
    employer = await verifiedEmployer(t, officer);
  });
  afterAll(() => t.close());

  it('gives every anonymous browser the same page: no token, no cookie, cacheable by a proxy', async () => {
    const v = await postVacancy(t, employer, { title: `${word} Gudang` });
    for (const path of [`/?q=${word}`, `/lowongan/${v.id}`, '/bantuan']) {
      const a = await browser(t).get(path).expect(200);
      const b = await browser(t).get(path).expect(200);
      expect(b.text).toBe(a.text);
      expect(a.text).not.toMatch(/name="_csrf"|name="_form"/);
      expect(cookiesOf(a)).toBe('');
      expect(a.headers['cache-control']).toBe('public, max-age=30, stale-while-revalidate=30');
      expect(a.headers.vary).toBe('Cookie, Accept-Encoding');
      expect(b.headers.etag).toBe(a.headers.etag);
      // Asked again with the version it holds, a browser gets 304 and no body.
      await browser(t).get(path).set('If-None-Match', String(a.headers.etag)).expect(304);
    }
    // The sign-in page holds the form's token: the browser gets its seed, and only it may keep the page.
    const signInPage = await browser(t).get('/masuk').expect(200);
    expect(csrfOf(signInPage.text)).toBeTruthy();
    expect(cookiesOf(signInPage)).toMatch(/ak1_csrf=/);
    expect(signInPage.headers['cache-control']).toBe('no-store');
  });

  it('signs in a browser that only read anonymous pages before, and keeps its pages to itself after', async () => {
    const v = await postVacancy(t, employer, { title: `${word} Staf` });
    const b = browser(t);
    await b.get(`/?q=${word}`).expect(200);
    await b.get(`/lowongan/${v.id}`).expect(200);
    // A form sent by a browser that was never given a seed is refused, and the refusal gives it one.
    const refused = await b.post('/bahasa').type('form').send({ _csrf: 'x', lang: 'en', next: '/' });
    expect(refused.status).toBe(403);
    expect(cookiesOf(refused)).toMatch(/ak1_csrf=/);
    await signIn(b, employer.email);
    const mine = await b.get(`/lowongan/${v.id}`).expect(200);
    expect(mine.headers['cache-control']).not.toMatch(/public/);
    // Signed in, the language switch is the form, with this browser's token, and it is accepted.
    const switched = await postForm(b, `/lowongan/${v.id}`, '/bahasa', { lang: 'en', next: '/' });
    expect(switched.status).toBe(303);
    expect((await b.get(`/lowongan/${v.id}`).expect(200)).text).toContain('<html lang="en">');
  });

  it('keeps the English page apart from the Indonesian one', async () => {
    await postVacancy(t, employer, { title: `${word} Kurir` });
    const b = browser(t);
    const indonesian = (await b.get(`/?q=${word}`).expect(200)).text;
    const link = /<a href="(\/bahasa\?[^"]+)"/.exec(indonesian)![1];
    expect((await b.get(link)).status).toBe(303);
    const english = await b.get(`/?q=${word}`).expect(200);
    expect(english.text).toContain('<html lang="en">');
    expect(english.text).not.toBe(indonesian);
    expect(english.headers.vary).toBe('Cookie, Accept-Encoding');
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
