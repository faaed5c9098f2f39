// Small valid documents the mutations start from. Texts written for these tests.

export const RSS_SEED = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Gündəm Xəbərləri</title><link>https://news.example/</link>
<item><title>Seçki komissiyası iclas keçirdi &amp; qərar verdi</title>
<link>https://news.example/a/1</link><guid>n-1</guid>
<pubDate>Sat, 20 Jan 2024 10:00:00 +0400</pubDate>
<description><![CDATA[<p>Mərkəzi Seçki Komissiyası bu gün <b>növbəti</b> iclasını keçirdi.</p>]]></description>
</item>
<item><title>Намзәдләр дебатда чыхыш етди</title><link>https://news.example/a/2</link>
<pubDate>Sun, 21 Jan 2024 18:30:00 GMT</pubDate>
<content:encoded><![CDATA[<div><p>Телевизион дебатлар ахшам саат 8-дә башлады.</p><script>var FUZZ_SCRIPT_MARKER=1</script></div>]]></content:encoded>
</item></channel></rss>`;

export const ATOM_SEED = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Regional Daily</title>
<entry><title type="html">Observers arrive in Ganja</title>
<link href="https://daily.example/2024/01/observers"/><id>urn:x:1</id>
<updated>2024-01-22T09:15:00Z</updated>
<summary>International observers reached the city on Monday morning.</summary></entry>
<entry><title>Polling stations open</title><link rel="alternate" href="/2024/02/polls"/>
<published>2024-02-07T08:00:00+04:00</published>
<content type="html">&lt;p&gt;Voting started at eight o'clock across the country.&lt;/p&gt;</content></entry>
</feed>`;

export const ARTICLE_SEED = `<!doctype html><html lang="az"><head><meta charset="utf-8">
<title>Namizədlər kampaniyaya başladı | Xəbər Portalı</title>
<meta property="og:title" content="Namizədlər kampaniyaya başladı">
<link rel="canonical" href="https://portal.example/xeber/123">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Namizədlər kampaniyaya başladı","datePublished":"2024-01-18T11:00:00+04:00","author":{"name":"Aygün Məmmədova"}}</script>
<script>window.FUZZ_SCRIPT_MARKER = "<p>not text</p>";</script>
<style>.FUZZ_STYLE_MARKER { color: red }</style></head>
<body><nav><a href="/">Əsas</a> <a href="/siyasət">Siyasət</a></nav>
<article class="post-content"><h1>Namizədlər kampaniyaya başladı</h1>
<time datetime="2024-01-18T11:00:00+04:00">18 yanvar 2024, 11:00</time>
<p>Prezident seçkiləri üçün qeydiyyatdan keçmiş namizədlər bu gün təşviqat kampaniyasına rəsmi olaraq başladılar.</p>
<p>Mərkəzi Seçki Komissiyasının sədri jurnalistlərə bildirdi ki, bütün namizədlərə bərabər efir vaxtı ayrılacaq.</p>
<p>Müşahidəçilər kampaniyanın gedişini izləyəcək və hesabat dərc edəcəklər.</p></article>
<aside class="related"><h3>Son xəbərlər</h3><ul><li><a href="/1">Digər xəbər</a></li></ul></aside>
<footer>© 2024 Xəbər Portalı</footer></body></html>`;

export const TELEGRAM_SEED = `<html><body><section class="tgme_channel_history">
<div class="tgme_widget_message" data-post="xeberkanal/101">
<div class="tgme_widget_message_text">Seçki məntəqələri saat 8-də açılır.<br>Ətraflı saytda.</div>
<span class="tgme_widget_message_views">12.3K</span>
<a class="tgme_widget_message_date" href="https://t.me/xeberkanal/101"><time datetime="2024-02-07T08:00:00+00:00">08:00</time></a></div>
<div class="tgme_widget_message" data-post="xeberkanal/102">
<div class="tgme_widget_message_forwarded_from_name">Rəsmi Kanal</div>
<div class="tgme_widget_message_text">Fəallıq 11:00-a qədər <b>25%</b> olub.</div>
<span class="tgme_widget_message_views">987</span></div>
<a class="tme_messages_more" data-before="101" href="/s/xeberkanal?before=101">more</a>
</section></body></html>`;

