// The coverage page: shares of voice, tone and the equality indices for a unit, period
// and set of outlets, with every chart and table downloadable.
import { api, h } from './dom.js';

const UNITS = ['items', 'mentions', 'words', 'seconds'];
const PERIODS = ['', 'pre-campaign', 'campaign', 'silence', 'voting-day', 'post-election'];
const CHARTS = ['share-by-outlet', 'coverage-over-time', 'tone-by-subject', 'lorenz'];

export const COVERAGE_TEXTS = {
  az: {
    title: 'Namizədlərin və partiyaların əhatəsi',
    unit: 'Ölçü vahidi',
    units: { items: 'material', mentions: 'istinad', words: 'söz', seconds: 'saniyə' },
    period: 'Dövr',
    periods: {
      '': 'bütün dövr',
      'pre-campaign': 'kampaniyadan əvvəl',
      campaign: 'təşviqat',
      silence: 'sükut dövrü',
      'voting-day': 'səsvermə günü',
      'post-election': 'seçkidən sonra',
    },
    by: 'Qruplaşdır',
    bys: { entity: 'namizəd', party: 'partiya', outlet: 'media', ownership: 'mülkiyyət' },
    apply: 'Göstər',
    subject: 'Subyekt',
    value: 'Həcm',
    share: 'Pay',
    gap: 'Bərabər paydan fərq',
    tone: 'Ton (müsbət / neytral / mənfi)',
    indices: 'Bərabərlik göstəriciləri (layihənin öz ölçüləri)',
    download: 'Yüklə',
    table: 'Cədvəl (gün × media)',
    silence: 'Sükut dövründə və səsvermə günü namizədlər haqqında materiallar (mümkün pozuntular)',
    incumbent: 'Hazırkı prezident: rəsmi fəaliyyət və namizəd kimi əhatə',
    official: 'rəsmi',
    candidate: 'namizəd',
    none: 'Yoxdur.',
  },
  en: {
    title: 'Coverage of candidates and parties',
    unit: 'Unit',
    units: { items: 'items', mentions: 'mentions', words: 'words', seconds: 'seconds' },
    period: 'Period',
    periods: {
      '': 'whole election',
      'pre-campaign': 'pre-campaign',
      campaign: 'campaign',
      silence: 'silence period',
      'voting-day': 'voting day',
      'post-election': 'after the election',
    },
    by: 'Group by',
    bys: { entity: 'candidate', party: 'party', outlet: 'outlet', ownership: 'ownership' },
    apply: 'Show',
    subject: 'Subject',
    value: 'Coverage',
    share: 'Share',
    gap: 'Gap to equal share',
    tone: 'Tone (positive / neutral / negative)',
    indices: "Equality indices (the project's own measures)",
    download: 'Download',
    table: 'Table (day × outlet)',
    silence: 'Items about candidates in the silence period and on voting day (possible violations)',
    incumbent: 'Incumbent: official capacity versus candidate coverage',
    official: 'official',
    candidate: 'candidate',
    none: 'None.',
  },
};

const pct = (x) => (x === null || x === undefined ? '—' : `${(100 * x).toFixed(1)} %`);
const num = (x, d = 3) => (x === null || x === undefined ? '—' : Number(x).toFixed(d));

function choice(name, label, values, labels, current) {
  return h(
    'label',
    {},
    label,
    h(
      'select',
      { name },
      values.map((v) => h('option', { value: v, selected: v === current }, labels[v] ?? v)),
    ),
  );
}

