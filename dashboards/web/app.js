// The dashboard: search, item, coverage and sources pages over the JSON API.
// State lives in the URL hash, so every view can be shared as a link.
import { TEXTS } from './i18n.js';
import { api, h, highlighted, markRanges, safeUrl } from './dom.js';
import { coverageView } from './coverage.js';
import { LOGIN_TEXTS, loginView, post } from './login.js';
import { REVIEW_TEXTS, reviewPanel } from './review.js';
import { SEGMENT_TEXTS, segmentForm } from './segments.js';

let lang = localStorage.getItem('lang') || 'az';
let entities = {};
let session = { user: null };
const canCode = () => ['coder', 'admin'].includes(session.user?.role);
const t = (key) => TEXTS[lang][key] ?? LOGIN_TEXTS[lang][key] ?? REVIEW_TEXTS[lang][key] ?? key;
const tt = (group, key) => TEXTS[lang][group]?.[key] ?? key;
const view = () => document.getElementById('view');
const entityName = (id) => entities[id]?.names?.[lang] ?? entities[id]?.name ?? id;

function route() {
  const [path, query = ''] = location.hash.replace(/^#/, '').split('?');
  return { path: path || '/search', params: new URLSearchParams(query) };
}

function go(path, params) {
  const q = params ? params.toString() : '';
  location.hash = `#${path}${q ? `?${q}` : ''}`;
}

// Baku time as 2024-02-08 11:40 in both languages: browsers' Azerbaijani date formats
// are incomplete ("2024 M02 8").
const BAKU = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Baku',
  dateStyle: 'short',
  timeStyle: 'short',
});

function date(iso) {
  return iso ? BAKU.format(new Date(iso)) : '—';
}

function select(name, label, options, current) {
  return h(
    'label',
    {},
    label,
    h(
      'select',
      { name },
      h('option', { value: '' }, t('facet.any')),
      options.map(([value, text]) => h('option', { value, selected: value === current }, text)),
    ),
  );
}

async function searchView(params) {
  const [result, entityCounts, sourceCounts, dayCounts] = await Promise.all([
    api(`/api/search?${params}`),
    api(`/api/counts?by=entity&${withoutPaging(params)}`),
    api(`/api/counts?by=source&${withoutPaging(params)}`),
    api(`/api/counts?by=day&${withoutPaging(params)}`),
  ]);
  const form = h(
    'form',
    {
      class: 'search',
      role: 'search',
      onsubmit: (e) => {
        e.preventDefault();
        const p = new URLSearchParams();
        for (const [k, v] of new FormData(e.target)) if (v) p.append(k, String(v));
        go('/search', p);
      },
    },
    h('input', {
      name: 'q',
      type: 'search',
      value: params.get('q') ?? '',
      placeholder: t('search.placeholder'),
      'aria-label': t('search.button'),
    }),
    h('button', { type: 'submit' }, t('search.button')),
    h(
      'div',
      { class: 'facets' },
      select(
        'entity',
        t('facet.entity'),
        entityCounts.map((r) => [r.entity, `${entityName(r.entity)} (${r.items})`]),
        params.get('entity'),
      ),
      select(
        'source',
        t('facet.source'),
        sourceCounts.map((r) => [r.source, `${r.source} (${r.items})`]),
        params.get('source'),
      ),
      select(
        'ownership',
        t('facet.ownership'),
        Object.entries(TEXTS[lang].ownership),
        params.get('ownership'),
      ),
      select(
        'lang',
        t('facet.lang'),
        [
          ['az', 'Azərbaycan'],
          ['ru', 'Русский'],
          ['en', 'English'],
          ['tr', 'Türkçe'],
        ],
        params.get('lang'),
      ),
      select('tone', t('facet.tone'), Object.entries(TEXTS[lang].tone), params.get('tone')),
      h(
        'label',
        {},
        t('facet.from'),
        h('input', { type: 'date', name: 'from', value: params.get('from') ?? '' }),
      ),
      h(
        'label',
        {},
        t('facet.to'),
        h('input', { type: 'date', name: 'to', value: params.get('to') ?? '' }),
      ),
      h(
        'label',
        {},
        h('input', {
          type: 'checkbox',
          name: 'dedupe',
          value: 'story',
          checked: params.get('dedupe') === 'story',
        }),
        t('facet.story'),
      ),
    ),
  );
  const limit = Number(params.get('limit') ?? 20);
  const offset = Number(params.get('offset') ?? 0);
  const page = (o) => {
    const p = new URLSearchParams(params);
    p.set('offset', String(o));
    return `#/search?${p}`;
  };
  return [
    form,
    h(
      'p',
      { class: 'count' },
      `${result.total}${result.totalRelation === 'gte' ? '+' : ''} ${t('search.results')}`,
    ),
    histogram(dayCounts, params),
    result.hits.length === 0
      ? h('p', {}, t('search.none'))
      : h(
          'ol',
          { class: 'results', start: offset + 1 },
          result.hits.map(({ item, highlights }) =>
            h(
              'li',
              {},
              h('a', { class: 'title', href: `#/item/${item.id}` }, item.title || item.url),
              h(
                'div',
                { class: 'meta' },
                `${item.sourceName} · ${tt('ownership', item.ownership)} · ${date(item.publishedAt)} · ${item.lang}`,
                item.duplicateOf ? ' · ⧉' : '',
              ),
              highlights.map((s) => h('p', { class: 'snippet' }, highlighted(s))),
              h(
                'div',
                { class: 'tags' },
                item.entities.map((e) => h('span', { class: 'tag' }, entityName(e))),
              ),
            ),
          ),
        ),
    h(
      'nav',
      { class: 'pager' },
      offset > 0 ? h('a', { href: page(Math.max(0, offset - limit)) }, t('prev')) : null,
      offset + limit < result.total ? h('a', { href: page(offset + limit) }, t('next')) : null,
    ),
  ];
}

