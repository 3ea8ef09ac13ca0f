/** The console's one stylesheet: mobile first (360 px), high contrast, visible focus, print rules. */
export const APP_CSS = `
:root{--ink:#1a1a1a;--muted:#4a4a4a;--bg:#fff;--soft:#f3f5f7;--line:#c9cfd6;--brand:#0b4f8a;--brand-ink:#fff;--ok:#1d6b2c;--ok-bg:#e6f4e9;--warn:#7a4b00;--warn-bg:#fff4d6;--err:#a01919;--err-bg:#fde8e8;--focus:#ffbf47}
*{box-sizing:border-box}
html{font-size:100%}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;line-height:1.5;color:var(--ink);background:var(--bg)}
a{color:var(--brand)}
a:hover{text-decoration-thickness:2px}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px;box-shadow:0 0 0 5px var(--ink)}
.skip{position:absolute;left:-999px;top:0;background:var(--focus);color:var(--ink);padding:.5rem 1rem;z-index:10}
.skip:focus{left:0}
header.top{background:var(--brand);color:var(--brand-ink)}
header.top a,header.top .linkish{color:var(--brand-ink)}
.bar{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.5rem;padding:.5rem 1rem;max-width:72rem;margin:0 auto}
.brand{display:flex;align-items:center;gap:.5rem;font-weight:700;text-decoration:none;font-size:1.05rem}
.account{display:flex;flex-wrap:wrap;gap:.75rem;align-items:center;font-size:.9rem}
.who{opacity:.95}
header nav{background:#083b68}
header nav ul{list-style:none;margin:0 auto;padding:0 .5rem;display:flex;flex-wrap:wrap;max-width:72rem}
header nav a{display:block;padding:.6rem .6rem;text-decoration:none;font-size:.95rem}
header nav a[aria-current=page]{border-bottom:3px solid var(--focus);font-weight:700}
main{max-width:72rem;margin:0 auto;padding:1rem}
main:focus{outline:none}
footer{border-top:1px solid var(--line);color:var(--muted);font-size:.85rem;padding:1rem;text-align:center}
h1{font-size:1.5rem;margin:.5rem 0 1rem}
h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
.inline{display:inline}
.btn{display:inline-block;font:inherit;font-weight:600;border-radius:.35rem;padding:.55rem 1rem;border:2px solid var(--brand);cursor:pointer;text-decoration:none;min-height:44px}
.btn.primary{background:var(--brand);color:var(--brand-ink)}
.btn.secondary{background:#fff;color:var(--brand)}
.btn.danger{background:#fff;color:var(--err);border-color:var(--err)}
.linkish{background:none;border:0;padding:0;font:inherit;text-decoration:underline;cursor:pointer;color:var(--brand)}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;margin:1rem 0}
.notice{border-left:6px solid var(--brand);background:var(--soft);padding:.75rem 1rem;margin:1rem 0}
.notice.success{border-color:var(--ok);background:var(--ok-bg)}
.notice.warning{border-color:#b37400;background:var(--warn-bg)}
.notice.error{border-color:var(--err);background:var(--err-bg)}
.notice ul{margin:.25rem 0 0;padding-left:1.25rem}
form.stack{max-width:40rem}
fieldset{border:1px solid var(--line);border-radius:.35rem;margin:1rem 0;padding:.5rem 1rem 1rem}
legend{font-weight:700;padding:0 .25rem}
.field{margin:.75rem 0}
.field label{display:block;font-weight:600;margin-bottom:.2rem}
.field input[type=text],.field input[type=email],.field input[type=password],.field input[type=date],.field input[type=tel],.field select,.field textarea{width:100%;font:inherit;padding:.5rem;border:2px solid #5f6b76;border-radius:.3rem;background:#fff;color:var(--ink);min-height:44px}
.field.check{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
.field.check input{width:1.4rem;height:1.4rem}
.field.check label{margin:0;font-weight:600}
.field.invalid input,.field.invalid select,.field.invalid textarea{border-color:var(--err)}
.field-error{color:var(--err);font-weight:600;margin:.25rem 0 0}
.field .hint{color:var(--muted);font-size:.9rem;margin:0 0 .25rem}
.req{color:var(--err)}
.grid2{display:grid;gap:0 1rem}
fieldset.entry{margin:.5rem 0;padding:.25rem .75rem .5rem}
.field input[type=file]{font:inherit;min-height:44px;max-width:100%}
.tabs ul{list-style:none;display:flex;flex-wrap:wrap;gap:.5rem;padding:0;margin:0 0 1rem}
.tabs a{display:block;padding:.45rem .8rem;border:1px solid var(--line);border-radius:.3rem;text-decoration:none}
.tabs a[aria-current=page]{font-weight:700;border:2px solid var(--focus)}
@media(min-width:40rem){.grid2{grid-template-columns:1fr 1fr}}
.search{display:grid;gap:1rem}
@media(min-width:56rem){.search{grid-template-columns:16rem 1fr}}
.filters .field{margin:.5rem 0}
.facet{list-style:none;padding:0;margin:.25rem 0 .75rem;font-size:.9rem}
.facet li{display:flex;justify-content:space-between;gap:.5rem}
.cards{list-style:none;margin:0;padding:0;display:grid;gap:.75rem}
.card{border:1px solid var(--line);border-radius:.4rem;padding:.75rem 1rem;background:#fff}
.card h3{margin:0 0 .25rem;font-size:1.1rem}
.meta{color:var(--muted);font-size:.9rem;margin:.1rem 0}
.badge{display:inline-block;border-radius:1rem;padding:.05rem .6rem;font-size:.85rem;font-weight:700;border:1px solid currentColor}
.b-active,.b-valid,.b-open,.b-verified,.b-hired,.b-shortlisted{color:var(--ok);background:var(--ok-bg)}
.b-pending,.b-draft,.b-submitted{color:var(--warn);background:var(--warn-bg)}
.b-rejected,.b-revoked,.b-expired,.b-suspended,.b-not_found,.b-invalid{color:var(--err);background:var(--err-bg)}
.b-placed,.b-filled,.b-closed,.b-withdrawn{color:#333;background:#eee}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.95rem}
th,td{border-bottom:1px solid var(--line);padding:.45rem .5rem;text-align:left;vertical-align:top}
th{background:var(--soft)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.facts{display:grid;gap:.25rem 1rem;margin:0}
.facts div{display:grid;grid-template-columns:minmax(8rem,40%) 1fr;gap:.5rem;border-bottom:1px dotted var(--line);padding:.2rem 0}
.facts dt{color:var(--muted)}
.facts dd{margin:0;font-weight:600}
.pager{display:flex;gap:1rem;align-items:center;margin:1rem 0}
.kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(9rem,1fr));gap:.75rem;list-style:none;padding:0}
.kpis li{border:1px solid var(--line);border-radius:.4rem;padding:.5rem .75rem}
.kpis strong{display:block;font-size:1.5rem}
.chart{max-width:100%;height:auto}
.chart text{font-size:12px;fill:#1a1a1a}
.result{border:3px solid var(--line);border-radius:.5rem;padding:1rem;margin:1rem 0}
.result.valid{border-color:var(--ok);background:var(--ok-bg)}
.result.invalid{border-color:var(--err);background:var(--err-bg)}
.result .big{font-size:1.4rem;font-weight:800;margin:0}
.ak1{display:flex;flex-wrap:wrap;gap:1rem;margin:1rem 0}
.idcard{width:85.6mm;height:53.98mm;border:1px solid #333;border-radius:3mm;padding:2.5mm 3mm;font-size:7.5pt;line-height:1.25;background:#fffbe0;color:#000;overflow:hidden;position:relative}
.idcard h2{font-size:8.5pt;margin:0 0 1mm;text-transform:uppercase}
.idcard .org{font-size:6.5pt;margin:0 0 1.5mm}
.idcard .num{font-size:11pt;font-weight:800;letter-spacing:.5px;margin:0 0 1mm}
.idcard dl{margin:0;display:grid;grid-template-columns:auto 1fr;gap:0 2mm}
.idcard dt{font-weight:400}
.idcard dd{margin:0;font-weight:700}
.idcard .qr{position:absolute;right:2.5mm;bottom:2.5mm;width:22mm;height:22mm}
.idcard .qr svg{width:100%;height:100%}
.idcard.front dl{max-width:56mm}
.idcard table{font-size:6.5pt}
.idcard th,.idcard td{padding:.6mm 1mm;border:1px solid #555;background:none}
.print-only{display:none}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
details.filters-more>summary{cursor:pointer;font-weight:600;padding:.5rem 0}
@media(max-width:40rem){
  table.stacked thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
  table.stacked tr{display:block;border:1px solid var(--line);border-radius:.4rem;margin:0 0 .75rem;padding:.25rem .5rem}
  table.stacked td{display:block;border:0;padding:.25rem 0}
}
@media print{
  header.top,footer,.no-print,.skip{display:none!important}
  main{padding:0;max-width:none}
  .print-only{display:block}
  body{background:#fff}
  a{color:#000;text-decoration:none}
  .idcard{break-inside:avoid;box-shadow:none}
  @page{margin:12mm}
}
`;
