"""Exports of the graph: network views for Gephi (GraphML, GEXF 1.3, CSV) and RDF dumps."""

from kg.export.network import FORMATS, Filters, actor_network, default_output, network, write

__all__ = ["FORMATS", "Filters", "actor_network", "default_output", "network", "write"]
