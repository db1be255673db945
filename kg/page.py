"""The browser query page of ``kg serve``: YASGUI with one tab per saved query.

Oxigraph's own page has no examples menu, so ``kg serve`` writes this page (default
``exports/query.html``). It loads YASGUI from the running server and sends queries to its
``/query`` endpoint (the server runs with CORS allowed, so the page works from a file).
Each saved query of ``queries/`` opens in its own tab with kg's prefixes declared.
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping

from kg.graph import vocabulary as v

__all__ = ["query_page"]


def query_page(base: str, queries: Mapping[str, str]) -> str:
    """The HTML page for the server at ``base`` with ``queries`` (name → SPARQL) as tabs."""
    tabs = [{"name": name, "query": v.sparql_prefixes() + text} for name, text in sorted(queries.items())]
    config = {"endpoint": f"{base}/query", "tabs": tabs}
    # "</" inside a <script> would end it early; JSON allows "<\\/" for it
    data = json.dumps(config, ensure_ascii=False).replace("</", "<\\/")
    return f"""<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>kg — {html.escape(base)}</title>
<link href="{html.escape(base)}/yasgui.min.css" rel="stylesheet" type="text/css">
<script src="{html.escape(base)}/yasgui.min.js"></script>
</head>
<body>
<div id="yasgui"></div>
<script id="kg-config" type="application/json">{data}</script>
<script>
  const kg = JSON.parse(document.getElementById("kg-config").textContent);
  const yasgui = new Yasgui(document.getElementById("yasgui"), {{
    requestConfig: {{ endpoint: kg.endpoint }},
    copyEndpointOnNewTab: true,
  }});
  for (const tab of kg.tabs) {{
    yasgui.addTab(false, {{ ...Yasgui.Tab.getDefaults(), name: tab.name,
                            yasqe: {{ value: tab.query }}, requestConfig: {{ endpoint: kg.endpoint }} }});
  }}
</script>
</body>
</html>
"""
