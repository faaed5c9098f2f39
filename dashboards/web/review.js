// Review panel of the item page: accept, reject or correct each automatic mention, add a
// missed one from the text selection, and see who changed what. DOM via h() only.
import { h } from './dom.js';

export const REVIEW_TEXTS = {
  az: {
    'review.title': 'Etiketlərin yoxlanması',
    'review.accept': 'Təsdiq et',
    'review.reject': 'Rədd et',
    'review.correct': 'Düzəliş et',
    'review.save': 'Düzəlişi saxla',
    'review.entity': 'Namizəd / partiya',
    'review.tone': 'Ton',
    'review.speech': 'Nitq',
    'review.speech.none': '—',
    'review.speech.direct': 'birbaşa nitq',
    'review.speech.indirect': 'dolayı nitq',
    'review.add': 'Çatışmayan istinadı əlavə et',
    'review.addHint': 'Mətndə adı seçin, sonra düyməni basın.',
    'review.addButton': 'Seçilmiş mətndən əlavə et',
    'review.noSelection': 'Əvvəlcə mətndə bir söz və ya ifadə seçin.',
    'review.ambiguous': 'Seçilmiş mətn bir neçə yerdə var: daha uzun hissə seçin.',
    'review.saved': 'Saxlanıldı.',
    'review.history': 'Dəyişikliklərin tarixçəsi',
    'review.noHistory': 'Hələ dəyişiklik yoxdur.',
    'review.none': 'Bu materialda istinad yoxdur.',
    'review.status.auto': 'avtomatik',
    'review.status.accepted': 'təsdiqlənib',
    'review.status.corrected': 'düzəldilib',
    'review.status.added': 'əlavə edilib',
    'review.action.accept': 'təsdiq',
    'review.action.correct': 'düzəliş',
    'review.action.reject': 'rədd',
    'review.action.add': 'əlavə',
    'review.tone.positive': 'müsbət',
    'review.tone.neutral': 'neytral',
    'review.tone.negative': 'mənfi',
  },
  en: {
    'review.title': 'Review of tags',
    'review.accept': 'Accept',
    'review.reject': 'Reject',
    'review.correct': 'Correct',
    'review.save': 'Save correction',
    'review.entity': 'Candidate / party',
    'review.tone': 'Tone',
    'review.speech': 'Speech',
    'review.speech.none': '—',
    'review.speech.direct': 'direct speech',
    'review.speech.indirect': 'indirect speech',
    'review.add': 'Add a missed mention',
    'review.addHint': 'Select the name in the text, then press the button.',
    'review.addButton': 'Add from selection',
    'review.noSelection': 'First select a word or phrase in the text.',
    'review.ambiguous': 'The selected text occurs more than once: select a longer passage.',
    'review.saved': 'Saved.',
    'review.history': 'History of changes',
    'review.noHistory': 'No changes yet.',
    'review.none': 'This item has no mentions.',
    'review.status.auto': 'automatic',
    'review.status.accepted': 'accepted',
    'review.status.corrected': 'corrected',
    'review.status.added': 'added',
    'review.action.accept': 'accept',
    'review.action.correct': 'correct',
    'review.action.reject': 'reject',
    'review.action.add': 'add',
    'review.tone.positive': 'positive',
    'review.tone.neutral': 'neutral',
    'review.tone.negative': 'negative',
  },
};

const TONES = ['positive', 'neutral', 'negative'];

/** The text tagging offsets refer to (as itemDocument in src/core/types.ts). */
export function itemDocument(item) {
  return item.title ? `${item.title}\n\n${item.text}` : item.text;
}

/** [{id, name, type}] from the /api/entities map or an array. */
function entityList(entities) {
  const list = Array.isArray(entities)
    ? entities
    : Object.entries(entities ?? {}).map(([id, e]) => ({ id, ...e }));
  return list.map((e) => ({ id: e.id, name: e.name ?? e.id, type: e.type }));
}

/**
 * Offsets of the current selection in the document. With `root` (the element showing the
 * document, or its tail), the selection's place in it decides; otherwise the selected text
 * must occur once.
 */
export function selectionOffsets(doc, root, selection = globalThis.getSelection?.()) {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return { error: 'none' };
  const raw = selection.toString();
  const text = raw.trim();
  if (!text) return { error: 'none' };
  const lead = raw.length - raw.trimStart().length;
  const range = selection.getRangeAt(0);
  if (root && root.contains(range.startContainer)) {
    const pre = document.createRange();
    pre.selectNodeContents(root);
    pre.setEnd(range.startContainer, range.startOffset);
    const shown = root.textContent ?? '';
    const base = doc.length - shown.length;
    const start = base + pre.toString().length + lead;
    if (base >= 0 && doc.slice(start, start + text.length) === text)
      return { start, end: start + text.length };
  }
  const first = doc.indexOf(text);
  if (first < 0) return { error: 'none' };
  if (doc.indexOf(text, first + 1) >= 0) return { error: 'ambiguous' };
  return { start: first, end: first + text.length };
}

/**
 * opts: api(path) → JSON (GET), post(path, body) → JSON, onChange(item) after every saved
 * review, t(key) → text (falls back to REVIEW_TEXTS[lang]), entities (/api/entities map
 * or [{id, name, type}]), lang, textRoot (the element showing the document, for "add").
 */
