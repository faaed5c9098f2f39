// Entry of one coded broadcast segment (airtime timed by a monitor) on the Sources page.
import { h } from './dom.js';

export const SEGMENT_TEXTS = {
  az: {
    title: 'Yayım seqmentinin daxil edilməsi',
    channel: 'Kanal',
    programme: 'Veriliş',
    date: 'Tarix',
    start: 'Başlanğıc (SS:DD)',
    duration: 'Müddət (saniyə)',
    subject: 'Subyekt',
    tone: 'Ton',
    speech: 'Nitq',
    direct: 'birbaşa',
    indirect: 'dolayı',
    save: 'Yadda saxla',
    saved: 'Saxlanıldı',
    needLogin: 'Seqment daxil etmək üçün kodlayıcı kimi daxil olun.',
  },
  en: {
    title: 'Enter a coded broadcast segment',
    channel: 'Channel',
    programme: 'Programme',
    date: 'Date',
    start: 'Start (HH:MM)',
    duration: 'Duration (seconds)',
    subject: 'Subject',
    tone: 'Tone',
    speech: 'Speech',
    direct: 'direct',
    indirect: 'indirect',
    save: 'Save',
    saved: 'Saved',
    needLogin: 'Sign in as a coder to enter segments.',
  },
};

export function segmentForm({ lang, entities, toneNames, post }) {
  const T = SEGMENT_TEXTS[lang];
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const field = (name, label, input) =>
    h('label', {}, label, input ?? h('input', { name, required: true }));
  const form = h(
    'form',
    {
      class: 'segment',
      onsubmit: async (e) => {
        e.preventDefault();
        const row = Object.fromEntries(new FormData(e.target));
        try {
          const r = await post('/api/segments', { rows: [row] });
          status.textContent = r.errors?.length
            ? r.errors.map((x) => x.message).join('; ')
            : `${T.saved} (${r.statuses.join(', ')})`;
        } catch (err) {
          status.textContent = err.message;
        }
      },
    },
    h('h2', {}, T.title),
    h(
      'div',
      { class: 'facets' },
      field(
        'channel',
        T.channel,
        h('input', { name: 'channel', required: true, placeholder: 'AzTV' }),
      ),
      field('programme', T.programme, h('input', { name: 'programme', required: true })),
      field('date', T.date, h('input', { name: 'date', type: 'date', required: true })),
      field(
        'start',
        T.start,
        h('input', { name: 'start', required: true, pattern: '\\d{1,2}:\\d{2}(:\\d{2})?' }),
      ),
      field(
        'duration',
        T.duration,
        h('input', { name: 'duration', type: 'number', min: '1', required: true }),
      ),
      field(
        'subject',
        T.subject,
        h(
          'select',
          { name: 'subject', required: true },
          Object.entries(entities).map(([id, e]) => h('option', { value: id }, e.name ?? id)),
        ),
      ),
      field(
        'tone',
        T.tone,
        h(
          'select',
          { name: 'tone' },
          Object.entries(toneNames).map(([k, v]) =>
            h('option', { value: k, selected: k === 'neutral' }, v),
          ),
        ),
      ),
      field(
        'speech',
        T.speech,
        h(
          'select',
          { name: 'speech' },
          h('option', { value: 'direct' }, T.direct),
          h('option', { value: 'indirect' }, T.indirect),
        ),
      ),
      h('button', { type: 'submit' }, T.save),
    ),
    status,
  );
  return form;
}
