// A whole class without typing a name: import a roster spreadsheet with one bad row (refused, with the line and the
// reason, nothing written), fix it and confirm; enrol ten photos named by roll number in one go (one is refused in
// words); mark two students by hand; the register grid and its Excel download, read back here; the dashboard's today.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { chromium } from '@playwright/test';
import { CHROMIUM, WORK_DIR } from './fixtures.js';
import { expect, expectAccessible, signInWithToken, teacherViaApi, test } from './helpers.js';

const DEMO = resolve(import.meta.dirname, '../../models/node_modules/@vladmandic/face-api/demo');
// Faces of the npm demo photos (boxes as the engine finds them); each is cut out with room around it. The first
// nine look at the camera; the last is turned 44° (its head lies on a shoulder) and must be refused.
const FACES = [
  ['sample6.jpg', 231, 524, 241],
  ['sample6.jpg', 1136, 331, 248],
  ['sample6.jpg', 1465, 312, 248],
  ['sample3.jpg', 591, 385, 202],
  ['sample3.jpg', 1464, 328, 239],
  ['sample2.jpg', 1453, 190, 199],
  ['sample2.jpg', 892, 260, 189],
  ['sample5.jpg', 355, 926, 237],
  ['sample5.jpg', 1114, 259, 180],
  ['sample1.jpg', 1489, 264, 149],
];
const STUDENTS = [
  'Asha Rao',
  'Bilal Khan',
  'Carmen Ruiz',
  'Dmitri Ivanov',
  'Efua Mensah',
  'Farah Haddad',
  'Goran Petrovic',
  'Hana Sato',
  'Ines Duarte',
  'Jonas Berg',
];
const rollNo = (i) => `7C-${String(i + 1).padStart(2, '0')}`;

/** The faces cut from the demo photos as JPEG portraits named 7C-01.jpg …, written to the run's work folder. */
async function writeFacePhotos() {
  const dir = join(WORK_DIR, 'bulk-photos');
  mkdirSync(dir, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  try {
    const page = await browser.newPage();
    const files = [];
    for (const [i, [photo, x, y, size]] of FACES.entries()) {
      const dataUrl = `data:image/jpeg;base64,${readFileSync(join(DEMO, photo)).toString('base64')}`;
      const b64 = await page.evaluate(
        async ({ dataUrl, x, y, size }) => {
          const img = new Image();
          img.src = dataUrl;
          await img.decode();
          const margin = size * 0.6;
          const sx = Math.max(0, x - margin);
          const sy = Math.max(0, y - margin);
          const sw = Math.min(img.naturalWidth - sx, size + 2 * margin);
          const sh = Math.min(img.naturalHeight - sy, size + 2 * margin);
          const canvas = new OffscreenCanvas(Math.round(sw), Math.round(sh));
          canvas.getContext('2d').drawImage(img, sx, sy, sw, sh, 0, 0, canvas.width, canvas.height);
          const bytes = new Uint8Array(
            await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.95 })).arrayBuffer(),
          );
          let binary = '';
          for (let k = 0; k < bytes.length; k += 0x8000)
            binary += String.fromCharCode(...bytes.subarray(k, k + 0x8000));
          return btoa(binary);
        },
        { dataUrl, x, y, size },
      );
      const file = join(dir, `${rollNo(i)}.jpg`);
      writeFileSync(file, Buffer.from(b64, 'base64'));
      files.push(file);
    }
    return files;
  } finally {
    await browser.close();
  }
}

const csvFile = (rows) => ({
  name: 'roster.csv',
  mimeType: 'text/csv',
  // as Excel saves "CSV UTF-8" in much of Europe: a byte order mark and semicolons
  buffer: Buffer.from(`\uFEFFRoll No.;Student name;E-mail\n${rows.map((r) => r.join(';')).join('\n')}\n`, 'utf8'),
});