export function reviewPanel(item, opts) {
  const { api, post, onChange, t = (k) => k, lang = 'az' } = opts;
  const tr = (key) => {
    const v = t(key);
    return v && v !== key ? v : (REVIEW_TEXTS[lang]?.[key] ?? REVIEW_TEXTS.en[key] ?? key);
  };
  const entities = entityList(opts.entities);
  const nameOf = (id) => entities.find((e) => e.id === id)?.name ?? id;
  const typeOf = (id) => entities.find((e) => e.id === id)?.type;
  const doc = itemDocument(item);
  const status = h('p', { class: 'review-status', role: 'status', 'aria-live': 'polite' });

  async function send(body) {
    status.textContent = '…';
    status.removeAttribute('role');
    try {
      const res = await post(`/api/items/${encodeURIComponent(item.id)}/review`, body);
      status.setAttribute('role', 'status');
      status.textContent = tr('review.saved');
      onChange?.(res.item);
    } catch (err) {
      status.setAttribute('role', 'alert');
      status.textContent = err.message;
    }
  }

  const entitySelect = (current) =>
    h(
      'select',
      { name: 'entity' },
      (entities.some((e) => e.id === current) || !current ? [] : [{ id: current, name: current }])
        .concat(entities)
        .map((e) => h('option', { value: e.id, selected: e.id === current }, e.name)),
    );
  const toneSelect = (current) =>
    h(
      'select',
      { name: 'tone' },
      TONES.map((x) => h('option', { value: x, selected: x === current }, tr(`review.tone.${x}`))),
    );
  const speechSelect = (current) =>
    h(
      'select',
      { name: 'speech' },
      ['', 'direct', 'indirect'].map((x) =>
        h(
          'option',
          { value: x, selected: x === (current ?? '') },
          tr(`review.speech.${x || 'none'}`),
        ),
      ),
    );
  const field = (label, control) => h('label', {}, `${label} `, control);
  const formValues = (form) => {
    const entity = form.elements.entity.value;
    const speech = form.elements.speech.value || null;
    const type = typeOf(entity);
    return { entity, tone: form.elements.tone.value, speech, ...(type ? { type } : {}) };
  };

  function mentionRow(m, i) {
    const form = h(
      'form',
      {
        class: 'review-correct',
        onsubmit: (e) => {
          e.preventDefault();
          send({ action: 'correct', mention: i, ...formValues(form) });
        },
      },
      field(tr('review.entity'), entitySelect(m.entity)),
      field(tr('review.tone'), toneSelect(m.tone)),
      field(tr('review.speech'), speechSelect(m.speech)),
      h('button', { type: 'submit' }, tr('review.save')),
    );
    const details = h('details', {}, h('summary', {}, tr('review.correct')), form);
    return h(
      'li',
      { class: `review-mention status-${m.status ?? 'auto'}` },
      h('strong', {}, m.surface),
      ` — ${nameOf(m.entity)} · ${tr(`review.tone.${m.tone}`)} · `,
      h('span', { class: 'review-badge' }, tr(`review.status.${m.status ?? 'auto'}`)),
      h('q', { class: 'review-sentence' }, m.sentence),
      h(
        'div',
        { class: 'review-buttons' },
        h(
          'button',
          {
            type: 'button',
            'aria-label': `${tr('review.accept')}: ${m.surface}`,
            onclick: () => send({ action: 'accept', mention: i }),
          },
          tr('review.accept'),
        ),
        h(
          'button',
          {
            type: 'button',
            'aria-label': `${tr('review.reject')}: ${m.surface}`,
            onclick: () => send({ action: 'reject', mention: i }),
          },
          tr('review.reject'),
        ),
      ),
      details,
    );
  }

  const addForm = h(
    'form',
    {
      class: 'review-add',
      onsubmit: (e) => {
        e.preventDefault();
        const at = selectionOffsets(doc, opts.textRoot);
        if (at.error) {
          status.setAttribute('role', 'alert');
          status.textContent = tr(
            at.error === 'ambiguous' ? 'review.ambiguous' : 'review.noSelection',
          );
          return;
        }
        send({ action: 'add', start: at.start, end: at.end, ...formValues(addForm) });
      },
    },
    h('p', {}, tr('review.addHint')),
    field(tr('review.entity'), entitySelect(entities[0]?.id)),
    field(tr('review.tone'), toneSelect('neutral')),
    field(tr('review.speech'), speechSelect(null)),
    h('button', { type: 'submit' }, tr('review.addButton')),
  );

  const history = h('ol', { class: 'review-history' });
  const historyBox = h(
    'details',
    {
      ontoggle: async (e) => {
        if (!e.target.open) return;
        try {
          const { reviews } = await api(`/api/items/${encodeURIComponent(item.id)}/reviews`);
          history.replaceChildren(
            ...(reviews.length
              ? reviews.map((r) =>
                  h(
                    'li',
                    {},
                    h('time', { datetime: r.at }, r.at.replace('T', ' ').slice(0, 16)),
                    ` ${r.coder}: ${tr(`review.action.${r.action}`)} `,
                    (r.before ?? r.after)?.surface ?? '',
                    r.note ? ` (${r.note})` : '',
                  ),
                )
              : [h('li', {}, tr('review.noHistory'))]),
          );
        } catch (err) {
          history.replaceChildren(h('li', { role: 'alert' }, err.message));
        }
      },
    },
    h('summary', {}, tr('review.history')),
    history,
  );

  return h(
    'section',
    { class: 'review', 'aria-labelledby': `review-${item.id}` },
    h('h2', { id: `review-${item.id}` }, tr('review.title')),
    status,
    item.mentions.length
      ? h('ol', { class: 'review-mentions' }, item.mentions.map(mentionRow))
      : h('p', {}, tr('review.none')),
    h('h3', {}, tr('review.add')),
    addForm,
    historyBox,
  );
}
