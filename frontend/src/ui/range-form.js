// The date-range form of the history and student pages: From, To, "Show" and the downloads of that range.
import { api } from '../api.js';
import { h } from './dom.js';
import { errorText, say } from './feedback.js';
import { onSubmit } from './forms.js';
import { download } from './downloads.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Draws the range form into the page's empty `form` and wires it to `${base}/attendance`: "Show" hands the report
 * for the chosen range to `show(report)`; "Download CSV" (and "Download Excel" with `excel`) saves the same range as
 * `attendance-<name>-<from>-to-<to>`, the name asked for at click time (the page's subject loads later).
 * `showDefault()` shows the server's default range (rollcall.attendance.default-range-days up to the class's today)
 * and puts its dates into the form, so the page keeps no copy of that default.
 */
export function createRangeForm(form, { base, show, name, excel = false, primary = false }) {
  const field = (id, label) =>
    h(
      'div',
      { class: 'field' },
      h('label', { for: id }, label),
      h('input', { id, name: id, type: 'date', required: true }),
    );
  const errorBox = h('p', { class: 'message', 'data-error': true, role: 'alert', tabindex: '-1', hidden: true });
  const downloadButton = (id, label, accept, extension) =>
    h('button', { class: 'secondary', type: 'button', id, onclick: () => save(accept, extension) }, label);
  form.replaceChildren(
    field('from', 'From'),
    field('to', 'To'),
    errorBox,
    h(
      'div',
      { class: 'actions' },
      h('button', { class: primary ? 'primary' : 'secondary', type: 'submit' }, 'Show'),
      downloadButton('download', 'Download CSV', 'text/csv', 'csv'),
      excel ? downloadButton('download-xlsx', 'Download Excel', XLSX, 'xlsx') : null,
    ),
  );
  const report = (from, to) => api(`${base}/attendance?from=${from}&to=${to}`);

  async function save(accept, extension) {
    if (!form.reportValidity()) return;
    const { from, to } = Object.fromEntries(new FormData(form));
    say(errorBox, '');
    try {
      const fileName = `attendance-${name()}-${from}-to-${to}.${extension}`;
      await download(`${base}/attendance?from=${from}&to=${to}`, { accept, fileName });
    } catch (error) {
      say(errorBox, errorText(error), 'error');
    }
  }

  onSubmit(form, async ({ from, to }) => show(await report(from, to)));

  return {
    async showDefault() {
      const answer = await api(`${base}/attendance`);
      form.elements.from.value = answer.from;
      form.elements.to.value = answer.to;
      await show(answer);
    },
  };
}