export const VTT_SEED = `WEBVTT
Kind: captions

NOTE written for the fuzz tests

1
00:00:01.000 --> 00:00:04.200
<v Aparıcı>Axşamınız xeyir, xəbərlərə xoş gəlmisiniz.

2
00:00:04.200 --> 00:00:08.900 align:start
Bu gün Mərkəzi Seçki Komissiyası &amp; müşahidəçilər görüşdü.

00:01:02.500 --> 00:01:05.000
<c.yellow>Hava proqnozu</c> sabah yağışlı olacaq.
`;

export const SRT_SEED = `1
00:00:00,500 --> 00:00:03,000
{\\an8}Добрый вечер, в эфире новости.

2
00:00:03,000 --> 00:00:06,250
Избирательные участки открылись
в восемь часов утра.

3
01:10:00,000 --> 01:10:02,000
Конец выпуска.
`;

export const IMPORT_CSV_SEED = `url,message,page_name,created_time,total_interactions
https://facebook.example/posts/1,"Namizəd bu gün Şəkidə seçicilərlə görüşdü.",Xəbər Səhifəsi,2024-01-20 10:00:00,120
https://facebook.example/posts/2,"Müşahidəçilər ""şəffaflıq"" tələb etdi,
və bəyanat yaydı.",Müşahidə Mərkəzi,2024-01-21T08:00:00Z,"1,204"
https://facebook.example/posts/3,Qısa qeyd,Şəxsi Səhifə,21.01.2024 14:05,5
`;

export const IMPORT_JSONL_SEED = [
  { url: 'https://tiktok.example/@a/video/1', text: 'Seçki haqqında qısa video', author: 'a' },
  {
    permalink: 'https://instagram.example/p/2',
    caption: 'Mitinqdən görüntülər',
    taken_at: '1705748400',
  },
  { id: '3', username: 'kanal', video_description: 'Debatın xülasəsi' },
  { link: 'https://facebook.example/4', from: { name: 'Səhifə' }, message: 'Bəyanat', likes: 7 },
]
  .map((o) => JSON.stringify(o))
  .join('\n');

export const SEGMENTS_CSV_SEED = `channel,programme,date,start,duration,subject,tone,speech,coder
AzTV,Xəbərlər,2024-01-20,21:00,95,aliyev_ilham,neutral,direct,aynur
İctimai TV,Gündəm,20.01.2024,21:05:30,1:30,Zahid Oruc,+,indirect,aynur
"Space TV","Axşam, xəbərləri",2024-01-21,20:00+03:00,"12,5",aliyev_ilham,-,dolayı,rəşad
`;

/** Lines for `monitor ingest` (ingestRecordSchema). */
export function ingestLine(n: number): string {
  return JSON.stringify({
    url: `https://ingest.example/item/${n}`,
    title: `Xəbər ${n}`,
    text: `Seçki kampaniyası haqqında məlumat nömrə ${n}.`,
    publishedAt: '2024-01-20T10:00:00Z',
    source: { id: 'ingest_src', name: 'Ingest Source', kind: 'import', ownership: 'private' },
  });
}

export const INGEST_SEED = [1, 2, 3].map(ingestLine).join('\n');

/** Lines for `monitor tag`. */
export const TAG_SEED = [
  {
    id: 'a',
    title: 'İlham Əliyev Gəncədə',
    text: 'Prezident İlham Əliyev seçicilərlə görüşdü. YAP bəyanat yaydı.',
  },
  { id: 'b', text: 'Ильхам Алиев встретился с избирателями в Баку.', lang: 'ru' },
  { id: 3, text: 'Zahid Oruc debatda çıxış etdi; Əliyevin proqramını tənqid etdi.' },
]
  .map((o) => JSON.stringify(o))
  .join('\n');
