extension Report {
    /// The key figures as a table, in the order of summary.json.
    var kpiTable: String {
        var rows = [
            "<table id=\"kpi-table\">", "<thead><tr><th>figure</th><th>value</th></tr></thead>",
            "<tbody>",
        ]
        for field in folder.fields {
            rows.append("<tr><td>\(xmlEscaped(field.columnName))</td><td class=\"number\">"
                + "\(xmlEscaped(field.text))</td></tr>")
        }
        rows += ["</tbody>", "</table>"]
        return rows.joined(separator: "\n")
    }

    /// The page's only styling; system fonts, so nothing is fetched.
    static let css = """
    body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 24px auto;
      max-width: 1160px; color: #222; }
    h1 { font-size: 22px; } h2 { font-size: 17px; margin-top: 28px; }
    .lead, figcaption { color: #555; font-size: 13px; }
    figure { margin: 0; } svg.chart { width: 100%; height: auto; }
    svg text { font-family: inherit; } .tick { font-size: 11px; fill: #444; }
    .axis, .legend { font-size: 12px; fill: #222; } .marker { font-size: 11px; }
    .value { font-size: 11px; fill: #222; }
    table { border-collapse: collapse; font-size: 13px; }
    td, th { border-bottom: 1px solid #ddd; padding: 3px 12px 3px 0; text-align: left; }
    td.number { text-align: right; font-variant-numeric: tabular-nums; }
    """
}
