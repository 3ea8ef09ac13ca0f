import { startApp, type TestApp } from '../support/app';
import { makeOfficer, registerSeeker, uniq, verifiedEmployer, type Session } from '../support/factories';
import { browser, postForm, signIn, textOf, tokensOf } from './support';

/**
 * "Kirim sosialisasi" in the officers' console, without a browser: from the outreach list to the form
 * (its filters carried over), refusals in Indonesian on their fields, the draft with its number of
 * recipients, "Kirim" once, and the campaign list and page with their counts.
 */
describe('web console: outreach campaigns (server)', () => {
  let t: TestApp;
  let officer: Session;
  const kbli = String(10000 + Math.floor(Math.random() * 89999)).slice(0, 5);

  beforeAll(async () => {
    t = await startApp();
    t.clock.set('2026-11-10T05:00:00.000Z');
    officer = await makeOfficer(t);
    // Two verified companies of a sector of their own, doing nothing: the audience below is theirs alone.
    await verifiedEmployer(t, officer, { kbli, kecamatanCode: '16.71.05' });
    await verifiedEmployer(t, officer, { kbli, kecamatanCode: '16.71.09' });
  });
  afterAll(async () => {
    await t.close();
  });

  const form = (fields: Record<string, string>) => ({
    title: 'Sosialisasi wajib lapor lowongan',
    message: 'Bapak/Ibu HRD,\nlaporkan lowongan Anda ke Disnaker.',
    'audience.participating': 'false',
    'audience.from': '2026-11-01',
    'audience.to': '2026-11-10',
    'audience.status': 'VERIFIED',
    'audience.kbli': kbli,
    'audience.kecamatanCode': '',
    ...fields,
  });

  it('opens the form from the outreach list with its filters, and counts characters', async () => {
    const b = browser(t);
    await signIn(b, officer.email);
    const list = await b.get('/petugas/penjangkauan?from=2026-11-01&to=2026-11-10');
    expect(list.status).toBe(200);
    const link = /href="(\/petugas\/penjangkauan\/kampanye\/baru\?[^"]+)"/.exec(list.text);
    expect(link).not.toBeNull();
    const href = link![1].replace(/&amp;/g, '&');
    expect(href).toBe(
      '/petugas/penjangkauan/kampanye/baru?participating=false&status=VERIFIED&from=2026-11-01&to=2026-11-10',
    );
    expect(textOf(list.text)).toContain('Riwayat sosialisasi');

    const page = await b.get(href);
    expect(page.status).toBe(200);
    const text = textOf(page.text);
    expect(text).toContain('Kirim sosialisasi');
    expect(text).toContain('0 dari 1.000 karakter');
    expect(page.text).toMatch(/<option value="false" selected>Tidak berpartisipasi<\/option>/);
    expect(page.text).toMatch(/<option value="VERIFIED" selected>Terverifikasi<\/option>/);
    expect(page.text).toContain('value="2026-11-01"');
    expect(page.text).toContain('value="2026-11-10"');
    expect(page.text).toContain('data-count="f-message-count"');
    expect(page.text).toContain('name="_csrf"');
  });

  it('refuses a form in Indonesian, on its fields, keeping what was typed', async () => {
    const b = browser(t);
    await signIn(b, officer.email);
    const page = await b.get('/petugas/penjangkauan/kampanye/baru');
    const refused = await b
      .post('/petugas/penjangkauan/kampanye/baru')
      .type('form')
      .send({
        ...tokensOf(page.text, '/petugas/penjangkauan/kampanye/baru'),
        ...form({ title: '', message: 'x'.repeat(1001), 'audience.kbli': '47' }),
      });
    expect(refused.status).toBe(400);
    const text = textOf(refused.text);
    expect(text).toContain('Judul wajib diisi');
    expect(text).toContain('Tulis isi pesan, paling banyak 1.000 karakter.');
    expect(text).toContain('KBLI harus tepat 5 digit angka.');
    expect(text).toContain('1.001 dari 1.000 karakter');
    expect(text).not.toMatch(/must|VALIDATION_FAILED/);
    expect(refused.text).toContain('value="47"');

    // An audience that matches nobody: one sentence, nothing saved.
    const again = await b.get('/petugas/penjangkauan/kampanye/baru');
    const empty = await b
      .post('/petugas/penjangkauan/kampanye/baru')
      .type('form')
      .send({ ...tokensOf(again.text, '/petugas/penjangkauan/kampanye/baru'), ...form({ 'audience.kbli': '99999' }) });
    expect(empty.status).toBe(422);
    expect(textOf(empty.text)).toContain('Tidak ada perusahaan yang memenuhi pilihan penerima ini.');
    expect(textOf(empty.text)).not.toContain('EMPTY_AUDIENCE');
  });

  it('saves a draft showing its recipients, sends it once with Kirim, and lists it with its counts', async () => {
    const b = browser(t);
    await signIn(b, officer.email);
    const page = await b.get('/petugas/penjangkauan/kampanye/baru');
    const title = `Sosialisasi ${uniq('uji')}`;
    const made = await b
      .post('/petugas/penjangkauan/kampanye/baru')
      .type('form')
      .send({ ...tokensOf(page.text, '/petugas/penjangkauan/kampanye/baru'), ...form({ title }) });
    expect(made.status).toBe(303);
    const m = /^\/petugas\/penjangkauan\/kampanye\/([0-9a-f-]{36})\?ok=campaignDrafted$/.exec(made.headers.location);
    expect(m).not.toBeNull();
    const path = `/petugas/penjangkauan/kampanye/${m![1]}`;

    const draft = await b.get(made.headers.location);
    const draftText = textOf(draft.text);
    expect(draftText).toContain('Sosialisasi disimpan sebagai draf');
    expect(draftText).toContain('2 perusahaan akan menerima pesan ini');
    expect(draftText).toContain('Draf');
    expect(draftText).toContain('Hasil tampil setelah sosialisasi dikirim.');
    // The message as written, its line break kept for the browser to show.
    expect(draft.text).toContain('Bapak/Ibu HRD,\nlaporkan lowongan Anda ke Disnaker.');
    // A second copy of the page, to try sending twice.
    const second = await b.get(path);

    const sent = await b
      .post(`${path}/kirim`)
      .type('form')
      .send(tokensOf(draft.text, `${path}/kirim`));
    expect(sent.status).toBe(303);
    expect(sent.headers.location).toBe(`${path}?ok=campaignSent`);
    const after = textOf((await b.get(sent.headers.location)).text);
    expect(after).toContain('Sosialisasi telah dikirim');
    expect(after).toContain('Terkirim');
    expect(after).toContain('Berpartisipasi dalam 30 hari');
    expect(after).toContain('Tingkat konversi');
    expect(after).not.toContain('akan menerima pesan ini');

    const twice = await b
      .post(`${path}/kirim`)
      .type('form')
      .send(tokensOf(second.text, `${path}/kirim`));
    expect(twice.headers.location).toBe(`${path}?err=INVALID_STATE_TRANSITION`);
    expect(textOf((await b.get(twice.headers.location)).text)).toContain(
      'Tindakan ini tidak dapat dilakukan pada status saat ini.',
    );

    const list = await b.get('/petugas/penjangkauan/kampanye');
    expect(list.status).toBe(200);
    const listText = textOf(list.text);
    expect(listText).toContain(title);
    expect(listText).toContain('2 penerima');
    expect(listText).toContain('0 berpartisipasi');
    expect(list.text).toContain(`href="${path}"`);
  });

  it('speaks English when asked', async () => {
    const b = browser(t);
    await signIn(b, officer.email);
    await postForm(b, '/', '/bahasa', { lang: 'en', next: '/' });
    const text = textOf((await b.get('/petugas/penjangkauan/kampanye/baru')).text);
    expect(text).toContain('Send an outreach message');
    expect(text).toContain('0 of 1.000 characters');
    expect(textOf((await b.get('/petugas/penjangkauan/kampanye')).text)).toContain('Outreach history');
  });

  it('is for officers only', async () => {
    const anon = await t.http.get('/petugas/penjangkauan/kampanye');
    expect(anon.status).toBe(303);
    const seeker = await registerSeeker(t);
    const b = browser(t);
    await signIn(b, seeker.email);
    for (const path of ['/petugas/penjangkauan/kampanye', '/petugas/penjangkauan/kampanye/baru']) {
      expect((await b.get(path)).status).toBe(403);
    }
    const unknown = browser(t);
    await signIn(unknown, officer.email);
    expect((await unknown.get('/petugas/penjangkauan/kampanye/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});
