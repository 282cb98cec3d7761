import { api } from '../api.js';
import { h } from './dom.js';

/** Fetches a file with the bearer token (as `accept`) and hands it to the browser as a download named `fileName`. */
export async function download(url, { accept, fileName }) {
  const file = await api(url, { accept });
  const link = h('a', { href: URL.createObjectURL(file), download: fileName.replace(/[^\w.-]+/g, '_') });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
