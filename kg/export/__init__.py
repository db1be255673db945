"""Exports of the graph for network tools (Gephi): networkx graphs written as GraphML/GEXF."""

from kg.export.network import actor_network, write

__all__ = ["actor_network", "write"]
