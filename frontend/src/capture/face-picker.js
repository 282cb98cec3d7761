// Choosing the student's face in a photo of several people: the photo with a numbered button over every face the
// server found (its MULTIPLE_FACES answer, boxes in the sent photo's pixels, largest first).
import { h } from '../ui/dom.js';

const BOX_STYLE = {
  minWidth: '44px',
  minHeight: '44px',
  padding: '0',
  background: 'rgba(255, 255, 255, 0.12)',
  border: '3px solid #d4a72c',
  borderRadius: '6px',
  color: '#fff',
  fontWeight: 'bold',
  textShadow: '0 0 3px #000',
  alignItems: 'flex-start',
  justifyContent: 'flex-start',
};

/**
 * @param id prefix of the picker's element ids
 * @param onChoose (index) => void when the teacher taps a face, or Tabs to it and presses Enter
 * @param onRetake () => void for "None of these: use another photo"
 * @returns {{element, show(src, boxes), hide()}}
 */
export function createFacePicker(id, { onChoose, onRetake }) {
  const help = h('p', { class: 'help', id: `${id}-picker-help` });
  const stage = h('div', { class: 'picker-stage', style: 'position: relative; max-width: 640px;' });
  const retake = h('button', { type: 'button', class: 'secondary' }, 'None of these: use another photo');
  const element = h(
    'div',
    { class: 'face-picker', role: 'group', 'aria-labelledby': help.id, hidden: true },
    help,
    stage,
    h('div', { class: 'actions' }, retake),
  );

  function hide() {
    element.hidden = true;
    stage.replaceChildren();
  }

  retake.addEventListener('click', () => {
    hide();
    onRetake();
  });

  function show(src, boxes) {
    const image = h('img', {
      src,
      alt: 'The photo with the faces found in it',
      style: 'width: 100%; display: block; border-radius: 6px;',
    });
    const place = () => {
      const W = image.naturalWidth || 1;
      const H = image.naturalHeight || 1;
      const buttons = boxes.map((box, i) => {
        const button = h(
          'button',
          {
            type: 'button',
            class: 'face-box',
            'aria-label': `Face ${i + 1} of ${boxes.length}${i === 0 ? ' (the largest)' : ''}`,
            dataset: { face: String(i) },
            onclick: () => onChoose(i),
          },
          String(i + 1),
        );
        Object.assign(button.style, {
          position: 'absolute',
          left: `${(100 * box.x) / W}%`,
          top: `${(100 * box.y) / H}%`,
          width: `${(100 * box.width) / W}%`,
          height: `${(100 * box.height) / H}%`,
          ...BOX_STYLE,
        });
        return button;
      });
      stage.replaceChildren(image, ...buttons);
      buttons[0]?.focus();
    };
    help.textContent = `This photo shows ${boxes.length} faces. Tap the student’s face (or Tab to it and press Enter).`;
    element.hidden = false;
    if (image.complete && image.naturalWidth) place();
    else image.addEventListener('load', place, { once: true });
  }

  return { element, show, hide };
}
