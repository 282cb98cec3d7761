import { api } from '../api.js';
import { $, h } from '../ui/dom.js';
import { errorText, load, say } from '../ui/feedback.js';
import { onSubmit } from '../ui/forms.js';
import { classPageUrl, classUrl } from '../ui/links.js';
import { startClassPage } from '../ui/page.js';

const { classId, loadClass } = startClassPage({ title: 'Import a roster' });
const importUrl = `/api/classes/${classId}/students/import`;
let checkedFile = null;

$('#roster-link').href = classUrl(classId);
$('#photos-link').href = classPageUrl('roster-photos', classId);
load(loadClass);

const FIELD = { name: 'Name', rollNo: 'Roll number', email: 'Email' };
const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

function send(file, dryRun) {
  const form = new FormData();
  form.append('file', file, file.name);
  return api(`${importUrl}?dryRun=${dryRun}`, { method: 'POST', form });
}

function fill(tableId, rows) {
  $(`#${tableId} tbody`).replaceChildren(
    ...rows.map((cells) => h('tr', {}, ...cells.map((c) => h('td', {}, c ?? '')))),
  );
  $(`#${tableId}-part`).hidden = rows.length === 0;
}

function showPreview(preview) {
  const { create, update, unchanged, errors } = preview;
  fill(
    'errors',
    errors.map((e) => [String(e.line), FIELD[e.field] ?? e.field, e.message]),
  );
  fill(
    'create',
    create.map((s) => [String(s.line), s.rollNo, s.name, s.email]),
  );
  fill(
    'update',
    update.map((s) => [
      String(s.line),
      s.rollNo,
      `${s.name}${s.email ? ` · ${s.email}` : ''}`,
      `${s.previousName}${s.previousEmail ? ` · ${s.previousEmail}` : ''}`,
    ]),
  );
  const parts = [
    `${plural(create.length, 'new student', 'new students')}`,
    `${update.length} updated`,
    `${unchanged} already as in the file`,
  ];
  const summary = errors.length
    ? `${plural(errors.length, 'problem', 'problems')} to fix before anything can be imported. ${parts.join(', ')}.`
    : `${parts.join(', ')}.`;
  say('#preview-summary', summary, errors.length ? 'error' : 'info');
  const changes = create.length + update.length;
  const confirm = $('#confirm');
  confirm.hidden = errors.length > 0 || changes === 0;
  confirm.textContent = `Import ${plural(changes, 'student', 'students')}`;
  $('#preview').hidden = false;
  $('#done').hidden = true;
  $('#preview-title').focus();
}

$('#roster-file').addEventListener('change', () => {
  // a new file (e.g. the fixed one) must be checked before it can be imported
  checkedFile = null;
  $('#preview').hidden = true;
});

onSubmit($('#file-form'), async () => {
  const file = $('#roster-file').files[0];
  say('#confirm-error', '');
  const preview = await send(file, true);
  checkedFile = file;
  showPreview(preview);
});

$('#confirm').addEventListener('click', async () => {
  if (!checkedFile) return;
  const button = $('#confirm');
  button.disabled = true;
  say('#confirm-error', '');
  try {
    const result = await send(checkedFile, false);
    $('#preview').hidden = true;
    $('#done').hidden = false;
    $('#done-text').textContent =
      `${plural(result.create.length, 'student was', 'students were')} added and ${plural(result.update.length, 'student was', 'students were')} updated. New students have no photo yet.`;
    $('#done-title').focus();
  } catch (error) {
    // the server judged the file again: show its list (e.g. a roll number taken meanwhile)
    if (error.problem?.errors)
      showPreview({ ...error.problem, create: error.problem.create ?? [], update: error.problem.update ?? [] });
    say('#confirm-error', errorText(error), 'error');
    $('#confirm-error').focus();
  } finally {
    button.disabled = false;
  }
});