/** Items per day as bars; a bar narrows the search to its day. */
function histogram(days, params) {
  const dated = days.filter((d) => d.day);
  if (dated.length < 2) return null;
  const max = Math.max(...dated.map((d) => d.items));
  return h(
    'div',
    { class: 'histogram', role: 'list', 'aria-label': t('facet.from') },
    dated.map((d) => {
      const p = new URLSearchParams(params);
      p.set('from', d.day);
      p.set('to', d.day);
      p.delete('offset');
      return h(
        'a',
        {
          role: 'listitem',
          href: `#/search?${p}`,
          title: `${d.day}: ${d.items}`,
          style: `height:${Math.max(2, Math.round((60 * d.items) / max))}px`,
        },
        h('span', { class: 'sr-only' }, `${d.day}: ${d.items}`),
      );
    }),
  );
}

function withoutPaging(params) {
  const p = new URLSearchParams(params);
  p.delete('offset');
  p.delete('limit');
  return p;
}

async function itemView(id) {
  const { item, story } = await api(`/api/items/${encodeURIComponent(id)}`);
  const doc = item.title ? `${item.title}\n\n${item.text}` : item.text;
  const titleFor = (m) => `${entityName(m.entity)} · ${tt('kind', m.kind)} · ${tt('tone', m.tone)}`;
  const headEnd = item.title ? item.title.length : 0;
  const bodyStart = item.title ? headEnd + 2 : 0;
  const shifted = item.mentions
    .filter((m) => m.start >= bodyStart)
    .map((m) => ({ ...m, start: m.start - bodyStart, end: m.end - bodyStart }));
  const textRoot = h('div', { class: 'text' }, markRanges(doc.slice(bodyStart), shifted, titleFor));
  const mentionTable = h(
    'table',
    {},
    h(
      'tbody',
      {},
      item.mentions.map((m) =>
        h(
          'tr',
          {},
          h('td', {}, entityName(m.entity)),
          h('td', {}, m.surface),
          h('td', {}, tt('kind', m.kind)),
          h('td', {}, tt('position', m.position)),
          h('td', { class: `tone-${m.tone}` }, tt('tone', m.tone)),
        ),
      ),
    ),
  );
  return [
    h(
      'article',
      { class: 'item' },
      h(
        'h1',
        {},
        markRanges(
          item.title,
          item.mentions.filter((m) => m.end <= headEnd),
          titleFor,
        ),
      ),
      h(
        'p',
        { class: 'meta' },
        `${item.source.name} · ${t('item.published')}: ${date(item.publishedAt)} · ${t('item.fetched')}: ${date(item.fetchedAt ?? item.ingestedAt)} · ${item.lang}`,
      ),
      h(
        'p',
        {},
        h(
          'a',
          { href: safeUrl(item.url), rel: 'noopener noreferrer nofollow', target: '_blank' },
          t('item.original'),
        ),
      ),
      textRoot,
    ),
    h('h2', {}, t('item.mentions')),
    canCode()
      ? reviewPanel(item, { api, post, onChange: () => render(), t, entities, lang, textRoot })
      : mentionTable,
    story.length
      ? [
          h('h2', {}, t('item.story')),
          h(
            'ul',
            {},
            story.map((s) =>
              h(
                'li',
                {},
                h('a', { href: `#/item/${s.id}` }, `${s.sourceName}: ${s.title}`),
                ` (${date(s.publishedAt)})`,
              ),
            ),
          ),
        ]
      : null,
  ];
}

