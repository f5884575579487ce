/**
 * 自包含 HTML 页面的外壳（打分表、自评表）。The shell of a self-contained, printable HTML page for the score sheet
 * and the self-evaluation: inline CSS, no scripts, no external resources (no `src=`, `href=` or `<link>`).
 */

const ESCAPES: { readonly [c: string]: string } = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** 转义 HTML 文字。Escapes text for HTML. */
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);

const STYLE = `body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:2em auto;max-width:64em;color:#222;line-height:1.5}
h1{font-size:1.4em}h2{font-size:1.15em;border-bottom:1px solid #ccc}table{border-collapse:collapse;width:100%;margin:.5em 0}
th,td{border:1px solid #bbb;padding:.3em .5em;vertical-align:top}th{background:#f2f2f2;text-align:left}td.n{text-align:right;white-space:nowrap}
th.group{background:#f7f7f7;font-weight:bold}tr.level1 td{font-weight:bold;background:#fafafa}
tr.lost td{background:#fff6dd}tr.issue td{background:#fde8e8}tr.na td{color:#777}
tr.error td{background:#fde8e8}tr.warning td{background:#fff6dd}tr.notice td{background:#eef5ff}
.total{font-size:1.1em;font-weight:bold}.provisional{color:#a33}.en{color:#555;font-size:.92em}
ul.issues li{background:#fde8e8;margin:.2em 0;padding:.2em .4em;list-style:none}ul.warnings li{background:#fff6dd;margin:.2em 0;padding:.2em .4em;list-style:none}
code{font-size:.9em}@media print{body{margin:0;max-width:none}tr{break-inside:avoid}}`;

/**
 * 一页 HTML：标题与正文（正文须已转义）。One HTML page: the title (escaped here) and the body (already escaped).
 *
 * @param title the page title, plain text
 * @param body the body's HTML
 * @returns the document
 */
export function htmlPage(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${body}
</body>
</html>
`;
}

