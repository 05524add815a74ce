//! `docs/conformance/index.html`: the report as one self-contained page (inline CSS, SVG charts
//! and a little JavaScript for sorting and filtering the module table), viewable offline.

use super::markdown::status_label;
use super::{percent, ModuleRow, Report, SliceTotals};
use std::fmt::Write as _;

/// Escapes text for HTML content and attribute values.
pub fn esc(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => s.push_str("&amp;"),
            '<' => s.push_str("&lt;"),
            '>' => s.push_str("&gt;"),
            '"' => s.push_str("&quot;"),
            '\'' => s.push_str("&#39;"),
            c => s.push(c),
        }
    }
    s
}

const STYLE: &str = r#"
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
main{max-width:1200px;margin:0 auto;padding:24px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 10px}
.meta{color:#5b6475}
.cards{display:flex;flex-wrap:wrap;gap:12px}
.card{background:#fff;border:1px solid #dde1e8;border-radius:8px;padding:12px 16px;min-width:200px}
.card b{font-size:22px;display:block}
.card span{color:#5b6475}
.chart{background:#fff;border:1px solid #dde1e8;border-radius:8px;padding:12px;margin-bottom:12px}
.chart h3{margin:0 0 6px;font-size:15px}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{border-bottom:1px solid #e5e8ee;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#eef1f5;cursor:pointer;user-select:none;position:sticky;top:0}
th.num,td.num{text-align:right}
code{font:12px/1.3 ui-monospace,SFMono-Regular,Menlo,monospace;background:#f0f2f5;padding:1px 3px;border-radius:3px;word-break:break-word}
.pass{color:#13795b}.fail{color:#b42318}.muted{color:#7a8394}
input{font:inherit;padding:5px 8px;width:320px;margin-bottom:8px}
ol li{margin-bottom:6px}
"#;

const SCRIPT: &str = r#"
document.querySelectorAll('table.sortable').forEach(function(table){
  table.querySelectorAll('th').forEach(function(th, col){
    th.addEventListener('click', function(){
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      var asc = th.dataset.dir !== 'asc';
      table.querySelectorAll('th').forEach(function(h){ delete h.dataset.dir; });
      th.dataset.dir = asc ? 'asc' : 'desc';
      rows.sort(function(a, b){
        var x = a.cells[col].dataset.v !== undefined ? a.cells[col].dataset.v : a.cells[col].textContent;
        var y = b.cells[col].dataset.v !== undefined ? b.cells[col].dataset.v : b.cells[col].textContent;
        var nx = parseFloat(x), ny = parseFloat(y);
        var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
        return asc ? c : -c;
      });
      rows.forEach(function(r){ body.appendChild(r); });
    });
  });
});
var filter = document.getElementById('filter');
if (filter) filter.addEventListener('input', function(){
  var q = filter.value.toLowerCase();
  document.querySelectorAll('#modules tbody tr').forEach(function(r){
    r.style.display = r.textContent.toLowerCase().indexOf(q) >= 0 ? '' : 'none';
  });
});
"#;

impl Report {
    pub fn html(&self) -> String {
        let mut s = String::new();
        let _ = write!(
            s,
            "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
             <title>protopy conformance</title><style>{STYLE}</style></head><body><main>\n"
        );
        let commit = self.commit.as_deref().map_or(String::new(), |c| {
            format!(" at commit <code>{}</code>", esc(c))
        });
        let _ = writeln!(
            s,
            "<h1>protopy conformance</h1><p class=\"meta\">Generated {}{commit} against CPython {} by \
             <code>cargo xtask conformance</code>. Same data as <a href=\"report.md\">report.md</a> and \
             <a href=\"report.json\">report.json</a>.</p>",
            esc(&self.generated),
            esc(&self.reference_version)
        );
        self.cards(&mut s);
        if let Some(r) = &self.tracks.regrtest {
            let _ = writeln!(s, "<h2>Regrtest slices</h2>");
            for t in &r.slices {
                let rows: Vec<&ModuleRow> = r
                    .modules
                    .iter()
                    .filter(|m| m.slices.contains(&t.name))
                    .collect();
                slice_chart(&mut s, t, &rows);
            }
        }
        self.changes_html(&mut s);
        self.blockers_html(&mut s);
        self.modules_html(&mut s);
        self.snapshots_html(&mut s);
        let _ = writeln!(s, "</main><script>{SCRIPT}</script></body></html>");
        s
    }

    fn cards(&self, s: &mut String) {
        let _ = writeln!(s, "<div class=\"cards\">");
        let mut card = |value: String, label: String| {
            let _ = writeln!(
                s,
                "<div class=\"card\"><b>{}</b><span>{}</span></div>",
                esc(&value),
                esc(&label)
            );
        };
        if let Some(a) = &self.tracks.ast {
            card(
                format!("{:.2}%", percent(a.dump_identical, a.accepted)),
                format!(
                    "AST: {} of {} files identical",
                    a.dump_identical, a.accepted
                ),
            );
        }
        if let Some(t) = &self.tracks.snapshots {
            card(
                format!("{:.1}%", percent(t.passing_normal, t.cases)),
                format!(
                    "snapshots: {} of {} (GC stress: {})",
                    t.passing_normal, t.cases, t.passing_gc_stress
                ),
            );
        }
        if let Some(r) = &self.tracks.regrtest {
            card(
                format!("{:.1}%", percent(r.protopy_pass, r.reference_pass)),
                format!(
                    "regrtest `{}`: {} of {} passing cases, {} modules",
                    r.slice, r.protopy_pass, r.reference_pass, r.modules_run
                ),
            );
        }
        let _ = writeln!(s, "</div>");
    }

    fn changes_html(&self, s: &mut String) {
        let _ = writeln!(s, "<h2>Change since the last report</h2>");
        let Some(c) = &self.changes else {
            let _ = writeln!(
                s,
                "<p class=\"muted\">No previous report to compare with.</p>"
            );
            return;
        };
        let _ = writeln!(
            s,
            "<p>Against {}: <b class=\"pass\">{} fixed</b>, <b class=\"fail\">{} regressed</b>, {} new.</p>",
            esc(&c.previous),
            c.fixed.len(),
            c.regressed.len(),
            c.new.len()
        );
        for (label, list) in [
            ("Regressed", &c.regressed),
            ("Fixed", &c.fixed),
            ("New", &c.new),
        ] {
            if list.is_empty() {
                continue;
            }
            let _ = writeln!(
                s,
                "<details><summary>{label} ({})</summary><ul>",
                list.len()
            );
            for id in list.iter().take(500) {
                let _ = writeln!(s, "<li><code>{}</code></li>", esc(id));
            }
            let _ = writeln!(s, "</ul></details>");
        }
    }

    fn blockers_html(&self, s: &mut String) {
        let _ = writeln!(s, "<h2>Top blockers</h2>");
        if self.blockers.is_empty() {
            let _ = writeln!(s, "<p>None.</p>");
            return;
        }
        let _ = writeln!(
            s,
            "<p class=\"muted\">Cases that pass under CPython and not under protopy, grouped by their \
             normalized first error line; the first is the next most valuable fix.</p><ol>"
        );
        for b in &self.blockers {
            let more = b.place_count.saturating_sub(b.places.len());
            let places: Vec<String> = b.places.iter().map(|p| esc(p)).collect();
            let tail = if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            };
            let _ = writeln!(
                s,
                "<li><b>{} cases</b>: <code>{}</code><br><span class=\"muted\">{}{tail}</span></li>",
                b.cases,
                esc(&b.example),
                places.join(", ")
            );
        }
        let _ = writeln!(s, "</ol>");
    }

    fn modules_html(&self, s: &mut String) {
        let Some(r) = &self.tracks.regrtest else {
            return;
        };
        let _ = writeln!(
            s,
            "<h2>Modules</h2><input id=\"filter\" placeholder=\"Filter modules, slices, errors\">\
             <table id=\"modules\" class=\"sortable\"><thead><tr><th>module</th><th>slices</th>\
             <th class=\"num\">cases</th><th class=\"num\">CPython</th><th class=\"num\">protopy</th>\
             <th class=\"num\">%</th><th>protopy status</th></tr></thead><tbody>"
        );
        for m in &r.modules {
            let status = match &m.protopy_error {
                Some(e) => format!(
                    "{}: <code>{}</code>",
                    status_label(m.protopy_status),
                    esc(e)
                ),
                None => status_label(m.protopy_status).to_string(),
            };
            let reference = match &m.reference_error {
                Some(e) if m.cases == 0 => format!(
                    "<span class=\"muted\" title=\"{}\">{}</span>",
                    esc(e),
                    status_label(m.reference_status)
                ),
                _ => m.reference_pass.to_string(),
            };
            let _ = writeln!(
                s,
                "<tr><td><code>{}</code></td><td>{}</td><td class=\"num\">{}</td><td class=\"num\" data-v=\"{}\">{reference}</td>\
                 <td class=\"num\">{}</td><td class=\"num\" data-v=\"{:.3}\">{:.1}</td><td>{status}</td></tr>",
                esc(&m.module),
                esc(&m.slices.join(", ")),
                m.cases,
                m.reference_pass,
                m.protopy_pass,
                m.percent,
                m.percent
            );
        }
        let _ = writeln!(s, "</tbody></table>");
    }

    fn snapshots_html(&self, s: &mut String) {
        let Some(t) = &self.tracks.snapshots else {
            return;
        };
        let _ = writeln!(
            s,
            "<h2>Snapshot cases</h2><table class=\"sortable\"><thead><tr><th>case</th><th>normal</th>\
             <th>GC stress</th><th>first error line</th></tr></thead><tbody>"
        );
        for r in &t.results {
            let class = |pass: bool| if pass { "pass" } else { "fail" };
            let _ = writeln!(
                s,
                "<tr><td><code>{}</code></td><td class=\"{}\">{}</td><td class=\"{}\">{}</td><td><code>{}</code></td></tr>",
                esc(&r.id),
                class(r.normal.is_pass()),
                r.normal,
                class(r.gc_stress.is_pass()),
                r.gc_stress,
                esc(r.error.as_deref().unwrap_or(""))
            );
        }
        let _ = writeln!(s, "</tbody></table>");
    }
}

/// One slice's chart: a total bar (CPython's passing cases, protopy's share in green), then one
/// column per module, its height the square root of the module's passing cases under CPython.
fn slice_chart(s: &mut String, t: &SliceTotals, rows: &[&ModuleRow]) {
    const W: f64 = 1120.0;
    const BAR: f64 = 18.0;
    const COLS: f64 = 90.0;
    let share = percent(t.protopy_pass, t.reference_pass);
    let _ = writeln!(
        s,
        "<div class=\"chart\"><h3>{} <span class=\"muted\">({} modules, {} of {} passing cases, {:.1}%)</span></h3>\
         <p class=\"muted\" style=\"margin:0 0 6px\">{}</p>",
        esc(&t.name),
        t.modules,
        t.protopy_pass,
        t.reference_pass,
        share,
        esc(&t.description)
    );
    let height = BAR + 10.0 + COLS + 4.0;
    let _ = write!(
        s,
        "<svg viewBox=\"0 0 {W} {height}\" width=\"100%\" role=\"img\" aria-label=\"{}\">",
        esc(&format!("{}: {share:.1}% of passing cases", t.name))
    );
    let green = W * share / 100.0;
    let _ = write!(
        s,
        "<rect x=\"0\" y=\"0\" width=\"{W}\" height=\"{BAR}\" fill=\"#d9dde5\"/>\
         <rect x=\"0\" y=\"0\" width=\"{green:.1}\" height=\"{BAR}\" fill=\"#1f9d74\"/>\
         <text x=\"6\" y=\"13\" font-size=\"12\" fill=\"#1d2330\">protopy {} / CPython {}</text>",
        t.protopy_pass, t.reference_pass
    );
    let mut rows: Vec<&&ModuleRow> = rows.iter().collect();
    rows.sort_by(|a, b| {
        b.reference_pass
            .cmp(&a.reference_pass)
            .then(a.module.cmp(&b.module))
    });
    let max = rows.first().map_or(1, |m| m.reference_pass.max(1)) as f64;
    let step = if rows.is_empty() {
        W
    } else {
        W / rows.len() as f64
    };
    let gap = if step > 4.0 { 1.0 } else { 0.0 };
    let base = BAR + 10.0 + COLS;
    for (i, m) in rows.iter().enumerate() {
        let h = COLS * (m.reference_pass as f64).sqrt() / max.sqrt();
        let h = h.max(1.0);
        let x = i as f64 * step;
        let ok = h * m.percent / 100.0;
        let _ = write!(
            s,
            "<g><title>{}: {} of {} passing cases ({:.1}%)</title>\
             <rect x=\"{x:.2}\" y=\"{:.2}\" width=\"{:.2}\" height=\"{h:.2}\" fill=\"#d9dde5\"/>\
             <rect x=\"{x:.2}\" y=\"{:.2}\" width=\"{:.2}\" height=\"{ok:.2}\" fill=\"#1f9d74\"/></g>",
            esc(&m.module),
            m.protopy_pass,
            m.reference_pass,
            m.percent,
            base - h,
            (step - gap).max(0.5),
            base - ok,
            (step - gap).max(0.5)
        );
    }
    let _ = writeln!(s, "</svg></div>");
}