async function sourcesView() {
  const { sources, summary } = await api(`/api/sources?lang=${lang}`);
  const entry = canCode()
    ? segmentForm({ lang, entities, toneNames: TEXTS[lang].tone, post })
    : h('p', { class: 'meta' }, SEGMENT_TEXTS[lang].needLogin);
  const c = summary.byCondition;
  const enabled = summary.total - c.disabled;
  const counts = ['failing', 'paused', 'untried', 'disabled']
    .filter((k) => c[k] > 0)
    .map((k) => `${c[k]} ${t(`condition.${k}`)}`);
  const offline = enabled > 1 && c.reachable === 0 && c.failing + c.paused > 0;
  const headline = [
    t('sources.summary').replace('{reachable}', c.reachable).replace('{enabled}', enabled),
    ...counts,
  ].join(' · ');
  return [
    entry,
    h('h1', {}, t('sources.title')),
    h('p', { class: `sources-summary${offline ? ' offline' : ''}` }, headline),
    offline ? h('p', { class: 'sources-summary offline' }, t('sources.offline')) : null,
    h(
      'table',
      { class: 'sources' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          [
            t('facet.source'),
            t('facet.ownership'),
            t('sources.state'),
            t('sources.lastOk'),
            t('sources.next'),
            t('sources.today'),
            t('sources.items'),
          ].map((col) => h('th', {}, col)),
        ),
      ),
      h(
        'tbody',
        {},
        sources.map((s) =>
          h(
            'tr',
            { class: s.condition },
            h(
              'td',
              {},
              h('a', { href: `#/search?source=${encodeURIComponent(s.sourceId)}` }, s.name),
            ),
            h('td', {}, tt('ownership', s.ownership)),
            h(
              'td',
              { title: s.lastError ?? '' },
              h('span', { class: `badge ${s.condition}` }, t(`condition.${s.condition}`)),
              s.reason ? ` ${s.reason}` : '',
            ),
            h('td', {}, date(s.lastSuccessAt)),
            h('td', {}, date(s.nextAttemptAt)),
            h('td', {}, String(s.itemsToday)),
            h('td', {}, String(s.itemCount)),
          ),
        ),
      ),
    ),
  ];
}

async function render() {
  const { path, params } = route();
  const root = view();
  root.replaceChildren(h('p', { class: 'loading' }, '…'));
  document.documentElement.lang = lang;
  document.getElementById('lang').textContent = lang === 'az' ? 'EN' : 'AZ';
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  document.getElementById('who').textContent = session.user
    ? `${session.user.name} (${t(`role.${session.user.role}`)})`
    : t('login.title');
  try {
    let content;
    if (path.startsWith('/item/')) content = await itemView(path.slice(6));
    else if (path === '/sources') content = await sourcesView();
    else if (path === '/login')
      content = loginView({
        api,
        post,
        t,
        onLogin: (user) => {
          session = { user };
          go('/search');
        },
      });
    else if (path === '/coverage') content = await coverageView(params, { lang, go, entityName });
    else content = await searchView(params);
    root.replaceChildren(...[content].flat(2).filter(Boolean));
  } catch (err) {
    root.replaceChildren(
      h('p', { class: 'error', role: 'alert' }, `${t('error')}: ${err.message}`),
    );
  }
}

document.getElementById('lang').addEventListener('click', () => {
  lang = lang === 'az' ? 'en' : 'az';
  localStorage.setItem('lang', lang);
  render();
});
window.addEventListener('hashchange', render);
Promise.allSettled([
  api('/api/entities').then((r) => (entities = r.entities ?? {})),
  api('/api/session').then((r) => (session = { user: r.user ?? null })),
]).finally(render);
