import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { demoCorpus, NEWS_OUTLET_KEYS, type DemoArticle } from '../../../src/demo/corpus.ts';
import { buildSite } from '../../../src/demo/site.ts';

const corpus = demoCorpus();
const articles: (DemoArticle & { outlet: string })[] = NEWS_OUTLET_KEYS.flatMap((k) =>
  corpus.articles[k].map((a) => ({ ...a, outlet: k })),
);
const items = [
  ...articles.map((a) => ({
    outlet: a.outlet,
    date: a.date,
    text: `${a.title}\n${a.paragraphs.join('\n')}`,
  })),
  ...corpus.posts.map((p) => ({
    outlet: 'seckigundemi',
    date: p.date,
    text: p.paragraphs.join('\n'),
  })),
];

// Surface forms per candidate in the three languages (nominative stems; endings attach).
const CANDIDATES: Record<string, RegExp> = {
  aliyev_ilham: /İlham Əliyev|Ильхам Алиев|Ilham Aliyev/u,
  oruc_zahid: /Zahid Oruc|Захид Орудж|Zahid Oruj/u,
  mustafa_fazil: /Fazil Mustafa|Фазил[ья] Мустаф/u,
  hasanguliyev_gudrat: /Qüdrət Həsənquliyev|Гудрат Гасангулиев|Gudrat Hasanguliyev/u,
  nurullayev_razi: /Razi Nurullayev|Рази Нуруллаев/u,
  musayev_elshad: /Elşad Musayev|Эльшад[а]? Мусаев|Elshad Musayev/u,
  aliyev_fuad: /Fuad Əliyev|Фуад Алиев|Fuad Aliyev/u,
};

const SILENCE_START = Date.parse('2024-02-06T08:00:00+04:00');
const VOTING_START = Date.parse('2024-02-07T08:00:00+04:00');
const anyCandidate = (t: string): boolean => Object.values(CANDIDATES).some((re) => re.test(t));

describe('demo corpus', () => {
  it('has at least 90 items across six outlets', () => {
    expect(items.length).toBeGreaterThanOrEqual(90);
    expect(new Set(items.map((i) => i.outlet)).size).toBe(6);
  });

  it('names every one of the seven candidates, several times each', () => {
    for (const [id, re] of Object.entries(CANDIDATES)) {
      const hits = items.filter((i) => re.test(i.text)).length;
      expect(hits, id).toBeGreaterThanOrEqual(3);
    }
  });

  it('spans pre-campaign, every campaign week, voting day and the day after', () => {
    const times = items.map((i) => Date.parse(i.date));
    expect(Math.min(...times)).toBeLessThanOrEqual(Date.parse('2023-12-21T00:00:00+04:00'));
    expect(Math.max(...times)).toBeGreaterThanOrEqual(Date.parse('2024-02-08T00:00:00+04:00'));
    for (let w = Date.parse('2024-01-15T00:00:00+04:00'); w < SILENCE_START; w += 7 * 86_400_000) {
      expect(times.filter((t) => t >= w && t < w + 7 * 86_400_000).length).toBeGreaterThan(5);
    }
    expect(
      times.filter((t) => t >= VOTING_START && t < VOTING_START + 86_400_000).length,
    ).toBeGreaterThan(3);
  });

  it('has campaign coverage published in the silence period', () => {
    const silent = items.filter((i) => {
      const t = Date.parse(i.date);
      return t >= SILENCE_START && t < VOTING_START && anyCandidate(i.text);
    });
    expect(silent.length).toBeGreaterThanOrEqual(2);
    expect(new Set(silent.map((i) => i.outlet)).size).toBeGreaterThanOrEqual(2);
  });

  it('has reposts attributed to the state agency and language editions of its stories', () => {
    const reposts = items.filter(
      (i) => i.outlet !== 'mxa' && /MXA|МХА|Mərkəz Xəbər Agentliyi/u.test(i.text),
    );
    expect(reposts.length).toBeGreaterThanOrEqual(5);
    const ids = new Set(corpus.articles.mxa.map((a) => a.id));
    const editions = corpus.articles.mxa.filter((a) => a.edition);
    expect(editions.length).toBeGreaterThanOrEqual(6);
    for (const e of editions) expect(ids.has(e.edition ?? ''), e.id).toBe(true);
  });

  it('makes the state agency cover the incumbent far more than the challengers', () => {
    const mxa = items.filter((i) => i.outlet === 'mxa');
    const incumbent = mxa.filter((i) =>
      /İlham Əliyev|Ильхам Алиев|Ilham Aliyev|Prezident|dövlət başçısı|Ali Baş Komandan/u.test(
        i.text,
      ),
    ).length;
    const { aliyev_ilham: _, ...others } = CANDIDATES;
    for (const [id, re] of Object.entries(others)) {
      expect(mxa.filter((i) => re.test(i.text)).length, id).toBeLessThan(incumbent / 2);
    }
  });

  it('keeps articles between 3 and 8 paragraphs with proper Azerbaijani letters', () => {
    for (const a of articles) {
      expect(a.paragraphs.length, a.id).toBeGreaterThanOrEqual(3);
      expect(a.paragraphs.length, a.id).toBeLessThanOrEqual(8);
      if (a.lang === 'az') expect(a.paragraphs.join(' '), a.id).toMatch(/[əğışçöüİ]/u);
    }
  });

  it('contains the tagger traps the domain notes list', () => {
    const all = items.map((i) => i.text).join('\n');
    for (const trap of [
      /Heydər Əliyev (Fondu|Mərkəz|Beynəlxalq Aeroport)/u,
      /Mehriban Əliyeva/u,
      /Elşən Musayev/u,
      /\boruc tut/u,
      /(?<!\p{L})razı(?!\p{L})/u,
      /Böyük Azərbaycan şairi/u,
      /Prezident Ərdoğan/u,
    ]) {
      expect(all).toMatch(trap);
    }
  });

  it('keeps the windows-1251 outlet inside that charset', () => {
    const text = JSON.stringify(corpus.articles.novosti);
    expect(iconv.decode(iconv.encode(text, 'win1251'), 'win1251')).toBe(text);
  });

  it('renders the same site twice byte for byte', () => {
    const a = buildSite('http://127.0.0.1:1');
    const b = buildSite('http://127.0.0.1:1');
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [path, page] of a) expect(b.get(path)?.body, path).toBe(page.body);
  });
});
