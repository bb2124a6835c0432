"""The report as one self-contained HTML page for people who never open a terminal: inline CSS and
SVG, no script, and a Content-Security-Policy that forbids every fetch, so opening it sends nothing."""

from __future__ import annotations

from html import escape

from brandlint.report.charts import line_chart, stacked_bars

CSS = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#222;max-width:1100px;margin:2em auto;padding:0 1em}
h1{margin-bottom:.2em}h2{margin-top:2em;border-bottom:2px solid #2f6db5;padding-bottom:.2em}
.sub{color:#666}.tiles{display:flex;flex-wrap:wrap;gap:12px;margin:1.5em 0}
.tile{border:1px solid #ddd;border-radius:8px;padding:10px 16px;min-width:130px}
.tile b{display:block;font-size:28px}.bad b{color:#c0392b}.good b{color:#3a9a5b}
table{border-collapse:collapse;width:100%;margin:1em 0}th,td{border-bottom:1px solid #e4e4e4;padding:6px 8px;
text-align:left;vertical-align:top}th{background:#f4f6f9}td.n{text-align:right;font-variant-numeric:tabular-nums}
.zero{color:#bbb}.none{color:#c0392b;font-weight:600}.chart{max-width:100%;height:auto}
.chart .lbl{font-size:12px;fill:#333}.chart .num{font-size:11px;fill:#666}
pre{background:#f6f8fa;padding:10px;border-radius:6px;overflow:auto}details{margin:.6em 0}
summary{cursor:pointer;font-weight:600}.sev-error{color:#c0392b}.sev-warning{color:#b9770e}.sev-info{color:#666}
"""
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'"
SECTIONS = {"fact": "Facts", "message": "Messages", "prohibited": "Prohibited claims", "retired": "Retired claims"}


def render(data: dict, base: str = "") -> str:
    """`base`: the path from the page's folder to the project root, so links to files work."""
    parts = [_head(data), _tiles(data), _coverage(data), _problems(data, base), _conflicts(data, base),
             _missing(data, base), _history(data), _documents(data, base), "</body></html>\n"]
    return "".join(parts)


def _link(base: str, path: str, line: int | None = None) -> str:
    href = escape((base.rstrip("/") + "/" if base else "") + path, quote=True)
    shown = escape(path + (f":{line}" if line else ""))
    return f'<a href="{href}">{shown}</a>'


def _head(data) -> str:
    company = escape(data.get("company") or "the company")
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
            f'<meta name="viewport" content="width=device-width,initial-scale=1">'
            f"<title>Messaging report: {company}</title><style>{CSS}</style></head><body>"
            f"<h1>Messaging report: {company}</h1>"
            f'<p class="sub">What {len(data["documents"])} documents do with the master messaging, as of '
            f'{escape(data["as_of"])}. Made by brandlint {escape(data["tool"]["version"])}.</p>')


def _tiles(data) -> str:
    live = [c for c in data["coverage"] if c["section"] in ("fact", "message")]
    used = sum(1 for c in live if c["documents"])
    bad_live = sum(len(c["documents"]) for c in data["coverage"] if c["section"] in ("prohibited", "retired"))
    tiles = [("good" if used == len(live) else "", used, f"of {len(live)} approved messages used"),
             ("bad" if data["findings"]["by_severity"]["error"] else "good", data["findings"]["by_severity"]["error"],
              "errors to fix"),
             ("bad" if bad_live else "good", bad_live, "prohibited or retired claims live"),
             ("bad" if data["conflicts"] else "good", len(data["conflicts"]), "facts stated two ways"),
             ("bad" if data["missing_required"] else "good", len(data["missing_required"]), "required messages missing")]
    return '<div class="tiles">' + "".join(
        f'<div class="tile {cls}"><b>{n}</b>{escape(text)}</div>' for cls, n, text in tiles) + "</div>"


def _coverage(data) -> str:
    channels = data["channels"]
    out = ["<h2>Which messages reach which audiences</h2>",
           "<p>How many documents restate each entry of the master messaging (by meaning, not by exact words), "
           "per channel. A message no document uses is either not needed or not reaching people.</p>"]
    approved = [c for c in data["coverage"] if c["section"] in ("fact", "message")]
    out.append(stacked_bars("Documents restating each approved message, by channel",
                            [(c["entry"], [c["by_channel"][ch] for ch in channels]) for c in approved], channels))
    for section in ("fact", "message", "prohibited", "retired"):
        rows = [c for c in data["coverage"] if c["section"] == section]
        if not rows:
            continue
        head = "".join(f'<th class="n">{escape(ch)}</th>' for ch in channels)
        wording = "approved text" if section in ("fact", "message") else "the claim, as it must not be made"
        out.append(f"<h3>{SECTIONS[section]}</h3><table><tr><th>entry</th><th>{wording}</th>{head}"
                   f'<th class="n">total</th></tr>')
        for c in rows:
            cells = "".join(f'<td class="n{" zero" if not c["by_channel"][ch] else ""}">{c["by_channel"][ch]}</td>'
                            for ch in channels)
            total = len(c["documents"])
            shown = ('<span class="none">not used</span>' if not total and section in ("fact", "message")
                     else str(total))
            out.append(f"<tr><td>{escape(c['entry'])}</td><td>{escape(c['text'])}</td>{cells}"
                       f'<td class="n">{shown}</td></tr>')
        out.append("</table>")
    return "".join(out)


def _problems(data, base) -> str:
    f = data["findings"]
    out = ["<h2>Live problems, by kind</h2>",
           f"<p>{f['total']} findings: {f['by_severity']['error']} errors, {f['by_severity']['warning']} warnings, "
           f"{f['by_severity']['info']} notes. Each links to the file and line.</p>"]
    families = sorted(f["by_family"])
    out.append(stacked_bars("Findings by kind and channel",
                            [(fam, [sum(1 for i in f["items"] if i["family"] == fam and i["channel"] == ch)
                                    for ch in data["channels"]]) for fam in families], data["channels"]))
    groups: dict[str, list] = {}
    for item in f["items"]:
        groups.setdefault(f"{item['rule']} {item['name']}", []).append(item)
    for name, items in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        out.append(f"<details><summary>{escape(name)} ({len(items)})</summary><table>"
                   "<tr><th>where</th><th>channel</th><th>problem</th><th>suggestion</th></tr>")
        for i in items:
            out.append(f"<tr><td>{_link(base, i['path'], i['line'])}</td><td>{escape(i['channel'])}</td>"
                       f'<td class="sev-{i["severity"]}">{escape(i["message"])}</td>'
                       f"<td>{escape('; '.join(i['suggestions']))}</td></tr>")
        out.append("</table></details>")
    return "".join(out)


def _conflicts(data, base) -> str:
    out = ["<h2>Facts the copy states in different ways</h2>"]
    if not data["conflicts"]:
        return out[0] + "<p>None: no two documents give different figures for the same thing.</p>"
    out.append("<p>These documents state the same thing with different figures, and the messaging does not say "
               "which is right. Decide, then add the suggested entry to the messaging so brandlint checks it.</p>")
    for group in data["conflicts"]:
        out.append(f"<h3>{escape(' vs '.join(group['figures']))}</h3><table>"
                   "<tr><th>where</th><th>figure</th><th>what it says</th></tr>")
        for s in group["statements"]:
            out.append(f"<tr><td>{_link(base, s['path'], s['line'])}</td><td>{escape(s['figure'])}</td>"
                       f"<td>{escape(s['text'])}</td></tr>")
        out.append(f"</table><p>Suggested messaging entry:</p><pre>{escape(group['suggestion'])}</pre>")
    return "".join(out)


def _missing(data, base) -> str:
    head = "<h2>Required messages missing</h2>"
    if not data["missing_required"]:
        return head + "<p>None: every document carries the messages it must.</p>"
    rows = "".join(f"<tr><td>{_link(base, m['path'])}</td><td>{escape(m['channel'])}</td><td>{escape(m['entry'])}</td>"
                   f"<td>{escape(m['text'])}</td></tr>" for m in data["missing_required"])
    return (head + "<p>These documents must carry a message they do not restate; add the approved text.</p>"
            "<table><tr><th>document</th><th>channel</th><th>entry</th><th>text to add</th></tr>" + rows + "</table>")


def _history(data) -> str:
    history = data.get("history")
    if not history:
        return ""
    labels = [h["date"] for h in history]
    chart = line_chart("Findings per commit", labels, {
        "findings": [h["findings"] for h in history], "errors": [h["by_severity"]["error"] for h in history]})
    rows = "".join(f"<tr><td>{escape(h['date'])}</td><td><code>{escape(h['commit'])}</code> {escape(h['subject'])}</td>"
                   f'<td class="n">{h["documents"]}</td><td class="n">{h["findings"]}</td>'
                   f'<td class="n">{h["by_severity"]["error"]}</td></tr>' for h in history)
    return ("<h2>Trend over the last commits</h2>" + chart +
            "<table><tr><th>date</th><th>commit</th><th class=\"n\">documents</th><th class=\"n\">findings</th>"
            "<th class=\"n\">errors</th></tr>" + rows + "</table>")


def _documents(data, base) -> str:
    top = data["findings"]["top_documents"]
    if not top:
        return ""
    rows = "".join(f'<tr><td>{_link(base, d["path"])}</td><td class="n">{d["findings"]}</td>'
                   f'<td class="n">{d["errors"]}</td></tr>' for d in top)
    return ("<h2>Documents with the most findings</h2><table><tr><th>document</th><th class=\"n\">findings</th>"
            "<th class=\"n\">errors</th></tr>" + rows + "</table>")