test('import a roster with a bad row, fix it, enrol ten photos with one refusal, download the register as Excel', async ({
  page,
  request,
}, testInfo) => {
  const photos = await writeFacePhotos();
  const teacher = await teacherViaApi(request, 'bulk');
  const auth = { Authorization: `Bearer ${teacher.accessToken}` };
  const klass = await (
    await request.post('/api/classes', { headers: auth, data: { name: 'Grade 7 C', timezone: 'UTC' } })
  ).json();
  await signInWithToken(page, teacher);

  await test.step('a roster with a bad row is refused with its line and reason, and nothing is written', async () => {
    await page.goto(`/class.html?class=${klass.id}`);
    await page.getByRole('link', { name: 'Import roster' }).click();
    const rows = STUDENTS.map((name, i) => [rollNo(i), name, `${name.split(' ')[0].toLowerCase()}@school.example`]);
    rows[3][2] = 'dmitri at school'; // line 5 of the file
    await page.getByLabel('Roster file').setInputFiles(csvFile(rows));
    await page.getByRole('button', { name: 'Check the file' }).click();
    await expect(page.getByRole('heading', { name: 'What the file does' })).toBeFocused();
    await expect(page.locator('#preview-summary')).toContainText('1 problem to fix');
    const problem = page.locator('#errors tbody tr');
    await expect(problem).toHaveCount(1);
    await expect(problem).toContainText('5');
    await expect(problem).toContainText('Email must be an email address: dmitri at school.');
    await expect(page.getByRole('button', { name: /^Import/ })).toBeHidden();
    await expectAccessible(page, testInfo, 'roster-import');
    expect(await (await request.get(`/api/classes/${klass.id}/students`, { headers: auth })).json()).toEqual([]);

    rows[3][2] = 'dmitri@school.example';
    await page.getByLabel('Roster file').setInputFiles(csvFile(rows));
    await page.getByRole('button', { name: 'Check the file' }).click();
    await expect(page.locator('#preview-summary')).toContainText('10 new students');
    await expect(page.locator('#create tbody tr')).toHaveCount(10);
    await page.getByRole('button', { name: 'Import 10 students' }).click();
    await expect(page.getByRole('heading', { name: 'Roster imported' })).toBeFocused();
    const roster = await (await request.get(`/api/classes/${klass.id}/students`, { headers: auth })).json();
    expect(roster.map((s) => s.name).sort()).toEqual([...STUDENTS].sort());
  });

  await test.step('ten photos named by roll number: nine enrolled, one refused in words', async () => {
    await page.getByRole('link', { name: 'Add their photos' }).click();
    await page.getByLabel('Photos or a ZIP').setInputFiles(photos);
    await page.getByRole('button', { name: 'Enrol the photos' }).click();
    await expect(page.getByRole('heading', { name: 'Report' })).toBeFocused({ timeout: 120_000 });
    await expect(page.locator('#report-summary')).toHaveText(
      '9 enrolled, 1 refused, 0 without a student, 0 already enrolled.',
    );
    await expect(page.locator('#results tbody tr')).toHaveCount(10);
    const refused = page.locator('#results tbody tr[data-status=REFUSED]');
    await expect(refused).toContainText('7C-10.jpg');
    await expect(refused).toContainText('Jonas Berg');
    await expect(refused).toContainText('Refused: ');
    await expectAccessible(page, testInfo, 'roster-photos');
    const roster = await (await request.get(`/api/classes/${klass.id}/students`, { headers: auth })).json();
    expect(roster.filter((s) => s.faces.length === 1)).toHaveLength(9);
  });

  await test.step('the register grid and its Excel download', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const roster = await (await request.get(`/api/classes/${klass.id}/students`, { headers: auth })).json();
    for (const s of roster.filter((r) => ['7C-01', '7C-02'].includes(r.rollNo))) {
      expect(
        (
          await request.put(`/api/classes/${klass.id}/attendance/${today}/students/${s.id}`, { headers: auth })
        ).status(),
      ).toBe(200);
    }
    await page.goto(`/history.html?class=${klass.id}`);
    await expect(page.locator('#by-student tbody tr')).toHaveCount(10);
    await expect(page.locator('#by-student tbody tr', { hasText: 'Asha Rao' })).toContainText('1 of 1 (100%)');
    await expect(page.locator('#by-student tbody tr', { hasText: 'Carmen Ruiz' }).locator('td.absent')).toHaveText('A');
    await expect(page.locator('#by-student tfoot')).toContainText('2/10');
    await expectAccessible(page, testInfo, 'history-grid');

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download Excel' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^attendance-Grade_7_C-.*\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = workbook.worksheets[0];
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 1 });
    const header = sheet.getRow(1);
    expect(header.getCell(1).value).toBe('Roll no');
    expect(header.getCell(3).value).toBeInstanceOf(Date);
    expect(header.getCell(3).value.toISOString().slice(0, 10)).toBe(today);
    const asha = sheet.getRow(2);
    expect([asha.getCell(1).value, asha.getCell(2).value, asha.getCell(3).value]).toEqual(['7C-01', 'Asha Rao', 'P']);
    expect(asha.getCell(6).value).toBe(1); // percentage as a number: 100 %
    expect(asha.getCell(6).numFmt).toBe('0.0%');
    const carmen = sheet.getRow(4);
    expect([carmen.getCell(3).value, carmen.getCell(4).value, carmen.getCell(6).value]).toEqual(['A', 0, 0]);
  });

  await test.step('the dashboard counts today', async () => {
    await page.goto('/');
    await expect(page.locator('.class-card', { hasText: 'Grade 7 C' })).toContainText(
      '2 of 10 present today · 8 absent',
    );
    await expect(page.locator('#today-summary')).toContainText('Not marked yet:');
  });
});