export async function coverageView(params, { lang, go, entityName }) {
  const T = COVERAGE_TEXTS[lang];
  const p = new URLSearchParams(params);
  if (!p.get('unit')) p.set('unit', 'mentions');
  if (!p.get('by')) p.set('by', 'entity');
  const report = await api(`/api/metrics?${p}`);
  const form = h(
    'form',
    {
      class: 'search',
      onsubmit: (e) => {
        e.preventDefault();
        const next = new URLSearchParams();
        for (const [k, v] of new FormData(e.target)) if (v) next.set(k, String(v));
        go('/coverage', next);
      },
    },
    h(
      'div',
      { class: 'facets' },
      choice('unit', T.unit, UNITS, T.units, p.get('unit')),
      choice('period', T.period, PERIODS, T.periods, p.get('period') ?? ''),
      choice('by', T.by, ['entity', 'party', 'outlet', 'ownership'], T.bys, p.get('by')),
      h('button', { type: 'submit' }, T.apply),
    ),
  );
  const name = (id) => (p.get('by') === 'entity' || p.get('by') === 'party' ? entityName(id) : id);
  const table = h(
    'table',
    { class: 'coverage' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        [T.subject, `${T.value} (${T.units[report.unit]})`, T.share, T.gap, T.tone].map((c) =>
          h('th', {}, c),
        ),
      ),
    ),
    h(
      'tbody',
      {},
      report.subjects.map((s) =>
        h(
          'tr',
          {},
          h(
            'td',
            {},
            h('a', { href: `#/search?entity=${encodeURIComponent(s.entity)}` }, name(s.entity)),
          ),
          h('td', { class: 'num' }, String(Math.round(s.value * 100) / 100)),
          h(
            'td',
            { class: 'bar' },
            h('span', { style: `width:${Math.round(100 * (s.share ?? 0))}%` }),
            pct(s.share),
          ),
          h('td', { class: 'num' }, pct(s.gapToEqual)),
          h('td', {}, `${s.tone.positive} / ${s.tone.neutral} / ${s.tone.negative}`),
        ),
      ),
    ),
  );
  const ix = report.indices;
  const chartQuery = (kind, format) => {
    const q = new URLSearchParams(p);
    q.set('labels', lang);
    return `/api/charts/${kind}.${format}?${q}`;
  };
  const exportQuery = (format) => `/api/export/coverage.${format}?${p}`;
  return [
    h('h1', {}, T.title),
    form,
    table,
    h(
      'p',
      { class: 'meta' },
      `${T.download}: `,
      h('a', { href: exportQuery('csv'), download: '' }, 'CSV'),
      ' · ',
      h('a', { href: exportQuery('xlsx'), download: '' }, 'XLSX'),
      ` — ${T.table}`,
    ),
    h('h2', {}, T.indices),
    h(
      'table',
      { class: 'indices' },
      h(
        'tbody',
        {},
        [
          ['Gini', num(ix.gini)],
          ['HHI*', num(ix.hhiNormalized)],
          ['Shannon evenness', num(ix.evenness)],
          [
            'max/min',
            ix.maxMinRatio === null ? `— (${ix.maxMinRatioReason ?? ''})` : num(ix.maxMinRatio, 2),
          ],
          [
            'χ²',
            `${num(ix.chiSquare.statistic, 2)} (df ${ix.chiSquare.df}, p ${num(ix.chiSquare.p, 4)})`,
          ],
        ].map(([k, v]) => h('tr', {}, h('th', {}, k), h('td', {}, v))),
      ),
    ),
    report.incumbent
      ? [
          h('h2', {}, T.incumbent),
          h(
            'p',
            {},
            `${T.official}: ${report.incumbent.official.mentions} · ${T.candidate}: ${report.incumbent.candidate.mentions} (${T.units.mentions})`,
          ),
        ]
      : null,
    h('h2', {}, T.silence),
    report.silenceViolations.length
      ? h(
          'ul',
          {},
          report.silenceViolations.map((v) =>
            h(
              'li',
              {},
              h('a', { href: `#/item/${v.itemId}` }, `${v.sourceId} · ${v.publishedAt}`),
              ` — ${v.entities.map(entityName).join(', ')}`,
            ),
          ),
        )
      : h('p', {}, T.none),
    h(
      'div',
      { class: 'charts' },
      CHARTS.map((kind) =>
        h(
          'figure',
          {},
          h('img', {
            src: chartQuery(kind, 'svg'),
            alt: kind,
            loading: 'lazy',
            width: 900,
            height: 500,
          }),
          h(
            'figcaption',
            {},
            `${T.download}: `,
            h('a', { href: chartQuery(kind, 'svg'), download: '' }, 'SVG'),
            ' · ',
            h('a', { href: chartQuery(kind, 'png'), download: '' }, 'PNG'),
          ),
        ),
      ),
    ),
  ];
}
